package review

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet"
)

// headerSearch is how many rows at the top of a table may stand above
// its header: a title a reviewer typed, a line of notes.
const headerSearch = 10

// tableReader reads the rows of one scoresheet table, a CSV file or a
// sheet of a workbook: a header naming the columns, then a row per group.
// Every message names the file (at line:col, in characters, in a CSV
// file) and the cell as a person finds it in a spreadsheet: "row 3,
// column G (Rhythm [rhythm])", after the sheet's name in a workbook, with
// the round and group the row is for once they are known.
type tableReader struct {
	planID string // the plan's id, worked out once: not for every row
	p      *plan.Plan
	rub    *scenario.Rubric
	opts   ParseOptions
	diags  *scenario.Diagnostics
	t      *sheet.Table

	header sheet.Row
	// cols maps a column id to its 0-based column.
	cols map[string]int
}

// rowGroup is the round and group a row is for, once both are read.
type rowGroup struct {
	known        bool
	round, group int
}

func newTableReader(t *sheet.Table, p *plan.Plan, rub *scenario.Rubric, opts ParseOptions, diags *scenario.Diagnostics) *tableReader {
	return &tableReader{p: p, planID: p.ID(), rub: rub, opts: opts, diags: diags, t: t}
}

// findHeader returns the index in the table's rows of its header: the
// first of the top [headerSearch] rows that names a scoresheet column, or
// -1.
func (r *tableReader) findHeader() int {
	for i, row := range r.t.Rows {
		if i == headerSearch {
			break
		}
		for _, c := range row.Cells {
			if id, bracketed := headerID(cellText(c.Text), r.rub); id != "" || bracketed {
				return i
			}
		}
	}
	return -1
}

// read reads the table's sheets, the header being row h of the table.
func (r *tableReader) read(h int) []Scoresheet {
	if !r.readHeader(r.t.Rows[h]) {
		return nil
	}
	var sheets []Scoresheet
	for _, row := range r.t.Rows[h+1:] {
		if sh, ok := r.readRow(row); ok {
			sheets = append(sheets, sh)
		}
	}
	if len(sheets) > 0 && len(r.diags.Errors()) == 0 {
		r.warnUnchecked()
	}
	return sheets
}

// readHeader finds the column of each id the header names. It reports
// unknown, repeated and missing columns, and returns false when rows cannot
// be read at all: without a reviewer, round or group column.
func (r *tableReader) readHeader(row sheet.Row) bool {
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
			r.diags.Errorf(c.Pos, "%s: unknown dimension %q (%s)", at, raw, didYouMean(strings.TrimSuffix(raw, evidenceSuffix), dimIDs))
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
	rowAt := r.t.RowAt(row.Number)
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

// requirePlanColumn refuses a sheet without a sheet id column (the plan
// column), unless [ParseOptions.AllowNoPlanID].
func (r *tableReader) requirePlanColumn(header sheet.Row) {
	if _, ok := r.cols[colPlan]; ok || r.opts.AllowNoPlanID {
		return
	}
	cell := headerCell(words.In(r.p.Scenario.Language, "sheet_id"), colPlan)
	r.diags.Errorf(header.Pos, "%s: no sheet id column (a header cell such as %q); %s", r.t.RowAt(header.Number), cell, noPlanID(false))
}

// warnUnchecked warns, once for the table, that sheets taken without a
// sheet id column have no members column either: nothing was checked.
func (r *tableReader) warnUnchecked() {
	_, hasPlan := r.cols[colPlan]
	_, hasMembers := r.cols[colMembers]
	if !hasPlan && !hasMembers {
		r.diags.Warnf(r.header.Pos, "%s: no sheet id column and no members column; %s", r.t.RowAt(r.header.Number), uncheckedPlan)
	}
}

// requirePlanID refuses a row whose sheet id cell is empty, unless
// [ParseOptions.AllowNoPlanID]. A sheet without the column at all is
// reported once, at its header. It returns whether the row has neither a
// sheet id nor members, which is a warning once the row is taken.
func (r *tableReader) requirePlanID(row sheet.Row, rg rowGroup) (unchecked bool) {
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
		r.diags.Errorf(pc.Pos, "%s: the sheet id is empty; %s", r.at(pc, rg), noPlanID(true))
	case members == "":
		r.diags.Errorf(pc.Pos, "%s: %q is not a sheet id and the members cell is empty, so nothing can be checked; %s", r.at(pc, rg), id, noPlanID(true))
	}
	return false
}

