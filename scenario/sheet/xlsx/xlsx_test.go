package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet"
)

// texts are a table's rows as text, for comparing.
func texts(t *sheet.Table) [][]string {
	var out [][]string
	for _, r := range t.Rows {
		var row []string
		for _, c := range r.Cells {
			row = append(row, c.Text)
		}
		out = append(out, row)
	}
	return out
}

// excelBook makes a workbook as a reviewer's Excel leaves it: cells set
// one by one with excelize, a sheet renamed, numbers typed as numbers
// and as text, blank rows between.
func excelBook(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	require.NoError(t, f.SetSheetName("Sheet1", "我的第一轮"))
	set := func(sheetName, ref string, v any) { require.NoError(t, f.SetCellValue(sheetName, ref, v)) }
	set("我的第一轮", "A1", "评分人")
	set("我的第一轮", "B1", "得分")
	set("我的第一轮", "A2", "王老师")
	set("我的第一轮", "B2", 4)
	set("我的第一轮", "A5", "李老师")
	set("我的第一轮", "B5", "4")
	set("我的第一轮", "C5", 4.5)
	_, err := f.NewSheet("Round 2")
	require.NoError(t, err)
	set("Round 2", "B3", "=1+1")
	// A number shown with one decimal still reads as the number it holds.
	style, err := f.NewStyle(&excelize.Style{NumFmt: 2})
	require.NoError(t, err)
	set("Round 2", "C3", 4)
	require.NoError(t, f.SetCellStyle("Round 2", "C3", "C3", style))
	buf, err := f.WriteToBuffer()
	require.NoError(t, err)
	return buf.Bytes()
}

func TestReadWorkbookAsExcelSavesIt(t *testing.T) {
	var diags scenario.Diagnostics
	tables := Read("s.xlsx", excelBook(t), &diags)
	require.Empty(t, diags)
	require.Len(t, tables, 2)
	assert.Equal(t, "我的第一轮", tables[0].Sheet)
	assert.Equal(t, [][]string{{"评分人", "得分"}, {"王老师", "4"}, {"李老师", "4", "4.5"}}, texts(tables[0]))
	var numbers []int
	for _, r := range tables[0].Rows {
		numbers = append(numbers, r.Number)
	}
	assert.Equal(t, []int{1, 2, 5}, numbers, "blank rows are left out and keep their numbers")
	c := tables[0].Rows[2].Cells[2]
	assert.Equal(t, "C5", c.Ref())
	assert.Equal(t, scenario.Pos{File: "s.xlsx", Line: 5, Col: 3}, c.Pos, "a cell stands at its Excel row and column")
	assert.Equal(t, "Round 2", tables[1].Sheet)
	assert.Equal(t, scenario.Pos{File: "s.xlsx", Sheet: 1, Line: 3, Col: 2}, tables[1].Rows[0].Cells[1].Pos, "and in its sheet")
	assert.Equal(t, scenario.Pos{File: "s.xlsx", Sheet: 1, Line: 3}, tables[1].Rows[0].Pos)
	assert.Equal(t, [][]string{{"", "=1+1", "4"}}, texts(tables[1]), "a text that looks like a formula is text; a formatted number reads as its value")

	var shown scenario.Diagnostics
	displayed := Options{Displayed: true}.Read("s.xlsx", excelBook(t), &shown)
	require.Empty(t, shown)
	assert.Equal(t, "4.00", displayed[1].Rows[0].Cells[2].Text)
}

// inlineBook is a workbook with inline strings rather than shared ones,
// and a number written "4.0", as some programs other than Excel save them.
func inlineBook(t *testing.T) []byte {
	t.Helper()
	files := map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="第1轮" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
			`<row r="1"><c r="A1" t="inlineStr"><is><t>评分人</t></is></c><c r="B1" t="inlineStr"><is><t>得分</t></is></c></row>` +
			`<row r="3"><c r="A3" t="inlineStr"><is><t>王老师</t></is></c><c r="B3"><v>4.0</v></c></row>` +
			`</sheetData></worksheet>`,
	}
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for name, body := range files {
		fw, err := w.Create(name)
		require.NoError(t, err)
		_, err = fw.Write([]byte(body))
		require.NoError(t, err)
	}
	require.NoError(t, w.Close())
	return b.Bytes()
}

