package review

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/yishi-council/yishi/roles/cards"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet"
)

// KindScoresheet is the kind of a scoresheet file.
const KindScoresheet = "scoresheet"

// Scoresheet is one reviewer's scores and evidence for one group of one
// round: a score and the evidence for it per rubric dimension, the
// group's strengths and what it should improve.
type Scoresheet struct {
	// Scenario is the id of the scenario the sheet was made for; empty
	// when the sheet does not say.
	Scenario string `json:"scenario,omitempty"`
	// Plan is the sheet id: the [plan.Plan.GroupID] of the group the sheet
	// was made for, or, on a sheet made before groups had ids of their
	// own, the [plan.Plan.ID] of the plan; empty when the sheet does not
	// say (a sheet made by hand). It keeps the name of the `plan:` key and
	// the plan column, which say the same thing to existing readers.
	Plan     string `json:"plan,omitempty"`
	Reviewer string `json:"reviewer"`
	Round    int    `json:"round"`
	Group    int    `json:"group"`
	// Scores maps a dimension id to its score; a dimension the reviewer
	// left blank has no Value.
	Scores       map[string]Score `json:"scores"`
	Strengths    []string         `json:"strengths,omitempty"`
	Improvements []string         `json:"improvements,omitempty"`

	// Pos is where the sheet starts: its file, or its row of a CSV file.
	Pos scenario.Pos `json:"-"`
	// row is the sheet's row as a spreadsheet numbers it, in a CSV file
	// or a workbook; 0 in YAML.
	row int
	// tab is the name of the workbook's sheet the row is on, "" in CSV
	// and YAML.
	tab string
}

// Score is the score one reviewer gave one dimension, with the evidence
// for it. Value is nil when the reviewer left the score blank.
type Score struct {
	Value    *int   `json:"score"`
	Evidence string `json:"evidence,omitempty"`

	// Pos is where the score stood in its file.
	Pos scenario.Pos `json:"-"`
}

// Scored reports whether the reviewer gave a score.
func (s Score) Scored() bool { return s.Value != nil }

// IsBlank reports whether the sheet holds no score, evidence, strength or
// improvement at all: a blank sheet the reviewer did not fill in.
func (sh Scoresheet) IsBlank() bool {
	for _, sc := range sh.Scores {
		if sc.Value != nil || strings.TrimSpace(sc.Evidence) != "" {
			return false
		}
	}
	return len(sh.Strengths) == 0 && len(sh.Improvements) == 0
}

// sheetYAML is the YAML form of a scoresheet, decoded with the strict
// position-aware decoder of package scenario.
type sheetYAML struct {
	Version      int                  `yaml:"version"`
	Kind         string               `yaml:"kind"`
	Scenario     string               `yaml:"scenario"`
	Plan         string               `yaml:"plan"`
	Reviewer     string               `yaml:"reviewer"`
	Round        int                  `yaml:"round"`
	Group        int                  `yaml:"group"`
	Members      []string             `yaml:"members"`
	Scores       map[string]scoreYAML `yaml:"scores"`
	Strengths    []string             `yaml:"strengths"`
	Improvements []string             `yaml:"improvements"`
}

type scoreYAML struct {
	Score    *float64 `yaml:"score"`
	Evidence string   `yaml:"evidence"`
}

// ParseOptions change what [ParseScoresheets] takes.
type ParseOptions struct {
	// AllowNoPlanID takes a sheet that does not say which plan it was
	// made from: a CSV file without a sheet id column (the plan column)
	// or with an empty sheet id cell, a YAML sheet without `plan:`. A
	// sheet made by hand has none; one made by `yishi scoresheets` can
	// lose it in Excel. Its
	// members, where the sheet lists them, are still checked against the
	// plan's group; a sheet with neither a sheet id nor members gets a
	// warning. Without it such a sheet is refused: nothing would stop its
	// scores from landing on another plan's groups. The CLI's
	// --allow-no-plan-id sets it.
	AllowNoPlanID bool
	// Workbook reads XLSX scoresheets; without it an XLSX file is refused.
	// The CLI passes xlsx.Read of package scenario/sheet/xlsx. It is given
	// rather than imported so that package review, which the web server
	// imports too, carries no workbook library, and so that every reader of
	// workbooks in yishi is the same one.
	Workbook sheet.WorkbookReader
	// RoleTitle names a role as cards and sheets do, for the message that
	// refuses a sheet of a group that changed; nil names it by its id.
	RoleTitle func(id string) string
}

