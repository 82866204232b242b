package xlsx

import (
	"bytes"
	"strings"

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
// workbook's order, hidden sheets too. A cell is placed at the file
// (a workbook has no lines) and at its Excel row and column, with the
// table's [sheet.Table.Sheet] naming its sheet; blank rows are left out.
// Shared and inline strings read alike, and a formula reads as the value
// Excel last computed for it. A workbook that does not open is one error
// at the file.
func (o Options) Read(file string, data []byte, diags *scenario.Diagnostics) []*sheet.Table {
	at := scenario.Pos{File: file}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		RawCellValue:      !o.Displayed,
		UnzipSizeLimit:    16 * scenario.MaxFileSize,
		UnzipXMLSizeLimit: 16 * scenario.MaxFileSize,
	})
	if err != nil {
		diags.Errorf(at, "the workbook does not open: it may be cut short or damaged; copy it again, or open it in Excel or WPS and save it again as .xlsx")
		return nil
	}
	defer f.Close()
	var tables []*sheet.Table
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			continue // a chart sheet: it holds no cells
		}
		t := &sheet.Table{Sheet: name}
		for i, cells := range rows {
			row := sheet.Row{Number: i + 1, Pos: at, Cells: make([]sheet.Cell, len(cells))}
			for j, text := range cells {
				row.Cells[j] = sheet.Cell{Text: text, Pos: at, Row: i + 1, Col: j}
			}
			if !blank(cells) {
				t.Rows = append(t.Rows, row)
			}
		}
		tables = append(tables, t)
	}
	if len(tables) == 0 {
		diags.Errorf(at, "the workbook has no sheets with cells")
	}
	return tables
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
