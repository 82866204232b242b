package xlsx

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/yishi-council/yishi/scenario/sheet"
)

// commentAuthor signs the comments a book's values carry.
const commentAuthor = "yishi"

// Write turns a book into the bytes of an XLSX workbook. Every value is
// written as text, or as a number where [sheet.Value.Number] says so, and
// never as a formula: a text that starts with "=" stays that text. The
// error is a programming error (a bad sheet name, a number that is not
// one), never the user's.
func Write(b sheet.Book) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	for i, tab := range b.Tabs {
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), tab.Name)
		} else {
			_, err = f.NewSheet(tab.Name)
		}
		if err != nil {
			return nil, fmt.Errorf("sheet %q: %w", tab.Name, err)
		}
		if err := writeTab(f, st, tab); err != nil {
			return nil, fmt.Errorf("sheet %q: %w", tab.Name, err)
		}
		if err := setDimension(f, tab); err != nil {
			return nil, fmt.Errorf("sheet %q: %w", tab.Name, err)
		}
	}
	f.SetActiveSheet(0)
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// setDimension records the range the tab's values fill in its sheet's
// <dimension ref>, which excelize leaves at "A1": readers that size a
// sheet by it (some read-only and phone viewers) would see one cell.
func setDimension(f *excelize.File, tab sheet.Tab) error {
	cols := 0
	for _, row := range tab.Rows {
		cols = max(cols, len(row))
	}
	if cols == 0 {
		return nil
	}
	last, err := excelize.CoordinatesToCellName(cols, len(tab.Rows))
	if err != nil {
		return err
	}
	return f.SetSheetDimension(tab.Name, "A1:"+last)
}

// styles are the cell styles of a book: a header, a locked value and an
// open one.
type styles struct{ header, locked, open int }

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	wrap := &excelize.Alignment{WrapText: true, Vertical: "top"}
	if s.header, err = f.NewStyle(&excelize.Style{
		Font: &excelize.Font{Bold: true}, Alignment: wrap, Protection: &excelize.Protection{Locked: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8EEF4"}},
	}); err != nil {
		return s, err
	}
	if s.locked, err = f.NewStyle(&excelize.Style{Alignment: wrap, Protection: &excelize.Protection{Locked: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F4F4F4"}}}); err != nil {
		return s, err
	}
	s.open, err = f.NewStyle(&excelize.Style{Alignment: wrap, Protection: &excelize.Protection{Locked: false}})
	return s, err
}

func writeTab(f *excelize.File, st styles, tab sheet.Tab) error {
	name := tab.Name
	for r, row := range tab.Rows {
		for c, v := range row {
			ref, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				return err
			}
			if err := writeValue(f, name, ref, v); err != nil {
				return err
			}
			style := st.open
			switch {
			case v.Header:
				style = st.header
			case v.Locked:
				style = st.locked
			}
			if err := f.SetCellStyle(name, ref, ref, style); err != nil {
				return err
			}
			if v.Comment != "" {
				if err := f.AddComment(name, excelize.Comment{Cell: ref, Author: commentAuthor, Text: v.Comment, Width: 320, Height: 220}); err != nil {
					return err
				}
			}
		}
	}
	for col, w := range tab.Widths {
		c := sheet.ColumnName(col)
		if err := f.SetColWidth(name, c, c, w); err != nil {
			return err
		}
	}
	for _, ch := range tab.Checks {
		if err := addCheck(f, name, ch); err != nil {
			return err
		}
	}
	if tab.FrozenRows > 0 || tab.FrozenCols > 0 {
		topLeft, err := excelize.CoordinatesToCellName(tab.FrozenCols+1, tab.FrozenRows+1)
		if err != nil {
			return err
		}
		if err := f.SetPanes(name, &excelize.Panes{Freeze: true, XSplit: tab.FrozenCols, YSplit: tab.FrozenRows, TopLeftCell: topLeft, ActivePane: "bottomRight"}); err != nil {
			return err
		}
	}
	if tab.Protected {
		// No password: the protection stops accidents, not people. Rows
		// and columns may still be resized, and columns added.
		return f.ProtectSheet(name, &excelize.SheetProtectionOptions{
			SelectLockedCells: true, SelectUnlockedCells: true,
			FormatColumns: true, FormatRows: true, InsertColumns: true,
		})
	}
	return nil
}

// writeValue writes v as a number or as text: never a formula.
func writeValue(f *excelize.File, sheetName, ref string, v sheet.Value) error {
	if v.Number {
		n, err := strconv.ParseFloat(v.Text, 64)
		if err != nil {
			return fmt.Errorf("cell %s: %q is not a number", ref, v.Text)
		}
		return f.SetCellFloat(sheetName, ref, n, -1, 64)
	}
	if v.Text == "" {
		return nil
	}
	return f.SetCellStr(sheetName, ref, v.Text)
}

func addCheck(f *excelize.File, sheetName string, ch sheet.WholeNumberCheck) error {
	if ch.LastRow < ch.FirstRow {
		return nil
	}
	from, err := excelize.CoordinatesToCellName(ch.Col+1, ch.FirstRow)
	if err != nil {
		return err
	}
	to, err := excelize.CoordinatesToCellName(ch.Col+1, ch.LastRow)
	if err != nil {
		return err
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = from + ":" + to
	if err := dv.SetRange(ch.Min, ch.Max, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	if ch.Prompt != "" {
		dv.SetInput(clip(ch.PromptTitle, 32), clip(ch.Prompt, 255))
	}
	if ch.Error != "" {
		dv.SetError(excelize.DataValidationErrorStyleStop, clip(ch.ErrorTitle, 32), clip(ch.Error, 255))
	}
	return f.AddDataValidation(sheetName, dv)
}

// clip cuts s to the n characters Excel allows in a data validation's
// title (32) or message (255).
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
