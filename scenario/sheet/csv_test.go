package sheet

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/scenario"
)

// placed is a cell as the tests compare it: its text, file:line:col and
// spreadsheet reference.
type placed struct {
	Text, Pos, Ref string
}

func placedCells(t *Table) [][]placed {
	var out [][]placed
	for _, r := range t.Rows {
		var row []placed
		for _, c := range r.Cells {
			row = append(row, placed{c.Text, c.Pos.String(), c.Ref()})
		}
		out = append(out, row)
	}
	return out
}

func rowNumbers(t *Table) (numbers, lines []int) {
	for _, r := range t.Rows {
		numbers = append(numbers, r.Number)
		lines = append(lines, r.Pos.Line)
	}
	return numbers, lines
}

func diagStrings(diags scenario.Diagnostics) []string {
	var out []string
	for _, d := range diags {
		out = append(out, d.String())
	}
	return out
}

func TestReadCSV(t *testing.T) {
	tests := []struct {
		name     string
		data     []byte
		opts     Options
		cells    [][]placed
		numbers  []int // Row.Number, as Excel numbers the rows
		lines    []int // Row.Pos.Line, the row's first line in the file
		encoding string
		diags    []string
	}{
		{
			name: "columns count characters, not bytes",
			data: []byte("编号,姓名,社区\nT01,王淑芬,石庄社区\n"),
			cells: [][]placed{
				{{"编号", "f.csv:1:1", "A1"}, {"姓名", "f.csv:1:4", "B1"}, {"社区", "f.csv:1:7", "C1"}},
				{{"T01", "f.csv:2:1", "A2"}, {"王淑芬", "f.csv:2:5", "B2"}, {"石庄社区", "f.csv:2:9", "C2"}},
			},
			numbers: []int{1, 2}, lines: []int{1, 2}, encoding: "utf-8",
		},
		{
			name:    "blank rows are left out but keep their numbers",
			data:    []byte("a,b\r\n\r\n,\r\n  , \r\nc,d\r\n"),
			cells:   [][]placed{{{"a", "f.csv:1:1", "A1"}, {"b", "f.csv:1:3", "B1"}}, {{"c", "f.csv:5:1", "A5"}, {"d", "f.csv:5:3", "B5"}}},
			numbers: []int{1, 5}, lines: []int{1, 5}, encoding: "utf-8",
		},
		{
			name: "a value with line breaks is one row, as Excel shows it",
			data: []byte("编号,备注\r\nT01,\"第一行\r\n第二行\r\n第三行\"\r\nT02,好\r\n\r\nT03,\"x\ny\"\r\nT04,z\r\n"),
			cells: [][]placed{
				{{"编号", "f.csv:1:1", "A1"}, {"备注", "f.csv:1:4", "B1"}},
				{{"T01", "f.csv:2:1", "A2"}, {"第一行\n第二行\n第三行", "f.csv:2:5", "B2"}},
				{{"T02", "f.csv:5:1", "A3"}, {"好", "f.csv:5:5", "B3"}},
				{{"T03", "f.csv:7:1", "A5"}, {"x\ny", "f.csv:7:5", "B5"}},
				{{"T04", "f.csv:9:1", "A6"}, {"z", "f.csv:9:5", "B6"}},
			},
			numbers: []int{1, 2, 3, 5, 6}, lines: []int{1, 2, 5, 7, 9}, encoding: "utf-8",
		},
		{
			name: "a stray quote is reported at its character column and the next row is read",
			data: []byte("姓名,备注\n王淑芬,说\"好\"\n张磊,好\n"),
			cells: [][]placed{
				{{"姓名", "f.csv:1:1", "A1"}, {"备注", "f.csv:1:4", "B1"}},
				{{"张磊", "f.csv:3:1", "A3"}, {"好", "f.csv:3:4", "B3"}},
			},
			numbers: []int{1, 3}, lines: []int{1, 3}, encoding: "utf-8",
			diags: []string{`f.csv:2:6: CSV: a " appears inside a value that does not start with one; put the whole value in quotes and double the inner quote ("")`},
		},
		{
			name: "text after a closing quote",
			data: []byte("姓名,备注\n王淑芬,\"好\"吗\n张磊,好\n"),
			cells: [][]placed{
				{{"姓名", "f.csv:1:1", "A1"}, {"备注", "f.csv:1:4", "B1"}},
				{{"张磊", "f.csv:3:1", "A3"}, {"好", "f.csv:3:4", "B3"}},
			},
			numbers: []int{1, 3}, lines: []int{1, 3}, encoding: "utf-8",
			diags: []string{`f.csv:2:7: CSV: a quoted value is not closed, or its closing " is followed by more text; double a " inside a value ("")`},
		},
		{
			name: "a bad row spanning lines counts as one row",
			data: []byte("a,b\n1,\"x\ny\"z\n2,w\n"),
			cells: [][]placed{
				{{"a", "f.csv:1:1", "A1"}, {"b", "f.csv:1:3", "B1"}},
				{{"2", "f.csv:4:1", "A3"}, {"w", "f.csv:4:3", "B3"}},
			},
			numbers: []int{1, 3}, lines: []int{1, 4}, encoding: "utf-8",
			diags: []string{`f.csv:3:2: CSV: a quoted value is not closed, or its closing " is followed by more text; double a " inside a value ("")`},
		},
		{
			name:    "tab-separated, forced",
			data:    []byte("姓名\t备注\n王淑芬\t有,逗号\n"),
			opts:    Options{TSV: true},
			cells:   [][]placed{{{"姓名", "f.csv:1:1", "A1"}, {"备注", "f.csv:1:4", "B1"}}, {{"王淑芬", "f.csv:2:1", "A2"}, {"有,逗号", "f.csv:2:5", "B2"}}},
			numbers: []int{1, 2}, lines: []int{1, 2}, encoding: "utf-8",
		},
		{
			name:    "tab-separated, detected",
			data:    []byte("姓名\t备注\n王淑芬\t好\n"),
			cells:   [][]placed{{{"姓名", "f.csv:1:1", "A1"}, {"备注", "f.csv:1:4", "B1"}}, {{"王淑芬", "f.csv:2:1", "A2"}, {"好", "f.csv:2:5", "B2"}}},
			numbers: []int{1, 2}, lines: []int{1, 2}, encoding: "utf-8",
		},
		{
			name:    "semicolons, as Excel writes them where the decimal mark is a comma",
			data:    []byte("Name;Score\r\nRenée;3,5\r\n"),
			cells:   [][]placed{{{"Name", "f.csv:1:1", "A1"}, {"Score", "f.csv:1:6", "B1"}}, {{"Renée", "f.csv:2:1", "A2"}, {"3,5", "f.csv:2:7", "B2"}}},
			numbers: []int{1, 2}, lines: []int{1, 2}, encoding: "utf-8",
		},
		{
			name:    "a BOM is not a character of the first column",
			data:    []byte("\xef\xbb\xbf姓名,备注\n王淑芬,好\n"),
			cells:   [][]placed{{{"姓名", "f.csv:1:1", "A1"}, {"备注", "f.csv:1:4", "B1"}}, {{"王淑芬", "f.csv:2:1", "A2"}, {"好", "f.csv:2:5", "B2"}}},
			numbers: []int{1, 2}, lines: []int{1, 2}, encoding: "utf-8 with BOM",
		},
		{
			name:    "GB18030 columns count decoded characters",
			data:    gb18030(t, "姓名,社区\r\n王淑芬,石庄社区\r\n"),
			cells:   [][]placed{{{"姓名", "f.csv:1:1", "A1"}, {"社区", "f.csv:1:4", "B1"}}, {{"王淑芬", "f.csv:2:1", "A2"}, {"石庄社区", "f.csv:2:5", "B2"}}},
			numbers: []int{1, 2}, lines: []int{1, 2}, encoding: "gb18030",
		},
		{
			name: "an invalid byte is reported at its character and its cell",
			data: []byte("编号,姓名,社区\nT01,Ren\xe9e,东坝村\n"),
			cells: [][]placed{
				{{"编号", "f.csv:1:1", "A1"}, {"姓名", "f.csv:1:4", "B1"}, {"社区", "f.csv:1:7", "C1"}},
				{{"T01", "f.csv:2:1", "A2"}, {"Ren\uFFFDe", "f.csv:2:5", "B2"}, {"东坝村", "f.csv:2:11", "C2"}},
			},
			numbers: []int{1, 2}, lines: []int{1, 2}, encoding: "utf-8",
			diags: []string{`f.csv:2:8: cell B2: invalid UTF-8 byte 0xE9; save the file as UTF-8 (in Excel: File → Save As → CSV UTF-8; 文件 → 另存为 → CSV UTF-8)`},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var diags scenario.Diagnostics
			tab := ReadCSV("f.csv", tc.data, tc.opts, &diags)
			tab.ReportUnreadable("f.csv", nil, &diags)
			require.NotNil(t, tab)
			assert.Equal(t, tc.encoding, tab.Encoding)
			assert.Equal(t, tc.cells, placedCells(tab))
			numbers, lines := rowNumbers(tab)
			assert.Equal(t, tc.numbers, numbers, "row numbers")
			assert.Equal(t, tc.lines, lines, "row lines")
			for _, r := range tab.Rows {
				for j, c := range r.Cells {
					assert.Equal(t, r.Number, c.Row, "cell %s", c.Ref())
					assert.Equal(t, j, c.Col, "cell %s", c.Ref())
				}
			}
			assert.Equal(t, tc.diags, diagStrings(diags))
		})
	}
}

