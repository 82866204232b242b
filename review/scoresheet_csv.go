package review

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet"
)

// Column ids of a CSV scoresheet besides the dimensions. A header cell
// names its column by the id in brackets at its end ("会议组织 [organization]",
// "会议组织 证据 [organization.evidence]"); a cell without brackets may
// give the id or its label in either language.
const (
	colReviewer     = "reviewer"
	colRound        = "round"
	colGroup        = "group"
	colMembers      = "members"
	colStrengths    = "strengths"
	colImprovements = "improvements"
	colPlan         = "plan"
	evidenceSuffix  = ".evidence"
)

// csvColumns are the ids of the columns that are not dimensions.
var csvColumns = []string{colReviewer, colRound, colGroup, colMembers, colStrengths, colImprovements, colPlan}

// MarshalScoresheetsCSV writes one reviewer's sheets as a CSV file for
// Excel: UTF-8 with a BOM, a header row labelled in the scenario's
// language with column ids in brackets, a row of hints (each dimension's
// level descriptors) that is skipped when read back, and a row per group.
// Every cell is made safe from formula injection with [sheet.SafeCell].
// Lists (strengths, improvements) are written one item per line of the
// cell.
func MarshalScoresheetsCSV(p *plan.Plan, s *scenario.Scenario, sheets []Scoresheet) []byte {
	lang := s.Language
	r := s.Rubric.Rubric
	header := []string{
		headerCell(words.In(lang, "reviewer"), colReviewer),
		headerCell(words.In(lang, "round"), colRound),
		headerCell(words.In(lang, "group"), colGroup),
		headerCell(words.In(lang, "members"), colMembers),
	}
	for _, d := range r.Dimensions {
		title := d.Title.In(lang)
		header = append(header,
			headerCell(fmt.Sprintf("%s (%d–%d)", title, r.Scale.Min, r.Scale.Max), d.ID),
			headerCell(title+" "+words.In(lang, "evidence"), d.ID+evidenceSuffix))
	}
	header = append(header, headerCell(words.In(lang, "strengths"), colStrengths), headerCell(words.In(lang, "improvements"), colImprovements),
		headerCell(words.In(lang, "plan_id"), colPlan))
	rows := [][]string{header, hintRow(s)}
	id := p.ID()
	for _, sh := range sheets {
		row := []string{sh.Reviewer, strconv.Itoa(sh.Round), strconv.Itoa(sh.Group), membersCell(p, s, sh.Round, sh.Group)}
		for _, d := range r.Dimensions {
			sc := sh.Scores[d.ID]
			v := ""
			if sc.Value != nil {
				v = strconv.Itoa(*sc.Value)
			}
			row = append(row, v, sc.Evidence)
		}
		row = append(row, strings.Join(sh.Strengths, "\n"), strings.Join(sh.Improvements, "\n"), id)
		rows = append(rows, row)
	}
	return sheet.WriteCSV(rows)
}

// hintRow is the row under the header that reminds the reviewer of the
// rubric: a marker in the first cell, each score column's level
// descriptors ("1 = …" a line each, every level the rubric has), each
// evidence column's description, and how to write strengths and
// improvements. [ParseScoresheets] skips it, wherever it stands.
func hintRow(s *scenario.Scenario) []string {
	lang := s.Language
	row := []string{words.In(lang, "levels_marker"), "", "", ""}
	for _, d := range s.Rubric.Rubric.Dimensions {
		levels := make([]string, len(d.Levels))
		for i, l := range d.Levels {
			levels[i] = fmt.Sprintf("%d = %s", l.Score, scenario.OneLine(l.Descriptor.In(lang)))
		}
		row = append(row, strings.Join(levels, "\n"), scenario.OneLine(d.Description.In(lang)))
	}
	return append(row, words.In(lang, "strengths_help"), words.In(lang, "improvements_help"), "")
}

func headerCell(label, id string) string { return label + " [" + id + "]" }

