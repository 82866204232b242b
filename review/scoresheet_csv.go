package review

import (
	"fmt"
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

// oldSheetIDLabels are the labels the plan column had while it held the
// plan's id rather than the group's, which sheets made then still carry.
var oldSheetIDLabels = []string{"Plan id", "分组方案编号"}

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
		headerCell(words.In(lang, "sheet_id"), colPlan))
	rows := [][]string{header, hintRow(s)}
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
		row = append(row, strings.Join(sh.Strengths, "\n"), strings.Join(sh.Improvements, "\n"), p.GroupID(sh.Round, sh.Group))
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
	g, ok := p.Group(round, group)
	if !ok {
		return ""
	}
	ms := make([]MemberInfo, len(g.Members))
	for i, m := range g.Members {
		ms[i] = MemberInfo{Name: m.Name, Title: s.RoleTitle(m.Role)}
	}
	return membersText(s.Language, ms, nil)
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
	r := newTableReader(t, p, rub, opts, diags)
	// Without a header found, the first row is taken for one, so that
	// its missing columns are named.
	h := max(r.findHeader(), 0)
	r.header = t.Rows[h]
	t.ReportUnreadable(name, r.where, diags)
	return r.read(h)
}

// SplitItems splits a text of strengths or improvements into items, as
// a cell of a sheet is read: one per line, or separated by semicolons (;
// or ；), blank items left out.
func SplitItems(s string) []string { return splitItems(s) }

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
	for _, old := range oldSheetIDLabels {
		if strings.EqualFold(c, old) {
			return colPlan, false
		}
	}
	for _, lang := range []string{"en", "zh"} {
		for _, id := range csvColumns {
			label := words.In(lang, id)
			if id == colPlan {
				label = words.In(lang, "sheet_id")
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