// cellText is a cell's text as the reader compares it: without a BOM and
// any formula guard of [sheet.SafeCell], trimmed.
func cellText(s string) string {
	return strings.TrimSpace(sheet.UnescapeCell(strings.TrimPrefix(s, sheet.BOM)))
}

// headerText is the text of the header cell of column col, as the
// messages quote it.
func (r *tableReader) headerText(col int) string {
	return scenario.OneLine(strings.TrimPrefix(r.header.Text(col), sheet.BOM))
}

// where names a cell as a person finds it in a spreadsheet: its sheet in
// a workbook, its row, its column letter and the column's header.
func (r *tableReader) where(c sheet.Cell) scenario.Message {
	return r.t.Where(c.Row, c.Col, r.headerText(c.Col))
}

// at is [tableReader.where] followed by the round and group of the row,
// once known: "row 3, column G (rhythm): round 1, group 2".
func (r *tableReader) at(c sheet.Cell, rg rowGroup) scenario.Message {
	if !rg.known {
		return r.where(c)
	}
	return scenario.Msg("%s: round %d, group %d", r.where(c), rg.round, rg.group)
}

// rowAt names a whole row and, once known, its round and group.
func (r *tableReader) rowAt(row sheet.Row, rg rowGroup) scenario.Message {
	if !rg.known {
		return r.t.RowAt(row.Number)
	}
	return scenario.Msg("%s: round %d, group %d", r.t.RowAt(row.Number), rg.round, rg.group)
}