// membersCell lists a group's members and roles in one cell.
func membersCell(p *plan.Plan, s *scenario.Scenario, round, group int) string {
	rd, ok := p.Round(round)
	if !ok {
		return ""
	}
	g, ok := rd.Group(group)
	if !ok {
		return ""
	}
	parts := make([]string, len(g.Members))
	sep := ", "
	if s.Language == "zh" {
		sep = "、"
	}
	for i, m := range g.Members {
		parts[i] = fmt.Sprintf("%s (%s)", m.Name, s.RoleTitle(m.Role))
	}
	return strings.Join(parts, sep)
}

// csvReader reads the rows of one CSV scoresheet file: a header naming
// the columns, then a row per group. Every message names the file at
// line:col (in characters) and the cell as a person sees it in a
// spreadsheet: "row 3, column G (Rhythm [rhythm])", with the round and
// group the row is for once they are known.
type csvReader struct {
	planID string // the plan's id, worked out once: not for every row
	p      *plan.Plan
	rub    *scenario.Rubric
	opts   ParseOptions
	diags  *scenario.Diagnostics

	header sheet.Row
	// cols maps a column id to its 0-based column.
	cols map[string]int
	// otherPlan holds the plan ids, in lower case, already reported as
	// another plan's: one error for the file is enough.
	otherPlan map[string]bool
}

// parseCSV reads a CSV scoresheet: the header, then a sheet per row.
func parseCSV(name string, data []byte, p *plan.Plan, rub *scenario.Rubric, opts ParseOptions, diags *scenario.Diagnostics) []Scoresheet {
	before := len(*diags)
	t := sheet.ReadCSV(name, data, sheet.Options{TSV: strings.EqualFold(fileExt(name), ".tsv")}, diags)
	if len(t.Rows) == 0 {
		if len(*diags) == before {
			diags.Errorf(scenario.Pos{File: name}, "file is empty")
		}
		return nil
	}
	r := &csvReader{p: p, planID: p.ID(), rub: rub, opts: opts, diags: diags, otherPlan: map[string]bool{}, header: t.Rows[0]}
	t.ReportUnreadable(name, r.where, diags)
	if !r.readHeader(t.Rows[0]) {
		return nil
	}
	var sheets []Scoresheet
	for _, row := range t.Rows[1:] {
		if sh, ok := r.readRow(row); ok {
			sheets = append(sheets, sh)
		}
	}
	if len(sheets) > 0 && len(diags.Errors()) == 0 {
		r.warnUnchecked()
	}
	return sheets
}

// readHeader finds the column of each id the header names. It reports
// unknown, repeated and missing columns, and returns false when rows cannot
// be read at all: without a reviewer, round or group column.
func (r *csvReader) readHeader(row sheet.Row) bool {
	r.header, r.cols = row, map[string]int{}
	dimIDs := r.rub.DimensionIDs()
	known := append([]string{}, csvColumns...)
	for _, id := range dimIDs {
		known = append(known, id, id+evidenceSuffix)
	}
	for _, c := range row.Cells {
		text := r.headerText(c.Col)
		if text == "" {
			continue
		}
		at := r.where(c)
		id, bracketed := headerID(text, r.rub)
		switch {
		case id == "" && bracketed:
			raw := bracketText(text)
			r.diags.Errorf(c.Pos, "%s: unknown dimension %q%s", at, raw, didYouMean(strings.TrimSuffix(raw, evidenceSuffix), dimIDs))
		case id == "":
			if m := scenario.Suggest(text, known); m != "" {
				r.diags.Errorf(c.Pos, "%s: unknown column %q (did you mean %q?)", at, text, m)
			} else {
				r.diags.Warnf(c.Pos, "%s: not a scoresheet column; it is ignored", at)
			}
		default:
			if prev, dup := r.cols[id]; dup {
				r.diags.Errorf(c.Pos, "%s: column %q is given twice: here and in column %s", at, id, sheet.ColumnName(prev))
				continue
			}
			r.cols[id] = c.Col
		}
	}
	lang := r.p.Scenario.Language
	rowAt := fmt.Sprintf("row %d", row.Number)
	for _, id := range []string{colReviewer, colRound, colGroup} {
		if _, ok := r.cols[id]; !ok {
			r.diags.Errorf(row.Pos, "%s: missing column %q (a header cell such as %q)", rowAt, id, headerCell(words.In(lang, id), id))
		}
	}
	for _, d := range r.rub.Dimensions {
		if _, ok := r.cols[d.ID]; !ok {
			r.diags.Errorf(row.Pos, "%s: missing column for dimension %q (a header cell such as %q)", rowAt, d.ID, headerCell(d.Title.In(lang), d.ID))
		}
	}
	r.requirePlanColumn(row)
	// Rows can be read without a dimension's column, not without these.
	for _, id := range []string{colReviewer, colRound, colGroup} {
		if _, ok := r.cols[id]; !ok {
			return false
		}
	}
	return true
}