// TestReadCSVInvalidBytesInCells checks that each cell counts the invalid
// bytes already reported in it, so that a caller can tell them from a
// U+FFFD that was in the text, and that the cap on messages holds.
func TestReadCSVInvalidBytesInCells(t *testing.T) {
	data := []byte("编号,姓名,备注\n")
	for range 12 {
		data = append(data, "T01,王\xe9\xe9,\"第一行石庄社区东坝村\n第\xe9行议事班成员居民代表\"\n"...)
	}
	data = append(data, "T02,\uFFFD,好\n"...)
	var diags scenario.Diagnostics
	tab := ReadCSV("f.csv", data, Options{}, &diags)
	assert.Equal(t, "utf-8", tab.Encoding)
	require.Len(t, tab.Rows, 14)
	assert.Equal(t, 0, tab.Rows[13].Cells[1].Invalid, "a U+FFFD in UTF-8 text is not an invalid byte")
	assert.Empty(t, diags, "reading reports nothing; the caller reports with its names")
	tab.ReportUnreadable("f.csv", nil, &diags)
	for _, r := range tab.Rows[1:13] {
		assert.Equal(t, 0, r.Cells[0].Invalid)
		assert.Equal(t, 2, r.Cells[1].Invalid, "row %d", r.Number)
		assert.Equal(t, 1, r.Cells[2].Invalid, "row %d", r.Number)
	}
	assert.Equal(t, 1, tab.Rows[13].Cells[1].Invalid, "the U+FFFD that was in the text is reported too")
	got := diagStrings(diags)
	require.Len(t, got, maxInvalidBytes+2)
	assert.Equal(t, "f.csv:26:5: cell B14: \"\uFFFD\" holds U+FFFD (\uFFFD), a character lost to a wrong encoding before the file was saved; retype the value, or go back to the original and save the file as UTF-8 (in Excel: File → Save As → CSV UTF-8; 文件 → 另存为 → CSV UTF-8)", got[maxInvalidBytes+1])
	assert.Equal(t, `f.csv:2:6: cell B2: invalid UTF-8 byte 0xE9; save the file as UTF-8 (in Excel: File → Save As → CSV UTF-8; 文件 → 另存为 → CSV UTF-8)`, got[0])
	assert.Equal(t, `f.csv:3:2: cell C2: invalid UTF-8 byte 0xE9; save the file as UTF-8 (in Excel: File → Save As → CSV UTF-8; 文件 → 另存为 → CSV UTF-8)`, got[2])
	assert.Equal(t, `f.csv:14:7: cell B8: invalid UTF-8 byte 0xE9; save the file as UTF-8 (in Excel: File → Save As → CSV UTF-8; 文件 → 另存为 → CSV UTF-8)`, got[maxInvalidBytes-1])
	assert.Equal(t, `f.csv:15:2: cell C8: and 16 more invalid UTF-8 bytes; save the file as UTF-8 (in Excel: File → Save As → CSV UTF-8; 文件 → 另存为 → CSV UTF-8)`, got[maxInvalidBytes])
}

