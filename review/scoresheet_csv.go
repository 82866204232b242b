package review

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

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

// MarshalScoresheetsCSV writes one reviewer's sheets as a CSV file for
// Excel: UTF-8 with a BOM, a header row labelled in the scenario's
// language with column ids in brackets, a row of hints (each dimension's
// level descriptors) that is skipped when read back, and a row per group. Every cell is
// made safe from formula injection with [SafeCell]. Lists (strengths,
// improvements) are written one item per line of the cell.
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

// isHintRow reports whether a row is a hint row (or any row whose first
// or reviewer cell starts with "#"): no reviewer's name starts with "#".
func isHintRow(rec []string, reviewerCol int) bool {
	for _, i := range []int{0, reviewerCol} {
		if i < len(rec) && strings.HasPrefix(strings.TrimSpace(sheet.UnescapeCell(strings.TrimPrefix(rec[i], sheet.BOM))), "#") {
			return true
		}
	}
	return false
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

func parseCSV(name string, data []byte, p *plan.Plan, rub *scenario.Rubric, diags *scenario.Diagnostics) []Scoresheet {
	text, _, bad := sheet.DecodeText(data)
	filePos := scenario.Pos{File: name}
	// Bytes that are not UTF-8 in a sheet that otherwise is: each is an
	// error, and the rest of the sheet is read all the same.
	sheet.ReportInvalidBytes(name, bad, diags)
	if strings.TrimSpace(text) == "" {
		diags.Errorf(filePos, "file is empty")
		return nil
	}
	lines := strings.Split(text, "\n")
	rd := csv.NewReader(strings.NewReader(text))
	rd.Comma = sheet.Delimiter(lines, false)
	rd.FieldsPerRecord = -1
	rd.LazyQuotes = false

	// runeCol turns csv's byte column into a column of characters.
	runeCol := func(line, col int) int {
		if line < 1 || line > len(lines) {
			return col
		}
		l := lines[line-1]
		if col-1 > len(l) {
			return col
		}
		return utf8.RuneCountInString(l[:col-1]) + 1
	}
	fieldPos := func(i int) scenario.Pos {
		line, col := rd.FieldPos(i)
		return scenario.Pos{File: name, Line: line, Col: runeCol(line, col)}
	}

	header, err := rd.Read()
	if err != nil {
		diags.Errorf(csvErrPos(name, err), "%s", sheet.CSVMessage(err))
		return nil
	}
	dimIDs := rub.DimensionIDs()
	var known []string
	known = append(known, colReviewer, colRound, colGroup, colMembers, colStrengths, colImprovements, colPlan)
	for _, id := range dimIDs {
		known = append(known, id, id+evidenceSuffix)
	}
	cols := map[string]int{}
	headerLine := 1
	for i, cell := range header {
		at := fieldPos(i)
		headerLine = at.Line
		cell = strings.TrimSpace(strings.TrimPrefix(cell, sheet.BOM))
		if cell == "" {
			continue
		}
		id, bracketed := headerID(cell, rub)
		if id == "" {
			if bracketed {
				raw := bracketText(cell)
				diags.Errorf(at, "column %s: unknown dimension %q in header %q%s", columnName(i), raw, cell, didYouMean(strings.TrimSuffix(raw, evidenceSuffix), dimIDs))
			} else if m := scenario.Suggest(cell, known); m != "" {
				diags.Errorf(at, "column %s: unknown column %q (did you mean %q?)", columnName(i), cell, m)
			} else {
				diags.Warnf(at, "column %s: header %q is not a scoresheet column; it is ignored", columnName(i), cell)
			}
			continue
		}
		if prev, dup := cols[id]; dup {
			diags.Errorf(at, "column %s: %q is also column %s", columnName(i), cell, columnName(prev))
			continue
		}
		cols[id] = i
	}
	headerPos := scenario.Pos{File: name, Line: headerLine}
	for _, id := range []string{colReviewer, colRound, colGroup} {
		if _, ok := cols[id]; !ok {
			diags.Errorf(headerPos, "missing column %q (a header cell such as %q)", id, headerCell(words.In(p.Scenario.Language, id), id))
		}
	}
	for _, id := range dimIDs {
		if _, ok := cols[id]; !ok {
			d, _ := rub.Dimension(id)
			diags.Errorf(headerPos, "missing column for dimension %q (a header cell such as %q)", id, headerCell(d.Title.In(p.Scenario.Language), id))
		}
	}
	// Rows can be read without a dimension's column, not without these.
	for _, id := range []string{colReviewer, colRound, colGroup} {
		if _, ok := cols[id]; !ok {
			return nil
		}
	}

	var sheets []Scoresheet
	planID := p.ID()
	otherPlan := map[string]bool{} // plan ids already reported
	for {
		rec, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			diags.Errorf(csvErrPos(name, err), "%s", sheet.CSVMessage(err))
			var pe *csv.ParseError
			if errors.As(err, &pe) && (errors.Is(err, csv.ErrQuote) || errors.Is(err, csv.ErrBareQuote)) {
				// The rest of the file cannot be split reliably.
				break
			}
			continue
		}
		cell := func(id string) (string, scenario.Pos) {
			i, ok := cols[id]
			if !ok || i >= len(rec) {
				line, _ := rd.FieldPos(0)
				return "", scenario.Pos{File: name, Line: line}
			}
			return strings.TrimSpace(sheet.UnescapeCell(rec[i])), fieldPos(i)
		}
		if rowBlank(rec) || isHintRow(rec, cols[colReviewer]) {
			continue
		}
		line, _ := rd.FieldPos(0)
		rowPos := scenario.Pos{File: name, Line: line}
		errsBefore := len(diags.Errors())

		reviewer, rpos := cell(colReviewer)
		if reviewer == "" {
			diags.Errorf(rpos, "column %s: the reviewer's name is missing", columnName(cols[colReviewer]))
		}
		round, okR := intCell(cell, colRound, cols, diags)
		group, okG := intCell(cell, colGroup, cols, diags)
		sheetPlan, ppos := cell(colPlan)
		checked := false
		if k := strings.ToLower(sheetPlan); otherPlan[k] {
			checked = true // one error for the file is enough
		} else {
			n := len(diags.Errors())
			checked = checkPlan(sheetPlan, planID, ppos, diags)
			otherPlan[k] = len(diags.Errors()) > n
		}
		if okR && okG {
			_, rp := cell(colRound)
			_, gp := cell(colGroup)
			if checkRoundGroup(p, round, group, rp, gp, diags) && !checked {
				if m, mpos := cell(colMembers); m != "" {
					checkMembers(p, round, group, []string{m}, fmt.Sprintf("column %s (%s)", columnName(cols[colMembers]), colMembers), mpos, diags)
				}
			}
		}
		if checked && otherPlan[strings.ToLower(sheetPlan)] {
			continue // the row's other problems matter no more
		}
		sh := Scoresheet{Scenario: p.Scenario.ID, Plan: sheetPlan, Reviewer: reviewer, Round: round, Group: group, Scores: map[string]Score{}, Pos: rowPos}
		for _, id := range dimIDs {
			v, at := cell(id)
			ev, _ := cell(id + evidenceSuffix)
			sc := Score{Evidence: ev, Pos: at}
			if v != "" {
				f, err := strconv.ParseFloat(v, 64)
				if err != nil {
					diags.Errorf(at, "column %s (%s): expected a whole number from %d to %d, got %q", columnName(cols[id]), id, rub.Scale.Min, rub.Scale.Max, v)
				} else if n, ok := checkScore(f, rub.Scale, fmt.Sprintf("column %s (%s)", columnName(cols[id]), id), at, diags); ok {
					sc.Value = &n
				}
			}
			sh.Scores[id] = sc
		}
		st, _ := cell(colStrengths)
		im, _ := cell(colImprovements)
		sh.Strengths, sh.Improvements = splitItems(st), splitItems(im)
		if len(diags.Errors()) > errsBefore {
			continue
		}
		if sh.IsBlank() {
			diags.Warnf(rowPos, "round %d group %d: the row is blank; it is left out", round, group)
			continue
		}
		for _, id := range dimIDs {
			if _, hasCol := cols[id]; hasCol && !sh.Scores[id].Scored() {
				diags.Warnf(sh.Scores[id].Pos, "column %s (%s): no score given for round %d group %d", columnName(cols[id]), id, round, group)
			}
		}
		sheets = append(sheets, sh)
	}
	return sheets
}