// requirePlanColumn refuses a sheet without a plan id column, unless
// [ParseOptions.AllowNoPlanID].
func (r *csvReader) requirePlanColumn(header sheet.Row) {
	if _, ok := r.cols[colPlan]; ok || r.opts.AllowNoPlanID {
		return
	}
	cell := headerCell(words.In(r.p.Scenario.Language, "plan_id"), colPlan)
	r.diags.Errorf(header.Pos, "row %d: no plan id column (a header cell such as %q); %s", header.Number, cell, noPlanID("sheet"))
}

// warnUnchecked warns, once for the file, that sheets taken without a plan
// id column have no members column either: nothing was checked.
func (r *csvReader) warnUnchecked() {
	_, hasPlan := r.cols[colPlan]
	_, hasMembers := r.cols[colMembers]
	if !hasPlan && !hasMembers {
		r.diags.Warnf(r.header.Pos, "row %d: no plan id column and no members column; %s", r.header.Number, uncheckedPlan)
	}
}

// requirePlanID refuses a row whose plan id cell is empty, unless
// [ParseOptions.AllowNoPlanID]. A sheet without the column at all is
// reported once, at its header. It returns whether the row has neither a
// plan id nor members, which is a warning once the row is taken.
func (r *csvReader) requirePlanID(row sheet.Row, ctx string) (unchecked bool) {
	id, pc, hasCol := r.cell(row, colPlan)
	members, _, _ := r.cell(row, colMembers)
	switch {
	case !hasCol:
		return false
	case id != "" && !mangledPlanID(id):
		return false
	case r.opts.AllowNoPlanID:
		return members == ""
	case id == "":
		r.diags.Errorf(pc.Pos, "%s: %sthe plan id is empty; %s", r.where(pc), ctx, noPlanID("row"))
	case members == "":
		r.diags.Errorf(pc.Pos, "%s: %s%q is not a plan id and the members cell is empty, so nothing can be checked; %s", r.where(pc), ctx, id, noPlanID("row"))
	}
	return false
}

// headerText is the text of the header cell of column col, as the
// messages quote it.
func (r *csvReader) headerText(col int) string {
	return scenario.OneLine(strings.TrimPrefix(r.header.Text(col), sheet.BOM))
}

// where names a cell as a person finds it in a spreadsheet: its row, its
// column letter and the column's header.
func (r *csvReader) where(c sheet.Cell) scenario.Message {
	return sheet.Where(c.Row, c.Col, r.headerText(c.Col))
}

// cell returns the row's cell in the column of id, with its text trimmed
// and any formula guard of [sheet.SafeCell] undone, and whether the header
// has that column. A row shorter than the header gets an empty cell placed
// at the row.
func (r *csvReader) cell(row sheet.Row, id string) (string, sheet.Cell, bool) {
	j, ok := r.cols[id]
	if !ok {
		return "", sheet.Cell{Pos: row.Pos, Row: row.Number}, false
	}
	if j >= len(row.Cells) {
		return "", sheet.Cell{Pos: row.Pos, Row: row.Number, Col: j}, true
	}
	c := row.Cells[j]
	return strings.TrimSpace(sheet.UnescapeCell(c.Text)), c, true
}

