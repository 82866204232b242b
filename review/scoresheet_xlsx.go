package review

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet"
)

// FormatXLSX is the format of scoresheets as Excel workbooks. Package
// review builds them as [sheet.Book]s and reads them as [sheet.Table]s;
// the bytes are the business of package sheet/xlsx, which the caller
// brings (see [ScoresheetWorkbooks] and [ParseOptions.Workbook]).
const FormatXLSX = "xlsx"

// ScoresheetWorkbook is one reviewer's scoresheets as a workbook to write.
type ScoresheetWorkbook struct {
	// Path is the file's name, "scoresheet-<reviewer>.xlsx", relative as
	// [ScoresheetFiles]'s are and made the same way.
	Path string
	Book sheet.Book
}

// ScoresheetWorkbooks lays sheets out as one workbook per reviewer: a
// sheet per round named in the scenario's language ("第1轮", "Round 1"), a
// row per group, and the columns of the CSV scoresheet
// ([MarshalScoresheetsCSV]), which [ParseScoresheets] reads back the same
// way. Each score header carries the dimension's level descriptors as a
// comment, which Excel, WPS and their phone apps show at the header
// without taking a row of the table; each score cell takes only the
// scale's whole numbers, with a prompt and an error in the scenario's
// language. The header row and the reviewer, round and group columns stay
// in view when the sheet scrolls. The sheet is protected without a
// password: the sheet id, the reviewer, round, group and members cannot be
// changed by accident, and the scores, evidence, strengths and
// improvements are open for input.
func ScoresheetWorkbooks(p *plan.Plan, s *scenario.Scenario, sheets []Scoresheet) []ScoresheetWorkbook {
	var out []ScoresheetWorkbook
	for _, rs := range byReviewer(sheets) {
		out = append(out, ScoresheetWorkbook{Path: rs.stem + ".xlsx", Book: scoresheetBook(p, s, rs.sheets)})
	}
	return out
}

// frozenCols are the columns that stay in view: reviewer, round, group.
// Members, a wide column, scrolls, so that a phone keeps room for scores.
const frozenCols = 3

func scoresheetBook(p *plan.Plan, s *scenario.Scenario, sheets []Scoresheet) sheet.Book {
	lang := s.Language
	r := s.Rubric.Rubric
	header := []sheet.Value{
		{Text: headerCell(words.In(lang, "reviewer"), colReviewer)},
		{Text: headerCell(words.In(lang, "round"), colRound)},
		{Text: headerCell(words.In(lang, "group"), colGroup)},
		{Text: headerCell(words.In(lang, "members"), colMembers)},
	}
	widths := map[int]float64{0: 12, 1: 8, 2: 8, 3: 36}
	var scoreCols []int
	for _, d := range r.Dimensions {
		title := d.Title.In(lang)
		levels := make([]string, len(d.Levels))
		for i, l := range d.Levels {
			levels[i] = fmt.Sprintf("%d = %s", l.Score, scenario.OneLine(l.Descriptor.In(lang)))
		}
		scoreCols = append(scoreCols, len(header))
		widths[len(header)], widths[len(header)+1] = 16, 32
		header = append(header,
			sheet.Value{Text: headerCell(fmt.Sprintf("%s (%d–%d)", title, r.Scale.Min, r.Scale.Max), d.ID), Comment: strings.Join(levels, "\n")},
			sheet.Value{Text: headerCell(title+" "+words.In(lang, "evidence"), d.ID+evidenceSuffix), Comment: scenario.OneLine(d.Description.In(lang))})
	}
	widths[len(header)], widths[len(header)+1], widths[len(header)+2] = 32, 32, 16
	header = append(header,
		sheet.Value{Text: headerCell(words.In(lang, "strengths"), colStrengths), Comment: words.In(lang, "strengths_help")},
		sheet.Value{Text: headerCell(words.In(lang, "improvements"), colImprovements), Comment: words.In(lang, "improvements_help")},
		sheet.Value{Text: headerCell(words.In(lang, "sheet_id"), colPlan), Comment: words.In(lang, "sheet_id_help")})
	for i := range header {
		header[i].Header = true
	}
	var (
		book  sheet.Book
		index = map[int]int{} // round → its tab in the book
	)
	for _, sh := range sheets {
		i, ok := index[sh.Round]
		if !ok {
			i = len(book.Tabs)
			index[sh.Round] = i
			book.Tabs = append(book.Tabs, sheet.Tab{
				Name: fmt.Sprintf(words.In(lang, "round_tab"), sh.Round), Rows: [][]sheet.Value{header},
				FrozenRows: 1, FrozenCols: frozenCols, Protected: true, Widths: widths,
			})
		}
		row := []sheet.Value{
			{Text: sh.Reviewer, Locked: true},
			{Text: strconv.Itoa(sh.Round), Number: true, Locked: true},
			{Text: strconv.Itoa(sh.Group), Number: true, Locked: true},
			{Text: membersCell(p, s, sh.Round, sh.Group), Locked: true},
		}
		for _, d := range r.Dimensions {
			sc := sh.Scores[d.ID]
			v := sheet.Value{}
			if sc.Value != nil {
				v = sheet.Value{Text: strconv.Itoa(*sc.Value), Number: true}
			}
			row = append(row, v, sheet.Value{Text: sc.Evidence})
		}
		row = append(row, sheet.Value{Text: strings.Join(sh.Strengths, "\n")}, sheet.Value{Text: strings.Join(sh.Improvements, "\n")},
			sheet.Value{Text: p.GroupID(sh.Round, sh.Group), Locked: true})
		book.Tabs[i].Rows = append(book.Tabs[i].Rows, row)
	}
	for i := range book.Tabs {
		tab := &book.Tabs[i]
		for _, col := range scoreCols {
			tab.Checks = append(tab.Checks, sheet.WholeNumberCheck{
				Col: col, FirstRow: 2, LastRow: len(tab.Rows), Min: r.Scale.Min, Max: r.Scale.Max,
				PromptTitle: words.In(lang, "score_prompt_title"), Prompt: fmt.Sprintf(words.In(lang, "score_prompt"), r.Scale.Min, r.Scale.Max),
				ErrorTitle: words.In(lang, "score_error_title"), Error: fmt.Sprintf(words.In(lang, "score_error"), r.Scale.Min, r.Scale.Max),
			})
		}
	}
	return book
}