// ParseScoresheets reads one scoresheet file: a YAML sheet (one reviewer,
// one group), a CSV sheet (one reviewer, a row per group) in UTF-8,
// UTF-8 with a BOM or GB18030 as Excel saves it, or an XLSX workbook (one
// reviewer, a row per group on a sheet per round) when
// [ParseOptions.Workbook] is given. The name is used in messages and
// tells the format by its extension (.yaml, .yml, .csv, .tsv, .txt,
// .xlsx); without one the content decides. Content that does not match
// the extension, such as an XLSX workbook renamed .csv or a CSV file
// renamed .xlsx, is refused with a message that says so.
//
// Every problem is reported at once with its line and column, and in a
// CSV file with the row, the column letter and its header as a
// spreadsheet shows them: an unknown round or group, an unknown dimension,
// a score off the rubric's scale or not a whole number, a missing column,
// a sheet without a sheet id (see [ParseOptions.AllowNoPlanID]), and a
// sheet whose id is neither its group's nor the plan's: one made for a
// group that an amendment has changed since, or for another plan (see
// [checkSheetID]). Sheets for the groups an amendment left alone are read
// as they were. Blank scores are warnings. Sheets left
// entirely blank are dropped with a warning. A reviewer who scores one
// group twice across several files is found by [CheckScoresheets]. An
// empty file is one error, whatever its name; past
// [scenario.MaxProblemsPerFile] errors or warnings, the rest are counted.
func ParseScoresheets(name string, data []byte, p *plan.Plan, r *scenario.Rubric, opts ParseOptions) ([]Scoresheet, scenario.Diagnostics) {
	var (
		sheets []Scoresheet
		diags  scenario.Diagnostics
	)
	if len(data) > scenario.MaxFileSize {
		diags.Errorf(scenario.Pos{File: name}, "file is %d bytes, larger than the %d bytes yishi reads", len(data), scenario.MaxFileSize)
		return nil, diags
	}
	if sheet.IsEmpty(data) {
		diags.Errorf(scenario.Pos{File: name}, "the file is empty; give a scoresheet made by yishi scoresheets, with its scores filled in")
		return nil, diags
	}
	switch sheetFormat(name, data, &diags) {
	case FormatCSV:
		sheets = parseCSV(name, data, p, r, opts, &diags)
	case FormatYAML:
		sheets = parseYAML(name, data, p, r, opts, &diags)
	case FormatXLSX:
		sheets = parseWorkbook(name, data, p, r, opts, &diags)
	}
	// A sheet with errors is not returned: callers use what is returned.
	diags.Cap(scenario.MaxProblemsPerFile)
	if diags.HasErrors() {
		return nil, diags
	}
	return sheets, diags
}

// yamlReader checks one YAML scoresheet, decoded with the strict
// position-aware decoder of package scenario. It keeps checking after a
// value failed to decode, so that every problem is reported at once; a
// value that failed is not checked again.
type yamlReader struct {
	planID string // the plan's id, worked out once
	name   string
	y      sheetYAML
	pos    scenario.Positions
	failed map[scenario.Pos]bool
	p      *plan.Plan
	rub    *scenario.Rubric
	diags  *scenario.Diagnostics
	title  func(string) string
}

// where is where the value at key stood, or the nearest place above it.
func (r *yamlReader) where(key string) scenario.Pos { return r.pos.Of(key) }

// decoded reports whether the value at key decoded.
func (r *yamlReader) decoded(key string) bool { return !r.failed[r.where(key)] }

// parseYAML reads a YAML scoresheet: one reviewer, one group.
func parseYAML(name string, data []byte, p *plan.Plan, rub *scenario.Rubric, opts ParseOptions, diags *scenario.Diagnostics) []Scoresheet {
	r := &yamlReader{name: name, p: p, planID: p.ID(), rub: rub, diags: diags, failed: map[scenario.Pos]bool{}, title: opts.RoleTitle}
	pos, d := scenario.DecodeYAML(name, data, KindScoresheet, &r.y)
	*diags = append(*diags, d...)
	if r.y.Version == 0 {
		return nil // not a scoresheet at all: a syntax error, no version
	}
	r.pos = pos
	for _, e := range d.Errors() {
		r.failed[e.Pos] = true
	}
	sh := r.sheet()
	r.scores(&sh, scoreKeyPositions(name, data))
	return r.finish(sh, opts)
}