func TestWhere(t *testing.T) {
	assert.Equal(t, "row 3, column G (rhythm)", Where(3, 6, "rhythm").String())
	assert.Equal(t, "row 12, column AB", Where(12, 27, "").String())
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA"} {
		assert.Equal(t, want, ColumnName(i))
	}
}

// TestReadCSVLongLine reads a file as large as yishi reads, on one line of
// many cells each with an invalid byte: placing the cells and the bytes
// must take one pass over the line, not one per cell.
func TestReadCSVLongLine(t *testing.T) {
	const cell = "王王王王\xe9,"
	n := scenario.MaxFileSize / len(cell)
	data := []byte(strings.Repeat(cell, n))
	var diags scenario.Diagnostics
	tab := ReadCSV("f.csv", data, Options{}, &diags)
	tab.ReportUnreadable("f.csv", nil, &diags)
	require.Len(t, tab.Rows, 1)
	cells := tab.Rows[0].Cells
	require.Len(t, cells, n+1)
	last := cells[n-1]
	assert.Equal(t, 6*(n-1)+1, last.Pos.Col, "columns count characters")
	assert.Equal(t, 1, last.Invalid)
	assert.Equal(t, "f.csv:1:5: cell A1: invalid UTF-8 byte 0xE9; save the file as UTF-8 (in Excel: File → Save As → CSV UTF-8; 文件 → 另存为 → CSV UTF-8)", diags[0].String())
}

// BenchmarkReadCSVLongLine measures the one-pass column count on a 4 MiB
// line of Chinese cells, each with a stray byte (it once took minutes).
func BenchmarkReadCSVLongLine(b *testing.B) {
	const cell = "王王王王\xe9,"
	data := []byte(strings.Repeat(cell, scenario.MaxFileSize/len(cell)))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		var diags scenario.Diagnostics
		tab := ReadCSV("f.csv", data, Options{}, &diags)
		tab.ReportUnreadable("f.csv", nil, &diags)
	}
}
