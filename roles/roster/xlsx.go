package roster

import (
	"slices"
	"strconv"
	"strings"

	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet"
	"github.com/yishi-council/yishi/scenario/sheet/xlsx"
)

// defaultSheet is the sheet a roster is read from when none is named: the
// one the workbook opens on, unless it is hidden, else the first sheet
// not hidden, so that a hidden sheet of lists (字典) before the sign-up
// sheet is passed over. A workbook whose every sheet is hidden gives its
// first.
func defaultSheet(tables []*sheet.Table) *sheet.Table {
	for _, t := range tables {
		if t.Active && !t.Hidden {
			return t
		}
	}
	for _, t := range tables {
		if !t.Hidden {
			return t
		}
	}
	return tables[0]
}

// readXLSX reads the named sheet (or the default, see [defaultSheet]) of a workbook as Excel
// displays its cells, through the workbook reader every part of yishi
// shares. A sheet is named by its name or, when no sheet has that name,
// by its number counted from 1.
func readXLSX(file string, data []byte, name string, diags *scenario.Diagnostics) *table {
	filePos := scenario.Pos{File: file}
	tables := xlsx.Options{Displayed: true}.Read(file, data, diags)
	if len(tables) == 0 {
		return nil // the reader said why
	}
	names := make([]string, len(tables))
	for i, t := range tables {
		names[i] = t.Sheet
	}
	n, numErr := strconv.Atoi(strings.TrimSpace(name))
	var chosen *sheet.Table
	switch i := slices.Index(names, name); {
	case name == "":
		chosen = defaultSheet(tables)
	case i >= 0:
		chosen = tables[i]
	case numErr == nil && n >= 1 && n <= len(tables):
		chosen = tables[n-1]
	default:
		if s := suggest(name, names); numErr == nil {
			diags.Errorf(filePos, "no sheet %q; the workbook has: %s (a sheet's number is 1 to %d)", name, quoteList(names), len(names))
		} else if s != "" {
			diags.Errorf(filePos, "no sheet %q; the workbook has: %s (did you mean %q?)", name, quoteList(names), s)
		} else {
			diags.Errorf(filePos, "no sheet %q; the workbook has: %s", name, quoteList(names))
		}
		return nil
	}
	g := grid{rows: gridRows(chosen)}
	if len(tables) > 1 {
		g.sheet = chosen.Sheet
	}
	g.place = func(row, col int) spot {
		return spot{pos: scenario.Pos{File: file, Line: row + 1, Col: col + 1}, row: row + 1, col: col}
	}
	t := tableOf(file, g, diags)
	if t != nil {
		t.format = FormatXLSX
	}
	return t
}

// gridRows puts the sheet's rows back at their Excel row numbers, the
// blank rows the reader leaves out as empty ones, so that a cell's place
// in the grid is its place in the sheet.
func gridRows(t *sheet.Table) [][]string {
	if len(t.Rows) == 0 {
		return nil
	}
	rows := make([][]string, t.Rows[len(t.Rows)-1].Number)
	for _, r := range t.Rows {
		texts := make([]string, len(r.Cells))
		for _, c := range r.Cells {
			if c.Col >= 0 && c.Col < len(texts) {
				texts[c.Col] = c.Text
			}
		}
		rows[r.Number-1] = texts
	}
	return rows
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}