func TestReadInlineStrings(t *testing.T) {
	var diags scenario.Diagnostics
	tables := Read("s.xlsx", inlineBook(t), &diags)
	require.Empty(t, diags)
	require.Len(t, tables, 1)
	assert.Equal(t, "第1轮", tables[0].Sheet)
	assert.Equal(t, [][]string{{"评分人", "得分"}, {"王老师", "4.0"}}, texts(tables[0]))
	assert.Equal(t, 3, tables[0].Rows[1].Number)
}

func TestReadBrokenWorkbook(t *testing.T) {
	data := excelBook(t)
	for name, bad := range map[string][]byte{"cut short": data[:len(data)/2], "not a zip": []byte("PK\x03\x04 and then nothing")} {
		t.Run(name, func(t *testing.T) {
			var diags scenario.Diagnostics
			assert.Empty(t, Read("s.xlsx", bad, &diags))
			require.Len(t, diags, 1)
			assert.Equal(t, "s.xlsx: the workbook does not open: it may be cut short or damaged; copy it again, or open it in Excel or WPS and save it again as .xlsx", diags[0].String())
		})
	}
}

func TestWrite(t *testing.T) {
	book := sheet.Book{Tabs: []sheet.Tab{{
		Name: "第1轮",
		Rows: [][]sheet.Value{
			{{Text: "评分人", Header: true}, {Text: "节奏把控 (1–5)", Header: true, Comment: "1 = 失控\n5 = 从容"}, {Text: "计划编号", Header: true}},
			{{Text: "=HYPERLINK(\"http://x\")", Locked: true}, {}, {Text: "0123456789ab", Locked: true}},
			{{Text: "李老师", Locked: true}, {Text: "4", Number: true}, {Text: "0123456789ab", Locked: true}},
		},
		FrozenRows: 1, FrozenCols: 1, Protected: true,
		Widths: map[int]float64{0: 12},
		Checks: []sheet.WholeNumberCheck{{Col: 1, FirstRow: 2, LastRow: 3, Min: 1, Max: 5, PromptTitle: "评分", Prompt: "1 到 5 的整数", ErrorTitle: "不是整数", Error: "请填 1 到 5 的整数"}},
	}, {Name: "第2轮"}}}
	data, err := Write(book)
	require.NoError(t, err)
	assert.Equal(t, sheet.XLSX, sheet.Detect(data))

	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, []string{"第1轮", "第2轮"}, f.GetSheetList())
	formula, err := f.GetCellFormula("第1轮", "A2")
	require.NoError(t, err)
	assert.Empty(t, formula, "a value that starts with = is never a formula")
	v, err := f.GetCellValue("第1轮", "A2")
	require.NoError(t, err)
	assert.Equal(t, `=HYPERLINK("http://x")`, v)
	typ, err := f.GetCellType("第1轮", "B3")
	require.NoError(t, err)
	assert.NotEqual(t, excelize.CellTypeSharedString, typ, "a score is a number")

	comments, err := f.GetComments("第1轮")
	require.NoError(t, err)
	require.Len(t, comments, 1)
	assert.Equal(t, "B1", comments[0].Cell)
	assert.Contains(t, comments[0].Text+paragraphs(comments[0]), "5 = 从容")

	dvs, err := f.GetDataValidations("第1轮")
	require.NoError(t, err)
	require.Len(t, dvs, 1)
	assert.Equal(t, "B2:B3", dvs[0].Sqref)
	assert.Equal(t, "whole", dvs[0].Type)
	assert.Equal(t, "between", dvs[0].Operator)
	assert.Equal(t, "1", dvs[0].Formula1)
	assert.Equal(t, "5", dvs[0].Formula2)
	assert.Equal(t, "请填 1 到 5 的整数", *dvs[0].Error)
	assert.Equal(t, "1 到 5 的整数", *dvs[0].Prompt)

	panes, err := f.GetPanes("第1轮")
	require.NoError(t, err)
	assert.True(t, panes.Freeze)
	assert.Equal(t, 1, panes.XSplit)
	assert.Equal(t, 1, panes.YSplit)

	protection, err := f.GetSheetProtection("第1轮")
	require.NoError(t, err)
	assert.True(t, protection.SelectUnlockedCells)
	assert.Empty(t, protection.Password, "no password: the protection is against accidents")
	locked := func(ref string) bool {
		id, err := f.GetCellStyle("第1轮", ref)
		require.NoError(t, err)
		st, err := f.GetStyle(id)
		require.NoError(t, err)
		return st.Protection == nil || st.Protection.Locked
	}
	assert.True(t, locked("C2"), "the plan id is locked")
	assert.True(t, locked("A1"), "headers are locked")
	assert.False(t, locked("B2"), "an empty score cell is open for input")
	assert.False(t, locked("B3"))

	dim, err := f.GetSheetDimension("第1轮")
	require.NoError(t, err)
	assert.Equal(t, "A1:C3", dim, "the sheet says what range its values fill")
	dim, err = f.GetSheetDimension("第2轮")
	require.NoError(t, err)
	assert.Equal(t, "A1", dim, "an empty sheet")

	var diags scenario.Diagnostics
	tables := Read("s.xlsx", data, &diags)
	require.Empty(t, diags)
	assert.Equal(t, [][]string{{"评分人", "节奏把控 (1–5)", "计划编号"}, {`=HYPERLINK("http://x")`, "", "0123456789ab"}, {"李老师", "4", "0123456789ab"}}, texts(tables[0]))
}