// parseWorkbook reads an XLSX scoresheet: every visible sheet of the
// workbook that has rows, its header found among its top rows, then a
// sheet per row. Sheets may be renamed, reordered or added to by the
// reviewer; an empty one is passed over, one without a header row is an
// error, and a hidden one is passed over, with a warning when it holds
// rows under a scoresheet's header.
func parseWorkbook(name string, data []byte, p *plan.Plan, rub *scenario.Rubric, opts ParseOptions, diags *scenario.Diagnostics) []Scoresheet {
	at := scenario.Pos{File: name}
	if opts.Workbook == nil {
		diags.Errorf(at, "this is an Excel workbook (.xlsx), and this program reads scoresheets only as CSV or YAML; save it as CSV UTF-8")
		return nil
	}
	errs := len(diags.Errors())
	tables := opts.Workbook(name, data, diags)
	if len(diags.Errors()) > errs {
		return nil
	}
	var (
		sheets  []Scoresheet
		hasRows bool
	)
	lang := p.Scenario.Language
	for _, t := range tables {
		if len(t.Rows) == 0 {
			continue
		}
		r := newTableReader(t, p, rub, opts, diags)
		h := r.findHeader()
		if t.Hidden {
			// A list kept for a drop-down, say; but scores a reviewer hid
			// by mistake should not vanish without a word.
			if h >= 0 && h+1 < len(t.Rows) {
				diags.Warnf(t.Rows[0].Pos, "sheet %q is hidden in the workbook, so its scores are not read; unhide it (right-click a sheet's tab, Unhide) to count them", t.Sheet)
			}
			continue
		}
		if h < 0 {
			diags.Errorf(t.Rows[0].Pos, "sheet %q: no header row in its first %d rows; a scoresheet's header names the reviewer, round and group columns, such as %q, %q and %q; move a sheet that is not a scoresheet to another workbook",
				t.Sheet, headerSearch, headerCell(words.In(lang, colReviewer), colReviewer), headerCell(words.In(lang, colRound), colRound), headerCell(words.In(lang, colGroup), colGroup))
			continue
		}
		hasRows = hasRows || h+1 < len(t.Rows)
		sheets = append(sheets, r.read(h)...)
	}
	if !hasRows && len(diags.Errors()) == errs {
		diags.Errorf(at, "the workbook has no rows of scores: no sheet has a row under its header; make scoresheets with yishi scoresheets --format xlsx")
	}
	return sheets
}