// isHint reports whether a row is the hint row (or any row whose first or
// reviewer cell starts with "#"): no reviewer's name starts with "#".
func (r *csvReader) isHint(row sheet.Row) bool {
	for _, j := range []int{0, r.cols[colReviewer]} {
		if strings.HasPrefix(strings.TrimSpace(sheet.UnescapeCell(strings.TrimPrefix(row.Text(j), sheet.BOM))), "#") {
			return true
		}
	}
	return false
}

// readRow reads one row as a sheet. It returns false for a hint row, a
// blank row and a row with errors.
func (r *csvReader) readRow(row sheet.Row) (Scoresheet, bool) {
	if r.isHint(row) {
		return Scoresheet{}, false
	}
	errsBefore := len(r.diags.Errors())
	round, okR := r.number(row, colRound)
	group, okG := r.number(row, colGroup)
	// ctx names the row's round and group in the messages about its
	// other cells.
	ctx := ""
	if okR && okG {
		ctx = fmt.Sprintf("round %d group %d: ", round, group)
	}
	reviewer, rc, _ := r.cell(row, colReviewer)
	if reviewer == "" {
		r.diags.Errorf(rc.Pos, "%s: %sthe reviewer's name is missing", r.where(rc), ctx)
	}
	sheetPlan, fromOtherPlan := r.checkPlan(row, round, group, okR && okG)
	if fromOtherPlan {
		return Scoresheet{}, false // the row's other problems matter no more
	}
	sh := Scoresheet{Scenario: r.p.Scenario.ID, Plan: sheetPlan, Reviewer: reviewer, Round: round, Group: group,
		Scores: map[string]Score{}, Pos: row.Pos, row: row.Number}
	for _, d := range r.rub.Dimensions {
		sh.Scores[d.ID] = r.score(row, d.ID, ctx)
	}
	st, _, _ := r.cell(row, colStrengths)
	im, _, _ := r.cell(row, colImprovements)
	sh.Strengths, sh.Improvements = splitItems(st), splitItems(im)
	unchecked := !sh.IsBlank() && r.requirePlanID(row, ctx)
	if len(r.diags.Errors()) > errsBefore {
		return Scoresheet{}, false
	}
	if sh.IsBlank() {
		r.diags.Warnf(row.Pos, "row %d: %sthe row is blank; it is left out", row.Number, ctx)
		return Scoresheet{}, false
	}
	if unchecked {
		_, pc, _ := r.cell(row, colPlan)
		r.diags.Warnf(pc.Pos, "%s: %sthe plan id is empty and no members are listed; %s", r.where(pc), ctx, uncheckedPlan)
	}
	for _, d := range r.rub.Dimensions {
		if _, c, hasCol := r.cell(row, d.ID); hasCol && !sh.Scores[d.ID].Scored() {
			r.diags.Warnf(c.Pos, "%s: %sno score given", r.where(c), ctx)
		}
	}
	return sh, true
}