func paragraphs(c excelize.Comment) string {
	var s string
	for _, p := range c.Paragraph {
		s += p.Text
	}
	return s
}

// FuzzRead checks that no bytes make the reader panic, and that every
// cell it returns is placed at the file and at its row and column.
func FuzzRead(f *testing.F) {
	book, err := Write(sheet.Book{Tabs: []sheet.Tab{{Name: "第1轮", Rows: [][]sheet.Value{{{Text: "评分人"}, {Text: "4", Number: true}}}}}})
	require.NoError(f, err)
	f.Add(book)
	f.Add(book[:len(book)/2])
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var diags scenario.Diagnostics
		for _, tab := range Read("f.xlsx", data, &diags) {
			if len(tab.Rows) > sheet.MaxRows {
				t.Fatalf("sheet %q: %d rows read", tab.Sheet, len(tab.Rows))
			}
			for _, r := range tab.Rows {
				if len(r.Cells) > sheet.MaxColumns {
					t.Fatalf("row %d: %d cells read", r.Number, len(r.Cells))
				}
				for j, c := range r.Cells {
					if utf8.RuneCountInString(c.Text) > sheet.MaxCellChars {
						t.Fatalf("cell %s: %d characters read", c.Ref(), utf8.RuneCountInString(c.Text))
					}
					if c.Pos.File != "f.xlsx" || c.Row != r.Number || c.Col != j || c.Row < 1 || c.Pos.Line != c.Row || c.Pos.Col != j+1 {
						t.Fatalf("cell %s misplaced: %+v in row %d", c.Ref(), c, r.Number)
					}
				}
			}
		}
		for _, d := range diags {
			if d.Pos.File != "f.xlsx" {
				t.Fatalf("%s: wrong file", d)
			}
		}
	})
}

// streamBook writes a sheet "大表" with rows rows of cols cells each, as
// excelize's stream writer does, after a small sheet "第1轮".
func streamBook(t *testing.T, rows, cols int, long string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	require.NoError(t, f.SetSheetName("Sheet1", "第1轮"))
	require.NoError(t, f.SetCellValue("第1轮", "A1", "评分人"))
	_, err := f.NewSheet("大表")
	require.NoError(t, err)
	sw, err := f.NewStreamWriter("大表")
	require.NoError(t, err)
	for r := 1; r <= rows; r++ {
		vals := make([]any, cols)
		for c := range vals {
			vals[c] = fmt.Sprintf("r%dc%d", r, c)
		}
		if r == 2 && long != "" {
			vals[1] = long
		}
		cell, err := excelize.CoordinatesToCellName(1, r)
		require.NoError(t, err)
		require.NoError(t, sw.SetRow(cell, vals))
	}
	require.NoError(t, sw.Flush())
	buf, err := f.WriteToBuffer()
	require.NoError(t, err)
	return buf.Bytes()
}