// sheet reads and checks what the sheet says about itself: its kind,
// reviewer, scenario, plan, round and group, and the members it lists.
func (r *yamlReader) sheet() Scoresheet {
	y := r.y
	if y.Kind != KindScoresheet {
		r.diags.Errorf(r.where("kind"), "kind: expected %q, got %q; is this a scoresheet made by `yishi scoresheets`?", KindScoresheet, y.Kind)
	}
	sh := Scoresheet{
		Scenario:     strings.TrimSpace(y.Scenario),
		Plan:         strings.TrimSpace(y.Plan),
		Reviewer:     strings.TrimSpace(y.Reviewer),
		Round:        y.Round,
		Group:        y.Group,
		Scores:       map[string]Score{},
		Strengths:    cleanList(y.Strengths),
		Improvements: cleanList(y.Improvements),
		Pos:          scenario.Pos{File: r.name},
	}
	if sh.Reviewer == "" && r.decoded("reviewer") {
		r.diags.Errorf(r.where("reviewer"), "reviewer: missing; write the reviewer's name")
	}
	checkScenario(sh.Scenario, r.p, r.where("scenario"), r.diags)
	known := r.decoded("round") && r.decoded("group") &&
		checkRoundGroup(r.p, sh.Round, sh.Group, yamlKey("round"), yamlKey("group"), r.where("round"), r.where("group"), r.diags)
	checked := checkSheetID(sh.Plan, r.p, r.planID, sh.Round, sh.Group, known, r.blank(), r.title, yamlKey("plan"), r.where("plan"), r.diags)
	if known && !checked && len(y.Members) > 0 {
		checkMembers(r.p, sh.Round, sh.Group, y.Members, yamlKey("members"), r.where("members"), r.diags)
	}
	return sh
}

// blank reports whether the sheet holds no score, evidence, strength or
// improvement, as [Scoresheet.IsBlank] does once it is read.
func (r *yamlReader) blank() bool {
	for _, sc := range r.y.Scores {
		if sc.Score != nil || strings.TrimSpace(sc.Evidence) != "" {
			return false
		}
	}
	return len(cleanList(r.y.Strengths)) == 0 && len(cleanList(r.y.Improvements)) == 0
}

// scores reads each score and its evidence into sh; keys places each
// dimension's key, so that an unknown one is reported there.
func (r *yamlReader) scores(sh *Scoresheet, keys map[string]scenario.Pos) {
	ids := r.rub.DimensionIDs()
	for _, id := range sortedKeys(r.y.Scores) {
		v := r.y.Scores[id]
		kpos, ok := keys[id]
		if !ok {
			kpos = r.where("scores." + id)
		}
		if _, known := r.rub.Dimension(id); !known {
			r.diags.Errorf(kpos, "scores: unknown dimension %q (%s)", id, didYouMean(id, ids))
			continue
		}
		sc := Score{Evidence: strings.TrimSpace(v.Evidence), Pos: kpos}
		if key := "scores." + id + ".score"; v.Score != nil && r.decoded(key) {
			if n, ok := checkScore(*v.Score, r.rub.Scale, yamlKey(key), r.where(key), r.diags); ok {
				sc.Value = &n
			}
		}
		sh.Scores[id] = sc
	}
}

// finish refuses a sheet without a sheet id unless allowed, and returns the
// sheet unless it has errors or is blank, with a warning for each
// dimension it leaves unscored.
func (r *yamlReader) finish(sh Scoresheet, opts ParseOptions) []Scoresheet {
	noPlan := sh.Plan == "" && !sh.IsBlank()
	if noPlan && !opts.AllowNoPlanID {
		r.diags.Errorf(r.where("plan"), "plan: missing; %s", noPlanID(false))
	}
	if mangledPlanID(sh.Plan) && len(r.y.Members) == 0 && !opts.AllowNoPlanID {
		r.diags.Errorf(r.where("plan"), "plan: %q is not a sheet id and no members are listed to check instead; %s", sh.Plan, noPlanID(false))
	}
	if r.diags.HasErrors() {
		return nil
	}
	if sh.IsBlank() {
		r.diags.Warnf(sh.Pos, "the scoresheet is blank (no scores, evidence, strengths or improvements); it is left out")
		return nil
	}
	if noPlan && len(r.y.Members) == 0 {
		r.diags.Warnf(r.where("plan"), "plan: missing, and no members listed; %s", uncheckedPlan)
	}
	for _, id := range r.rub.DimensionIDs() {
		if sc, ok := sh.Scores[id]; !ok || !sc.Scored() {
			at := r.where("scores")
			if ok {
				at = sc.Pos
			}
			r.diags.Warnf(at, "scores.%s: no score given for round %d, group %d", id, sh.Round, sh.Group)
		}
	}
	return []Scoresheet{sh}
}