// number reads the round or the group of a row: a whole number.
func (r *csvReader) number(row sheet.Row, id string) (int, bool) {
	v, c, _ := r.cell(row, id)
	if v == "" {
		r.diags.Errorf(c.Pos, "%s: missing; write the %s's number", r.where(c), id)
		return 0, false
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > 1e9 {
		r.diags.Errorf(c.Pos, "%s: expected the %s's number, a whole number, got %q", r.where(c), id, v)
		return 0, false
	}
	return int(f), true
}

// checkPlan checks the row's plan id, and its round and group (when
// known) against the plan: a sheet without a plan id that lists the
// group's members has them checked instead. It returns the row's plan id
// and whether the row was made from another plan.
func (r *csvReader) checkPlan(row sheet.Row, round, group int, known bool) (string, bool) {
	sheetPlan, pc, _ := r.cell(row, colPlan)
	key := strings.ToLower(sheetPlan)
	if r.otherPlan[key] {
		return sheetPlan, true
	}
	n := len(r.diags.Errors())
	checked := checkPlan(sheetPlan, r.planID, r.where(pc).String(), pc.Pos, r.diags)
	if checked && len(r.diags.Errors()) > n {
		r.otherPlan[key] = true
		return sheetPlan, true
	}
	if !known {
		return sheetPlan, false
	}
	_, rc, _ := r.cell(row, colRound)
	_, gc, _ := r.cell(row, colGroup)
	if !checkRoundGroup(r.p, round, group, r.where(rc).String(), r.where(gc).String(), rc.Pos, gc.Pos, r.diags) || checked {
		return sheetPlan, false
	}
	if m, mc, _ := r.cell(row, colMembers); m != "" {
		checkMembers(r.p, round, group, []string{m}, r.where(mc).String(), mc.Pos, r.diags)
	}
	return sheetPlan, false
}

// score reads the row's score of dimension id and the evidence beside it.
func (r *csvReader) score(row sheet.Row, id, ctx string) Score {
	v, c, _ := r.cell(row, id)
	ev, _, _ := r.cell(row, id+evidenceSuffix)
	sc := Score{Evidence: ev, Pos: c.Pos}
	if v == "" {
		return sc
	}
	scale := r.rub.Scale
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f != math.Trunc(f) || !scale.Contains(int(max(min(f, 1e9), -1e9))) {
		r.diags.Errorf(c.Pos, "%s: %sexpected a whole number from %d to %d, got %q", r.where(c), ctx, scale.Min, scale.Max, v)
		return sc
	}
	n := int(f)
	sc.Value = &n
	return sc
}

// splitItems splits a cell of strengths or improvements into items: one
// per line, or separated by semicolons (; or ；).
func splitItems(s string) []string {
	f := func(r rune) bool { return r == '\n' || r == '\r' || r == ';' || r == '；' }
	return cleanList(strings.FieldsFunc(s, f))
}

// headerID finds the column id a header cell names: the id in brackets at
// its end, else the cell itself as an id or a label in either language.
// bracketed tells whether the cell had an id in brackets.
func headerID(cell string, rub *scenario.Rubric) (string, bool) {
	if raw := bracketText(cell); raw != "" {
		id := strings.ToLower(strings.TrimSpace(raw))
		if isColumnID(id, rub) {
			return id, true
		}
		return "", true
	}
	c := strings.ToLower(strings.TrimSpace(cell))
	if isColumnID(c, rub) {
		return c, false
	}
	for _, lang := range []string{"en", "zh"} {
		for _, id := range csvColumns {
			label := words.In(lang, id)
			if id == colPlan {
				label = words.In(lang, "plan_id")
			}
			if strings.EqualFold(c, label) {
				return id, false
			}
		}
		for _, d := range rub.Dimensions {
			title := d.Title.In(lang)
			if strings.EqualFold(c, title) {
				return d.ID, false
			}
			if strings.EqualFold(c, title+" "+words.In(lang, "evidence")) {
				return d.ID + evidenceSuffix, false
			}
		}
	}
	return "", false
}

func bracketText(cell string) string {
	cell = strings.TrimSpace(cell)
	if !strings.HasSuffix(cell, "]") {
		return ""
	}
	i := strings.LastIndex(cell, "[")
	if i < 0 {
		return ""
	}
	return cell[i+1 : len(cell)-1]
}

func isColumnID(id string, rub *scenario.Rubric) bool {
	if slices.Contains(csvColumns, id) {
		return true
	}
	_, ok := rub.Dimension(strings.TrimSuffix(id, evidenceSuffix))
	return ok
}