func TestReadLimits(t *testing.T) {
	t.Run("rows", func(t *testing.T) {
		var diags scenario.Diagnostics
		tables := Read("big.xlsx", streamBook(t, sheet.MaxRows+50, 2, ""), &diags)
		require.Len(t, diags, 1)
		assert.Equal(t, fmt.Sprintf(`big.xlsx:%d: sheet "大表", row %d: the sheet has more than 10000 rows, far more than a sign-up sheet or scoresheet; the rest of it is not read; move other data to another workbook`, sheet.MaxRows+1, sheet.MaxRows+1), diags[0].String())
		assert.Equal(t, 1, diags[0].Pos.Sheet)
		require.Len(t, tables, 2)
		assert.Len(t, tables[1].Rows, sheet.MaxRows)
	})
	t.Run("columns", func(t *testing.T) {
		var diags scenario.Diagnostics
		tables := Read("wide.xlsx", streamBook(t, 3, sheet.MaxColumns+5, ""), &diags)
		require.Len(t, diags, 1, "one error for the sheet, not one a row")
		assert.Equal(t, `wide.xlsx:1:201: sheet "大表", row 1, column GS: a value past column GR: a sheet is read to its first 200 columns, far more than a sign-up sheet or scoresheet has; move other data to another sheet`, diags[0].String())
		for _, r := range tables[1].Rows {
			assert.Len(t, r.Cells, sheet.MaxColumns)
		}
	})
	t.Run("a long cell", func(t *testing.T) {
		var diags scenario.Diagnostics
		tables := Read("long.xlsx", streamBook(t, 3, 3, strings.Repeat("长", sheet.MaxCellChars+1)), &diags)
		require.Len(t, diags, 1)
		assert.Equal(t, `long.xlsx:2:2: sheet "大表", row 2, column B: 10001 characters, more than the 10000 a cell may hold; shorten it`, diags[0].String())
		assert.Equal(t, sheet.MaxCellChars, utf8.RuneCountInString(tables[1].Rows[1].Cells[1].Text))
	})
	t.Run("within them", func(t *testing.T) {
		var diags scenario.Diagnostics
		tables := Read("ok.xlsx", streamBook(t, 20, sheet.MaxColumns, strings.Repeat("长", sheet.MaxCellChars)), &diags)
		require.Empty(t, diags)
		assert.Len(t, tables[1].Rows, 20)
	})
	t.Run("unzipped", func(t *testing.T) {
		var b bytes.Buffer
		w := zip.NewWriter(&b)
		fw, err := w.Create("xl/sharedStrings.xml")
		require.NoError(t, err)
		_, err = fw.Write(bytes.Repeat([]byte(" "), sheet.MaxUnzipped+1))
		require.NoError(t, err)
		require.NoError(t, w.Close())
		var diags scenario.Diagnostics
		assert.Empty(t, Read("bomb.xlsx", b.Bytes(), &diags))
		require.Len(t, diags, 1)
		assert.Equal(t, "bomb.xlsx: the workbook holds 33 MB once unzipped, more than the 32 MB a sign-up sheet or scoresheet needs; remove the sheets, pictures or data that are not part of it, and save it again", diags[0].String())
	})
}

func TestReadHiddenAndActiveSheets(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	require.NoError(t, f.SetSheetName("Sheet1", "字典"))
	require.NoError(t, f.SetCellValue("字典", "A1", "社工"))
	i, err := f.NewSheet("报名表")
	require.NoError(t, err)
	require.NoError(t, f.SetCellValue("报名表", "A1", "姓名"))
	_, err = f.NewSheet("备用")
	require.NoError(t, err)
	require.NoError(t, f.SetCellValue("备用", "A1", "x"))
	f.SetActiveSheet(i)
	require.NoError(t, f.SetSheetVisible("字典", false))
	buf, err := f.WriteToBuffer()
	require.NoError(t, err)

	var diags scenario.Diagnostics
	tables := Read("hidden.xlsx", buf.Bytes(), &diags)
	require.Empty(t, diags)
	require.Len(t, tables, 3)
	var got []string
	for _, tab := range tables {
		got = append(got, fmt.Sprintf("%s hidden=%v active=%v", tab.Sheet, tab.Hidden, tab.Active))
	}
	assert.Equal(t, []string{"字典 hidden=true active=false", "报名表 hidden=false active=true", "备用 hidden=false active=false"}, got)
}

func TestReadEmptyFile(t *testing.T) {
	for _, data := range []string{"", " \n"} {
		var diags scenario.Diagnostics
		assert.Empty(t, Read("e.xlsx", []byte(data), &diags))
		require.Len(t, diags, 1)
		assert.Equal(t, "e.xlsx: the file is empty: it holds no workbook; copy it again from where it came, or open the workbook in Excel or WPS and save it again as .xlsx", diags[0].String())
	}
}