// scoreKeyPositions finds where each key under `scores:` stands, so that
// an unknown dimension is reported at its key rather than its value.
func scoreKeyPositions(name string, data []byte) map[string]scenario.Pos {
	out := map[string]scenario.Pos{}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return out
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return out
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "scores" || root.Content[i+1].Kind != yaml.MappingNode {
			continue
		}
		m := root.Content[i+1]
		for j := 0; j+1 < len(m.Content); j += 2 {
			k := m.Content[j]
			out[k.Value] = scenario.Pos{File: name, Line: k.Line, Col: k.Column}
		}
	}
	return out
}

// yamlKey is a key of a YAML scoresheet, as a message names it: the
// key as the file spells it, in every language.
type yamlKey string

func (k yamlKey) String() string { return string(k) }

// checkScore checks a score read as a number: a whole number on the scale.
// what names the value: a [yamlKey], or a [scenario.Message] naming a cell.
func checkScore(v float64, scale scenario.Scale, what fmt.Stringer, pos scenario.Pos, diags *scenario.Diagnostics) (int, bool) {
	if math.IsNaN(v) || math.IsInf(v, 0) || v != math.Trunc(v) {
		diags.Errorf(pos, "%s: %s is not a whole number; scores are whole numbers from %d to %d", what, formatNumber(v), scale.Min, scale.Max)
		return 0, false
	}
	if !scale.Contains(int(v)) {
		diags.Errorf(pos, "%s: %s is off the scale %d–%d", what, formatNumber(v), scale.Min, scale.Max)
		return 0, false
	}
	return int(v), true
}

func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func checkScenario(id string, p *plan.Plan, pos scenario.Pos, diags *scenario.Diagnostics) {
	if id != "" && p.Scenario.ID != "" && id != p.Scenario.ID {
		diags.Errorf(pos, "scenario: the sheet is for scenario %q, but the plan is for %q", id, p.Scenario.ID)
	}
}

// noPlanID ends the message that refuses a sheet, or a row of a table,
// without a sheet id. Each format is one literal, as a catalogue's
// extractor finds it.
func noPlanID(row bool) scenario.Message {
	if row {
		return scenario.Msg("the row does not say which plan it was made from, so its scores could land on another plan's groups — make scoresheets from this plan, or give --allow-no-plan-id to take it anyway, with its members checked against the plan where it lists them")
	}
	return scenario.Msg("the sheet does not say which plan it was made from, so its scores could land on another plan's groups — make scoresheets from this plan, or give --allow-no-plan-id to take it anyway, with its members checked against the plan where it lists them")
}

// uncheckedPlan ends the warning about a sheet taken without a sheet id or
// members.
var uncheckedPlan = scenario.Msg("nothing shows which plan the sheet was made from; its scores are taken for this plan's groups without a check")

// sheetIDPattern is what a sheet id looks like: a group's id or, on a
// sheet made before groups had ids, a plan's.
var sheetIDPattern = regexp.MustCompile(`^[0-9a-f]{12}$`)

