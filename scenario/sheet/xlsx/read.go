package xlsx

import (
	"archive/zip"
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet"
)

// Options change how a workbook is read.
type Options struct {
	// Displayed reads each cell as Excel displays it, its number format
	// applied (a date as a date, 4 as "4.0" under a format with one
	// decimal). Without it a number cell reads as the number it holds,
	// which is what a score is, whatever format shows it.
	Displayed bool
}

// Read reads every sheet of an XLSX workbook, cells as the values they
// hold; it is a [sheet.WorkbookReader].
func Read(file string, data []byte, diags *scenario.Diagnostics) []*sheet.Table {
	return Options{}.Read(file, data, diags)
}

// Read reads every sheet of an XLSX workbook into a table each, in the
// workbook's order, hidden sheets too ([sheet.Table.Hidden] tells them,
// and [sheet.Table.Active] the sheet the workbook opens on). A cell is
// placed at its Excel row and column, file:row:col, with its position's
// [scenario.Pos.Sheet] the sheet's index in the workbook and the table's
// [sheet.Table.Sheet] naming it; blank rows are left out. Shared and inline
// strings read alike, and a formula reads as the value Excel last computed
// for it.
//
// Rows are read one at a time, and no more than [sheet.MaxRows] of a
// sheet, [sheet.MaxColumns] of a row and [sheet.MaxCellChars] of a cell:
// each limit passed is an error at its place, and a cell's text is cut at
// the limit. A workbook that does not open, or that unzips to more than
// [sheet.MaxUnzipped], is one error at the file; so is an empty file
// ([sheet.IsEmpty]).
func (o Options) Read(file string, data []byte, diags *scenario.Diagnostics) []*sheet.Table {
	at := scenario.Pos{File: file}
	if sheet.IsEmpty(data) {
		diags.Errorf(at, "the file is empty: it holds no workbook; copy it again from where it came, or open the workbook in Excel or WPS and save it again as .xlsx")
		return nil
	}
	if n, ok := unzipped(data); ok && n > sheet.MaxUnzipped {
		diags.Errorf(at, "the workbook holds %d MB once unzipped, more than the %d MB a sign-up sheet or scoresheet needs; remove the sheets, pictures or data that are not part of it, and save it again", (n+(1<<20)-1)>>20, sheet.MaxUnzipped>>20)
		return nil
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		RawCellValue:      !o.Displayed,
		UnzipSizeLimit:    sheet.MaxUnzipped,
		UnzipXMLSizeLimit: sheet.MaxUnzipped,
	})
	if err != nil {
		diags.Errorf(at, "the workbook does not open: it may be cut short or damaged; copy it again, or open it in Excel or WPS and save it again as .xlsx")
		return nil
	}
	defer f.Close()
	var (
		tables []*sheet.Table
		active = f.GetActiveSheetIndex()
	)
	for i, name := range f.GetSheetList() {
		t, ok := o.readSheet(f, file, i, name, diags)
		if !ok {
			continue // a chart sheet: it holds no cells
		}
		visible, err := f.GetSheetVisible(name)
		t.Hidden = err == nil && !visible
		t.Active = i == active
		tables = append(tables, t)
	}
	if len(tables) == 0 {
		diags.Errorf(at, "the workbook has no sheets with cells")
	}
	return tables
}

// readSheet reads the sheet at index i of the workbook's sheets, row by
// row, within the limits; ok is false for a sheet without cells.
func (o Options) readSheet(f *excelize.File, file string, i int, name string, diags *scenario.Diagnostics) (t *sheet.Table, ok bool) {
	rows, err := f.Rows(name)
	if err != nil {
		return nil, false
	}
	defer rows.Close()
	t = &sheet.Table{Sheet: name}
	pos := func(row, col int) scenario.Pos {
		return scenario.Pos{File: file, Sheet: i, Line: row, Col: col + 1}
	}
	wide := false // a row past MaxColumns has been reported
	for n := 1; rows.Next(); n++ {
		cells, err := rows.Columns()
		if err != nil {
			diags.Errorf(pos(n, -1), "%s: the row cannot be read: the workbook may be damaged; open it in Excel or WPS and save it again as .xlsx", t.RowAt(n))
			break
		}
		if blank(cells) {
			continue
		}
		if n > sheet.MaxRows {
			diags.Errorf(pos(n, -1), "%s: the sheet has more than %d rows, far more than a sign-up sheet or scoresheet; the rest of it is not read; move other data to another workbook", t.RowAt(n), sheet.MaxRows)
			break
		}
		if len(cells) > sheet.MaxColumns {
			if !blank(cells[sheet.MaxColumns:]) && !wide {
				wide = true
				j := sheet.MaxColumns + firstFilled(cells[sheet.MaxColumns:])
				diags.Errorf(pos(n, j), "%s: a value past column %s: a sheet is read to its first %d columns, far more than a sign-up sheet or scoresheet has; move other data to another sheet", t.Where(n, j, ""), sheet.ColumnName(sheet.MaxColumns-1), sheet.MaxColumns)
			}
			cells = cells[:sheet.MaxColumns]
		}
		row := sheet.Row{Number: n, Pos: pos(n, -1), Cells: make([]sheet.Cell, len(cells))}
		for j, text := range cells {
			if len(text) > sheet.MaxCellChars {
				if c := utf8.RuneCountInString(text); c > sheet.MaxCellChars {
					diags.Errorf(pos(n, j), "%s: %d characters, more than the %d a cell may hold; shorten it", t.Where(n, j, ""), c, sheet.MaxCellChars)
					text = cut(text, sheet.MaxCellChars)
				}
			}
			row.Cells[j] = sheet.Cell{Text: text, Pos: pos(n, j), Row: n, Col: j}
		}
		t.Rows = append(t.Rows, row)
	}
	return t, true
}

// unzipped is what the zip file data says it holds once unzipped; ok is
// false when it is no zip file (excelize then says why).
func unzipped(data []byte) (n uint64, ok bool) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return 0, false
	}
	for _, f := range z.File {
		n += f.UncompressedSize64
	}
	return n, true
}

// cut returns the first n characters of s.
func cut(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// firstFilled is the index of the first cell that is not blank, -1 when
// there is none.
func firstFilled(cells []string) int {
	for j, c := range cells {
		if strings.TrimSpace(c) != "" {
			return j
		}
	}
	return -1
}

func blank(cells []string) bool { return firstFilled(cells) < 0 }
