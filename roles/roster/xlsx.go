package roster

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"github.com/yishi-council/yishi/scenario"
)

// readXLSX reads the named sheet (or the first) as displayed text.
func readXLSX(file string, data []byte, sheet string, diags *scenario.Diagnostics) *table {
	filePos := scenario.Pos{File: file}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    16 * scenario.MaxFileSize,
		UnzipXMLSizeLimit: 16 * scenario.MaxFileSize,
	})
	if err != nil {
		diags.Errorf(filePos, "not a readable XLSX workbook: %v", err)
		return nil
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		diags.Errorf(filePos, "the workbook has no sheets")
		return nil
	}
	n, numErr := strconv.Atoi(strings.TrimSpace(sheet))
	switch {
	case sheet == "":
		sheet = sheets[0]
	case slices.Contains(sheets, sheet):
	case numErr == nil && n >= 1 && n <= len(sheets):
		// A sheet's number, counted from 1, when no sheet has it as
		// its name.
		sheet = sheets[n-1]
	default:
		if s := scenario.Suggest(sheet, sheets); numErr == nil {
			diags.Errorf(filePos, "no sheet %q; the workbook has: %s (a sheet's number is 1 to %d)", sheet, quoteList(sheets), len(sheets))
		} else if s != "" {
			diags.Errorf(filePos, "no sheet %q; the workbook has: %s (did you mean %q?)", sheet, quoteList(sheets), s)
		} else {
			diags.Errorf(filePos, "no sheet %q; the workbook has: %s", sheet, quoteList(sheets))
		}
		return nil
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		diags.Errorf(filePos, "sheet %q: %v", sheet, err)
		return nil
	}
	g := grid{rows: rows}
	if len(sheets) > 1 {
		g.sheet = sheet
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

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}