// checkSheetID checks the id a sheet carries against the plan being
// reviewed: it is good when it is the id of the sheet's group,
// [plan.Plan.GroupID], which stays the same while the group's members and
// roles do, whatever an amendment changed elsewhere; or the plan's own id
// planID, which sheets carried before groups had ids of their own. Any
// other id is a sheet made for a group that has changed since, or for
// another plan altogether: its scores would land on the wrong people, and
// the message names the group and who is in it now; but a blank sheet,
// which carries no scores to misplace, is only left out as blank, so that
// a reviewer's workbook with a row for every group still reads after an
// amendment. known tells whether the round and group are the plan's; when
// they are not, that is reported already, and only the plan's id is taken.
// what names the value in the messages: the [yamlKey] "plan" or a
// [scenario.Message] naming a cell.
//
// It returns whether the id could be checked: false for a sheet without
// one, and for one a spreadsheet turned into a number (twelve digits, or
// digits with an "e"), which is a warning; the caller then checks the
// members the sheet lists instead.
func checkSheetID(got string, p *plan.Plan, planID string, round, group int, known, blank bool, title func(string) string, what fmt.Stringer, pos scenario.Pos, diags *scenario.Diagnostics) bool {
	got = strings.ToLower(strings.TrimSpace(got))
	if got == "" {
		return false
	}
	if mangledPlanID(got) {
		diags.Warnf(pos, "%s: %q is not a sheet id (a spreadsheet may have turned it into a number); the members are checked instead", what, got)
		return false
	}
	if got == planID || !known || blank || got == p.GroupID(round, group) {
		return true
	}
	for _, a := range p.Amendments {
		if got == a.From {
			// A sheet of the days before groups had ids, made from
			// the plan this one amends: whether its group is the same
			// cannot be told.
			diags.Errorf(pos, "%s: round %d, group %d: the sheet carries the id of the plan before the changes on the day (%s), from before sheets had an id for each group, so it cannot be told whether the group is still the same; make a new scoresheet for it (yishi scoresheets with --round %d --groups %d)", what, round, group, got, round, group)
			return true
		}
	}
	if _, yamlSheet := what.(yamlKey); yamlSheet {
		diags.Errorf(pos, "%s: round %d, group %d has changed since this sheet was made (members or roles differ: now %s); make a new scoresheet for this group (yishi scoresheets with --round %d --groups %d)", what, round, group, groupNow(p, round, group, title), round, group)
		return true
	}
	diags.Errorf(pos, "%s: round %d, group %d has changed since this sheet was made (members or roles differ: now %s); make a new scoresheet for this group (yishi scoresheets with --round %d --groups %d), or leave this row's scores empty to read the rest of the file", what, round, group, groupNow(p, round, group, title), round, group)
	return true
}

// groupNow lists the members of a group of the plan with their roles,
// "王秀英 (host), 李娜 (recorder)", as a message a catalogue renders with
// its own brackets and list separator.
func groupNow(p *plan.Plan, round, group int, title func(string) string) scenario.Message {
	g, ok := p.Group(round, group)
	if !ok {
		return scenario.Message{}
	}
	var list scenario.Message
	for i, m := range g.Members {
		role := m.Role
		if title != nil {
			role = title(m.Role)
		}
		item := scenario.Msg("%s (%s)", scenario.OneLine(m.Name), role)
		if i == 0 {
			list = item
		} else {
			list = scenario.Msg("%s, %s", list, item)
		}
	}
	return list
}

// mangledPlanID reports a sheet id that a spreadsheet turned into a number
// (twelve digits, or digits with an "E"): it says nothing of the group.
func mangledPlanID(id string) bool {
	id = strings.ToLower(strings.TrimSpace(id))
	if id == "" || sheetIDPattern.MatchString(id) {
		return false
	}
	_, err := strconv.ParseFloat(id, 64)
	return err == nil
}

// checkMembers reports a list of members, from a sheet without a sheet id,
// that is not the members of the group in the plan: the sheet was likely
// made from another plan. Each item is a name, with the role in brackets
// or not; order, case and spacing do not matter.
func checkMembers(p *plan.Plan, round, group int, items []string, what fmt.Stringer, pos scenario.Pos, diags *scenario.Diagnostics) {
	g, ok := p.Group(round, group)
	if !ok {
		return
	}
	var got, want []string
	for _, it := range items {
		for _, part := range splitMembers(it) {
			if n := scenario.OneLine(stripBrackets(part)); n != "" {
				got = append(got, n)
			}
		}
	}
	for _, m := range g.Members {
		want = append(want, scenario.OneLine(m.Name))
	}
	key := func(names []string) []string {
		out := make([]string, len(names))
		for i, n := range names {
			out[i] = reviewerKey(n)
		}
		sort.Strings(out)
		return out
	}
	if len(got) == 0 || slices.Equal(key(got), key(want)) {
		return
	}
	diags.Errorf(pos, "%s: round %d, group %d of the plan is %s, not %s; was this scoresheet made from another plan? Make scoresheets from this plan",
		what, round, group, strings.Join(want, ", "), strings.Join(got, ", "))
}