// intCell reads a whole number from the column id.
func intCell(cell func(string) (string, scenario.Pos), id string, cols map[string]int, diags *scenario.Diagnostics) (int, bool) {
	v, at := cell(id)
	if v == "" {
		diags.Errorf(at, "column %s (%s): missing", columnName(cols[id]), id)
		return 0, false
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f != float64(int(f)) {
		diags.Errorf(at, "column %s (%s): expected a whole number, got %q", columnName(cols[id]), id, v)
		return 0, false
	}
	return int(f), true
}

func rowBlank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
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
		for _, id := range []string{colReviewer, colRound, colGroup, colMembers, colStrengths, colImprovements, colPlan} {
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
	switch id {
	case colReviewer, colRound, colGroup, colMembers, colStrengths, colImprovements, colPlan:
		return true
	}
	_, ok := rub.Dimension(strings.TrimSuffix(id, evidenceSuffix))
	return ok
}

// columnName is the spreadsheet name of the 0-based column i: A, B, …, AA.
func columnName(i int) string {
	name := ""
	for i++; i > 0; i = (i - 1) / 26 {
		name = string(rune('A'+(i-1)%26)) + name
	}
	return name
}

func csvErrPos(name string, err error) scenario.Pos {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return scenario.Pos{File: name, Line: pe.Line, Col: pe.Column}
	}
	return scenario.Pos{File: name}
}