// cell returns the row's cell in the column of id, with its text trimmed
// and any formula guard of [sheet.SafeCell] undone, and whether the header
// has that column. A row shorter than the header gets an empty cell placed
// at the row.
func (r *tableReader) cell(row sheet.Row, id string) (string, sheet.Cell, bool) {
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
func (r *tableReader) isHint(row sheet.Row) bool {
	for _, j := range []int{0, r.cols[colReviewer]} {
		if strings.HasPrefix(cellText(row.Text(j)), "#") {
			return true
		}
	}
	return false
}

// readRow reads one row as a sheet. It returns false for a hint row, a
// blank row and a row with errors.
func (r *tableReader) readRow(row sheet.Row) (Scoresheet, bool) {
	if r.isHint(row) {
		return Scoresheet{}, false
	}
	errsBefore := len(r.diags.Errors())
	round, okR := r.number(row, colRound)
	group, okG := r.number(row, colGroup)
	// rg names the row's round and group in the messages about its
	// other cells.
	rg := rowGroup{known: okR && okG, round: round, group: group}
	reviewer, rc, _ := r.cell(row, colReviewer)
	if reviewer == "" {
		r.diags.Errorf(rc.Pos, "%s: the reviewer's name is missing", r.at(rc, rg))
	}
	sheetPlan, changed := r.checkPlan(row, rg)
	if changed {
		return Scoresheet{}, false // the row's other problems matter no more
	}
	sh := Scoresheet{Scenario: r.p.Scenario.ID, Plan: sheetPlan, Reviewer: reviewer, Round: round, Group: group,
		Scores: map[string]Score{}, Pos: row.Pos, row: row.Number, tab: r.t.Sheet}
	for _, d := range r.rub.Dimensions {
		sh.Scores[d.ID] = r.score(row, d.ID, rg)
	}
	st, _, _ := r.cell(row, colStrengths)
	im, _, _ := r.cell(row, colImprovements)
	sh.Strengths, sh.Improvements = splitItems(st), splitItems(im)
	unchecked := !sh.IsBlank() && r.requirePlanID(row, rg)
	if len(r.diags.Errors()) > errsBefore {
		return Scoresheet{}, false
	}
	if sh.IsBlank() {
		r.diags.Warnf(row.Pos, "%s: the row is blank; it is left out", r.rowAt(row, rg))
		return Scoresheet{}, false
	}
	if unchecked {
		_, pc, _ := r.cell(row, colPlan)
		r.diags.Warnf(pc.Pos, "%s: the sheet id is empty and no members are listed; %s", r.at(pc, rg), uncheckedPlan)
	}
	for _, d := range r.rub.Dimensions {
		if _, c, hasCol := r.cell(row, d.ID); hasCol && !sh.Scores[d.ID].Scored() {
			r.diags.Warnf(c.Pos, "%s: no score given", r.at(c, rg))
		}
	}
	return sh, true
}

// blank reports whether a row holds no score, evidence, strength or
// improvement, before its cells are read.
func (r *tableReader) blank(row sheet.Row) bool {
	ids := []string{colStrengths, colImprovements}
	for _, d := range r.rub.Dimensions {
		ids = append(ids, d.ID, d.ID+evidenceSuffix)
	}
	for _, id := range ids {
		if v, _, _ := r.cell(row, id); v != "" {
			return false
		}
	}
	return true
}

// number reads the round or the group of a row: a whole number, in
// ASCII or full-width digits.
func (r *tableReader) number(row sheet.Row, id string) (int, bool) {
	v, c, _ := r.cell(row, id)
	v = sheet.NumberText(v)
	round := id == colRound
	if v == "" {
		if round {
			r.diags.Errorf(c.Pos, "%s: missing; write the round's number", r.where(c))
		} else {
			r.diags.Errorf(c.Pos, "%s: missing; write the group's number", r.where(c))
		}
		return 0, false
	}
	n, ok := wholeNumber(v)
	if !ok || n < -1e9 || n > 1e9 {
		if round {
			r.diags.Errorf(c.Pos, "%s: expected the round's number, a whole number, got %q", r.where(c), v)
		} else {
			r.diags.Errorf(c.Pos, "%s: expected the group's number, a whole number, got %q", r.where(c), v)
		}
		return 0, false
	}
	return n, true
}

// wholeNumber reads a number that is whole: "4", "4.0", "4e0".
func wholeNumber(v string) (int, bool) {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f != math.Trunc(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return int(max(min(f, 1e10), -1e10)), true
}

// checkPlan checks the row's round and group (when known) against the
// plan, and its sheet id against the group (see [checkSheetID]): a sheet
// without a sheet id that lists the group's members has them checked
// instead. It returns the row's sheet id and whether the row was made for
// a group that has changed since, or for another plan.
func (r *tableReader) checkPlan(row sheet.Row, rg rowGroup) (string, bool) {
	sheetPlan, pc, _ := r.cell(row, colPlan)
	known := false
	if rg.known {
		_, rc, _ := r.cell(row, colRound)
		_, gc, _ := r.cell(row, colGroup)
		known = checkRoundGroup(r.p, rg.round, rg.group, r.where(rc), r.where(gc), rc.Pos, gc.Pos, r.diags)
	}
	n := len(r.diags.Errors())
	checked := checkSheetID(sheetPlan, r.p, r.planID, rg.round, rg.group, known, r.blank(row), r.opts.RoleTitle, r.where(pc), pc.Pos, r.diags)
	if checked && len(r.diags.Errors()) > n {
		return sheetPlan, true
	}
	if !known || checked {
		return sheetPlan, false
	}
	if m, mc, _ := r.cell(row, colMembers); m != "" {
		checkMembers(r.p, rg.round, rg.group, []string{m}, r.where(mc), mc.Pos, r.diags)
	}
	return sheetPlan, false
}

// score reads the row's score of dimension id and the evidence beside it.
// Full-width digits and spaces read as ASCII ones; anything else that is
// not a whole number on the scale is an error, a number with a unit
// ("5分", "4 points") too, with advice to write the number alone: a
// guess at what a unit means could put a score on the wrong scale.
func (r *tableReader) score(row sheet.Row, id string, rg rowGroup) Score {
	v, c, _ := r.cell(row, id)
	ev, _, _ := r.cell(row, id+evidenceSuffix)
	sc := Score{Evidence: ev, Pos: c.Pos}
	if v == "" {
		return sc
	}
	scale := r.rub.Scale
	ascii := sheet.NumberText(v)
	n, ok := wholeNumber(ascii)
	if ok && scale.Contains(n) {
		sc.Value = &n
		return sc
	}
	if num, unit := splitUnit(ascii); num != "" && unit != "" {
		r.diags.Errorf(c.Pos, "%s: expected a whole number from %d to %d, got %q; write the number alone, without %q", r.at(c, rg), scale.Min, scale.Max, v, unit)
		return sc
	}
	r.diags.Errorf(c.Pos, "%s: expected a whole number from %d to %d, got %q", r.at(c, rg), scale.Min, scale.Max, v)
	return sc
}

// splitUnit splits "5分" or "4 points" into the number and the word after
// it; either is "" when the text is not a number followed by a word.
func splitUnit(s string) (num, unit string) {
	i := strings.IndexFunc(s, func(r rune) bool { return !(r >= '0' && r <= '9' || r == '.') })
	if i <= 0 {
		return "", ""
	}
	if _, err := strconv.ParseFloat(s[:i], 64); err != nil {
		return "", ""
	}
	unit = strings.TrimSpace(s[i:])
	if unit == "" || !unicode.IsLetter([]rune(unit)[0]) {
		return "", ""
	}
	return s[:i], unit
}