// splitMembers splits a members cell into items at commas, ideographic
// commas, semicolons and line breaks outside brackets, so that a role
// title with a comma stays whole.
func splitMembers(cell string) []string {
	var (
		out   []string
		cur   strings.Builder
		depth int
	)
	for _, r := range cell {
		switch r {
		case '(', '（', '[', '【':
			depth++
		case ')', '）', ']', '】':
			depth = max(depth-1, 0)
		case ',', '，', '、', ';', '；', '\n', '\r':
			if depth == 0 {
				out = append(out, cur.String())
				cur.Reset()
				continue
			}
		}
		cur.WriteRune(r)
	}
	return append(out, cur.String())
}

// stripBrackets drops bracketed parts, such as the role after a name.
func stripBrackets(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '（', '[', '【':
			depth++
			continue
		case ')', '）', ']', '】':
			depth = max(depth-1, 0)
			continue
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// checkRoundGroup reports a round or group the plan does not have;
// rwhat and gwhat name the round and the group in the messages: a
// [yamlKey] or a [scenario.Message] naming a cell.
func checkRoundGroup(p *plan.Plan, round, group int, rwhat, gwhat fmt.Stringer, rpos, gpos scenario.Pos, diags *scenario.Diagnostics) bool {
	rd, ok := p.Round(round)
	if !ok {
		diags.Errorf(rpos, "%s: the plan has no round %d (it has rounds 1–%d)", rwhat, round, len(p.Rounds))
		return false
	}
	if _, ok := rd.Group(group); !ok {
		diags.Errorf(gpos, "%s: round %d of the plan has no group %d (it has groups 1–%d)", gwhat, round, group, len(rd.Groups))
		return false
	}
	return true
}

// didYouMean suggests the candidate nearest s, or lists them all.
func didYouMean(s string, candidates []string) scenario.Message {
	if m := scenario.Suggest(s, candidates); m != "" {
		return scenario.Msg("did you mean %q?", m)
	}
	return scenario.Msg("the rubric has %s", strings.Join(candidates, ", "))
}

func cleanList(in []string) []string {
	var out []string
	for _, s := range in {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// reviewerKey is how reviewer names are compared: case, surrounding and
// repeated spaces do not make two reviewers.
func reviewerKey(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// place names the row a sheet was read from: "row 3" in a CSV file,
// "sheet "Round 1", row 3" in a workbook; ok is false for a YAML sheet.
func (sh Scoresheet) place() (m scenario.Message, ok bool) {
	if sh.row == 0 {
		return scenario.Message{}, false
	}
	return (&sheet.Table{Sheet: sh.tab}).RowAt(sh.row), true
}

// CheckScoresheets checks sheets read from several files together: a
// reviewer who scored the same group of the same round twice is reported
// at the second sheet, naming where the first one is.
func CheckScoresheets(sheets []Scoresheet) scenario.Diagnostics {
	var diags scenario.Diagnostics
	type key struct {
		reviewer     string
		round, group int
	}
	first := map[key]Scoresheet{}
	for _, sh := range sheets {
		k := key{reviewerKey(sh.Reviewer), sh.Round, sh.Group}
		prev, dup := first[k]
		if !dup {
			first[k] = sh
			continue
		}
		there := scenario.Msg("%s", prev.Pos.String())
		if m, ok := prev.place(); ok {
			there = scenario.Msg("%s (%s)", prev.Pos.String(), m)
		}
		if here, ok := sh.place(); ok {
			diags.Errorf(sh.Pos, "%s: reviewer %q scored round %d, group %d twice: here and at %s", here, sh.Reviewer, sh.Round, sh.Group, there)
		} else {
			diags.Errorf(sh.Pos, "reviewer %q scored round %d, group %d twice: here and at %s", sh.Reviewer, sh.Round, sh.Group, there)
		}
	}
	diags.Sort()
	return diags
}

// SheetOptions choose which blank scoresheets [BlankScoresheets] makes.
type SheetOptions struct {
	// Reviewers get a sheet each for every chosen group.
	Reviewers []string
	// Round is the round to score; 0 means every round.
	Round int
	// Groups are the groups to score; empty means every group.
	Groups []int
}

// BlankScoresheets makes an empty scoresheet for every reviewer and every
// chosen round and group of the plan, in reviewer, round, group order.
// The error is a [*scenario.MessageError], which wraps [scenario.ErrInvalid] and
// keeps its message for the CLI, when a reviewer is named twice or not at
// all, or a round or group is not in the plan.
func BlankScoresheets(p *plan.Plan, opts SheetOptions) ([]Scoresheet, error) {
	if len(opts.Reviewers) == 0 {
		return nil, scenario.Invalid(scenario.Msg("no reviewer named"))
	}
	seen := map[string]bool{}
	for _, name := range opts.Reviewers {
		if strings.TrimSpace(name) == "" {
			return nil, scenario.Invalid(scenario.Msg("a reviewer's name is empty"))
		}
		if seen[reviewerKey(name)] {
			return nil, scenario.Invalid(scenario.Msg("reviewer %q is named twice", name))
		}
		seen[reviewerKey(name)] = true
	}
	var rounds []plan.Round
	if opts.Round == 0 {
		rounds = p.Rounds
	} else {
		if err := p.CheckRound(opts.Round); err != nil {
			return nil, err
		}
		rd, ok := p.Round(opts.Round)
		if !ok {
			return nil, scenario.Invalid(scenario.Msg("the plan has no round %d", opts.Round))
		}
		rounds = []plan.Round{*rd}
	}
	for _, g := range opts.Groups {
		for _, rd := range rounds {
			if _, ok := rd.Group(g); !ok {
				return nil, scenario.Invalid(scenario.Msg("round %d of the plan has no group %d (it has groups 1–%d)", rd.Round, g, len(rd.Groups)))
			}
		}
	}
	var out []Scoresheet
	for _, name := range opts.Reviewers {
		for _, rd := range rounds {
			for _, g := range rd.Groups {
				if len(opts.Groups) > 0 && !slices.Contains(opts.Groups, g.Group) {
					continue
				}
				out = append(out, Scoresheet{
					Scenario: p.Scenario.ID, Plan: p.GroupID(rd.Round, g.Group), Reviewer: strings.TrimSpace(name),
					Round: rd.Round, Group: g.Group, Scores: map[string]Score{},
				})
			}
		}
	}
	return out, nil
}

// Formats of scoresheet files; see [FormatXLSX] too.
const (
	FormatYAML = "yaml"
	FormatCSV  = "csv"
	FormatHTML = "html"
)

// ScoresheetFiles renders sheets (blank from [BlankScoresheets] or filled,
// as [DemoScoresheets] makes them) as files: in YAML one file per reviewer
// per group, in CSV and HTML one file per reviewer with a row or a page per
// group. Paths are relative, as [cards.File]'s are, and built with
// [cards.SafeFileName] from the reviewer's name, which may be Chinese.
func ScoresheetFiles(p *plan.Plan, s *scenario.Scenario, sheets []Scoresheet, format string) ([]cards.File, error) {
	var files []cards.File
	for _, rs := range byReviewer(sheets) {
		stem, group := rs.stem, rs.sheets
		switch format {
		case FormatYAML:
			for _, sh := range group {
				data, err := MarshalScoresheetYAML(p, s, sh)
				if err != nil {
					return nil, err
				}
				name := fmt.Sprintf("%s-r%d-g%d.yaml", stem, sh.Round, sh.Group)
				files = append(files, cards.File{Path: name, Data: data})
			}
		case FormatCSV:
			files = append(files, cards.File{Path: stem + ".csv", Data: MarshalScoresheetsCSV(p, s, group)})
		case FormatHTML:
			data, err := RenderScoresheetsHTML(p, s, group)
			if err != nil {
				return nil, err
			}
			files = append(files, cards.File{Path: stem + ".html", Data: data})
		case FormatXLSX:
			return nil, fmt.Errorf("xlsx scoresheets are workbooks: make them with ScoresheetWorkbooks")
		default:
			return nil, fmt.Errorf("unknown scoresheet format %q (use yaml, csv, xlsx or html)", format)
		}
	}
	return files, nil
}

// reviewerSheets are one reviewer's sheets and the stem of their files'
// names.
type reviewerSheets struct {
	stem   string
	sheets []Scoresheet
}

// byReviewer groups sheets by reviewer, in the order they first appear,
// with the stem of each reviewer's file names: "scoresheet-" and the
// name made safe with [cards.SafeFileName]; two reviewers whose names
// make the same stem get -2, -3….
func byReviewer(sheets []Scoresheet) []reviewerSheets {
	index := map[string]int{}
	var out []reviewerSheets
	for _, sh := range sheets {
		k := reviewerKey(sh.Reviewer)
		i, ok := index[k]
		if !ok {
			i = len(out)
			index[k] = i
			out = append(out, reviewerSheets{})
		}
		out[i].sheets = append(out[i].sheets, sh)
	}
	used := map[string]bool{}
	for i := range out {
		stem := "scoresheet-" + cards.SafeFileName(strings.TrimSpace(out[i].sheets[0].Reviewer))
		for n, base := 2, stem; used[strings.ToLower(stem)]; n++ {
			stem = fmt.Sprintf("%s-%d", base, n)
		}
		used[strings.ToLower(stem)] = true
		out[i].stem = stem
	}
	return out
}

// MarshalScoresheetYAML writes one sheet as YAML, with the group's members
// and roles and each dimension's level descriptors as comments in the
// scenario's language. A blank sheet has empty scores for the reviewer to
// fill in; [ParseScoresheets] reads either back.
func MarshalScoresheetYAML(p *plan.Plan, s *scenario.Scenario, sh Scoresheet) ([]byte, error) {
	lang := s.Language
	r := s.Rubric.Rubric
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s — %s\n", words.In(lang, "scoresheet_title"), s.Title)
	fmt.Fprintf(&b, "# %s\n", words.In(lang, "sheet_help_yaml"))
	if rd, ok := p.Round(sh.Round); ok {
		if g, ok := rd.Group(sh.Group); ok {
			fmt.Fprintf(&b, "# %s:\n", words.In(lang, "members"))
			for _, m := range g.Members {
				fmt.Fprintf(&b, "#   - %s (%s)\n", scenario.OneLine(m.Name), scenario.OneLine(s.RoleTitle(m.Role)))
			}
		}
	}
	b.WriteString("version: 1\nkind: scoresheet\n")
	fmt.Fprintf(&b, "scenario: %s\n", yamlScalar(sh.Scenario))
	fmt.Fprintf(&b, "plan: %s  # %s\n", yamlScalar(p.GroupID(sh.Round, sh.Group)), words.In(lang, "sheet_id_help"))
	fmt.Fprintf(&b, "reviewer: %s\n", yamlScalar(sh.Reviewer))
	fmt.Fprintf(&b, "round: %d\ngroup: %d\nscores:\n", sh.Round, sh.Group)
	for _, d := range r.Dimensions {
		fmt.Fprintf(&b, "  # %s — %s\n", scenario.OneLine(d.Title.In(lang)), scenario.OneLine(d.Description.In(lang)))
		for _, l := range d.Levels {
			fmt.Fprintf(&b, "  #   %d: %s\n", l.Score, scenario.OneLine(l.Descriptor.In(lang)))
		}
		sc := sh.Scores[d.ID]
		fmt.Fprintf(&b, "  %s:\n", d.ID)
		if sc.Value != nil {
			fmt.Fprintf(&b, "    score: %d\n", *sc.Value)
		} else {
			fmt.Fprintf(&b, "    score:      # %d–%d\n", r.Scale.Min, r.Scale.Max)
		}
		fmt.Fprintf(&b, "    evidence: %s\n", yamlScalar(sc.Evidence))
	}
	for _, part := range []struct {
		key   string
		items []string
	}{{"strengths", sh.Strengths}, {"improvements", sh.Improvements}} {
		fmt.Fprintf(&b, "# %s\n%s:\n", words.In(lang, part.key+"_help"), part.key)
		if len(part.items) == 0 {
			b.WriteString("  - \n")
		}
		for _, it := range part.items {
			fmt.Fprintf(&b, "  - %s\n", yamlScalar(it))
		}
	}
	return b.Bytes(), nil
}

// yamlScalar quotes s as a YAML scalar on one line; the empty string is
// written as nothing, which reads back as empty.
func yamlScalar(s string) string {
	if s == "" {
		return ""
	}
	out, err := yaml.Marshal(s)
	if err != nil || bytes.Count(bytes.TrimSpace(out), []byte("\n")) > 0 {
		return strconv.Quote(s)
	}
	return string(bytes.TrimSpace(out))
}
