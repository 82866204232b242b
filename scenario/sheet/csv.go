package sheet

import (
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/yishi-council/yishi/scenario"
)

// Table is a CSV file, or one sheet of a workbook, read into rows of
// placed cells.
type Table struct {
	// Sheet is the name of the workbook's sheet the table was read from,
	// "" for a CSV file.
	Sheet string
	// Hidden reports whether the sheet is hidden in its workbook (hidden
	// or very hidden in Excel); false for a CSV file.
	Hidden bool
	// Active reports whether the sheet is the one the workbook opens on;
	// false for a CSV file.
	Active bool
	// Encoding is the encoding the file was in, as [DecodeText] names it;
	// "" for a workbook's sheet.
	Encoding string
	// Rows are the file's rows in order, blank rows left out.
	Rows []Row
	// Invalid are the bytes that are not UTF-8 in an otherwise UTF-8 file,
	// in file order; [Table.ReportInvalidBytes] reports them.
	Invalid []InvalidByte
	// invalidIn is the cell that holds each of Invalid, nil for a byte in
	// no cell (in a row left out for its quotes).
	invalidIn []*Cell
}

// Row is one row of a sheet.
type Row struct {
	// Number is the row's number as a spreadsheet shows it, 1-based: a
	// quoted value that spans several lines keeps its row one row, so
	// Number can be less than the text line.
	Number int
	// Pos is the row's first line in the file.
	Pos   scenario.Pos
	Cells []Cell
}

// Cell is one value of a sheet, with where it stands.
type Cell struct {
	Text string
	// Pos is the cell's file:line:col, its column counted in characters.
	Pos scenario.Pos
	// Row is the spreadsheet row (1-based), Col the 0-based column
	// (0 is A).
	Row, Col int
	// Invalid counts the U+FFFD in Text that [Table.ReportUnreadable] has
	// reported: bytes that were not UTF-8, and characters a decoding lost.
	// Before that call it counts the bytes alone.
	Invalid int
}

// Ref is the cell's spreadsheet reference, such as "G3".
func (c Cell) Ref() string { return ColumnName(c.Col) + strconv.Itoa(c.Row) }

// Where names the cell as a person sees it in a spreadsheet: "row 3,
// column G (rhythm)" when header is given, else "row 3, column G".
func Where(row, col int, header string) scenario.Message {
	if header != "" {
		return scenario.Msg("row %d, column %s (%s)", row, ColumnName(col), header)
	}
	return scenario.Msg("row %d, column %s", row, ColumnName(col))
}

// Where names a cell of the table as a person finds it: [Where] in a CSV
// file, and with the sheet's name first in a workbook: "sheet "Round 1",
// row 3, column G (rhythm)".
func (t *Table) Where(row, col int, header string) scenario.Message {
	switch {
	case t.Sheet == "":
		return Where(row, col, header)
	case header != "":
		return scenario.Msg("sheet %q, row %d, column %s (%s)", t.Sheet, row, ColumnName(col), header)
	}
	return scenario.Msg("sheet %q, row %d, column %s", t.Sheet, row, ColumnName(col))
}

// RowAt names a whole row of the table: "row 3", or "sheet "Round 1", row
// 3" in a workbook.
func (t *Table) RowAt(row int) scenario.Message {
	if t.Sheet == "" {
		return scenario.Msg("row %d", row)
	}
	return scenario.Msg("sheet %q, row %d", t.Sheet, row)
}

// Text returns the text of cell j of the row, or "" when the row is
// shorter.
func (r Row) Text(j int) string {
	if j < 0 || j >= len(r.Cells) {
		return ""
	}
	return r.Cells[j].Text
}

// Blank reports whether every cell of the row is empty or white space.
func (r Row) Blank() bool {
	for _, c := range r.Cells {
		if strings.TrimSpace(c.Text) != "" {
			return false
		}
	}
	return true
}

// Options changes how a CSV file is read.
type Options struct {
	// TSV forces a tab as the separator; otherwise [delimiter] picks it.
	TSV bool
}

// ReadCSV decodes a CSV file with [DecodeText] and splits it into rows, on
// the separator [delimiter] picks. Values whose quotes do not close are
// reported in diags at file:line:col, columns counted in characters, never
// bytes. A row with a quoting error is left out and reading goes on with the
// next one; it still counts as one row, so the rows after it keep the
// numbers Excel gives them.
//
// Bytes that are not UTF-8 in an otherwise UTF-8 file are not reported
// here, since only the caller knows how to name a cell (with its header):
// call [Table.ReportInvalidBytes]. A U+FFFD in a cell beyond [Cell.Invalid]
// is none of those bytes: a caller that keeps the text (a roster's names)
// should refuse it.
func ReadCSV(file string, data []byte, opts Options, diags *scenario.Diagnostics) *Table {
	text, encoding, bad := DecodeText(data)
	lines := strings.Split(text, "\n")
	cols := &columns{lines: lines}
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	r.Comma = delimiter(lines, opts.TSV)

	t := &Table{Encoding: encoding}
	var all []Row // every row read, blank ones too, to place the invalid bytes
	inner := 0    // line breaks inside quoted values so far: lines that are not rows
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				diags.Errorf(scenario.Pos{File: file}, "reading CSV: %v", err)
				break
			}
			diags.Errorf(scenario.Pos{File: file, Line: pe.Line, Col: cols.at(pe.Line, pe.Column)}, "CSV: %s", csvMessage(pe.Err))
			// The bad record is one row however many lines it spans.
			inner += pe.Line - pe.StartLine
			continue
		}
		row := placeRow(file, cols, r, rec, inner)
		for _, v := range rec {
			inner += strings.Count(v, "\n")
		}
		all = append(all, row)
		if !row.Blank() {
			t.Rows = append(t.Rows, row)
		}
	}
	t.Invalid, t.invalidIn = bad, cellsOf(bad, all)
	return t
}

// ReportUnreadable reports what of the file could not be read, so that no
// U+FFFD reaches a plan or a report silently: each byte of [Table.Invalid],
// up to [maxInvalidBytes] and then one that counts the rest, at its
// file:line:col; and each cell holding a U+FFFD that is not one of those
// bytes (a character the file's encoding lost, see [Lost]). Cells are
// named by name (nil: "cell B3"). Afterwards [Cell.Invalid] counts every
// U+FFFD of its cell.
func (t *Table) ReportUnreadable(file string, name func(Cell) scenario.Message, diags *scenario.Diagnostics) {
	if name == nil {
		name = func(c Cell) scenario.Message { return scenario.Msg("cell %s", c.Ref()) }
	}
	refs := make([]scenario.Message, len(t.Invalid))
	for i, c := range t.invalidIn {
		if c != nil {
			refs[i] = name(*c)
		}
	}
	reportInvalidBytes(file, t.Invalid, refs, diags)
	for _, row := range t.Rows {
		for j := range row.Cells {
			c := &row.Cells[j]
			if msg, lost := Lost(c.Text, c.Invalid, t.Encoding); lost {
				diags.Errorf(c.Pos, "%s: %q %s", name(*c), c.Text, msg)
				c.Invalid = strings.Count(c.Text, "\uFFFD")
			}
		}
	}
}

// Lost explains a U+FFFD in text beyond the reported ones, read from a
// file in encoding (as [DecodeText] names it); ok is false when there is
// none. Readers call it on every value they keep.
func Lost(text string, reported int, encoding string) (m scenario.Message, ok bool) {
	if strings.Count(text, "\uFFFD") <= reported {
		return scenario.Message{}, false
	}
	switch encoding {
	case "gb18030", "windows-1252":
		return scenario.Msg("holds U+FFFD (\uFFFD), a character that could not be read as %s: the file's encoding could not be read; %s", encoding, SaveAsUTF8), true
	}
	return scenario.Msg("holds U+FFFD (\uFFFD), a character lost to a wrong encoding before the file was saved; retype the value, or go back to the original and %s", SaveAsUTF8), true
}

// placeRow makes the row of a record that r has just read: each cell at
// its line and character column, and at its spreadsheet row, which is
// its first line less the line breaks inside earlier values.
func placeRow(file string, cols *columns, r *csv.Reader, rec []string, inner int) Row {
	line, _ := r.FieldPos(0)
	row := Row{Number: line - inner, Pos: scenario.Pos{File: file, Line: line}, Cells: make([]Cell, len(rec))}
	for j, v := range rec {
		l, c := r.FieldPos(j)
		row.Cells[j] = Cell{Text: v, Pos: scenario.Pos{File: file, Line: l, Col: cols.at(l, c)}, Row: row.Number, Col: j}
	}
	return row
}

// columns turns the 1-based byte columns of the lines of a text into
// columns in characters. It counts on from the column it was last asked
// for when that was on the same line and not further on, so the fields
// of a long line cost one pass over it rather than one each.
type columns struct {
	lines            []string
	line, byteCol, n int // the last column asked for: n is its column in characters
}

func (c *columns) at(line, byteCol int) int {
	if line < 1 || line > len(c.lines) || byteCol < 1 {
		return byteCol
	}
	l := c.lines[line-1]
	byteCol = min(byteCol, len(l)+1)
	if line != c.line || byteCol < c.byteCol {
		c.line, c.byteCol, c.n = line, 1, 1
	}
	c.n += utf8.RuneCountInString(l[c.byteCol-1 : byteCol-1])
	c.byteCol = byteCol
	return c.n
}

// cellsOf finds the cell that holds each invalid byte, counting it in
// [Cell.Invalid], and returns the cells, nil for a byte in no cell (in a
// row with a quoting error). bad, rows and each row's cells
// are in file order, so one pass over each finds them all.
func cellsOf(bad []InvalidByte, rows []Row) []*Cell {
	refs := make([]*Cell, len(bad))
	i, j := 0, 0 // the row and the cell that may hold the next byte
	before := func(c Cell, b InvalidByte) bool {
		return c.Pos.Line < b.Line || c.Pos.Line == b.Line && c.Pos.Col <= b.Col
	}
	for k, b := range bad {
		for i < len(rows) && lastLine(rows[i]) < b.Line {
			i, j = i+1, 0
		}
		if i == len(rows) {
			break
		}
		cells := rows[i].Cells
		for j+1 < len(cells) && before(cells[j+1], b) {
			j++
		}
		if j < len(cells) && before(cells[j], b) {
			cells[j].Invalid++
			refs[k] = &cells[j]
		}
	}
	return refs
}

// lastLine is the last line of the file that row spans.
func lastLine(row Row) int {
	if len(row.Cells) == 0 {
		return row.Pos.Line
	}
	last := row.Cells[len(row.Cells)-1]
	return last.Pos.Line + strings.Count(last.Text, "\n")
}

// ColumnName is the spreadsheet name of the 0-based column i: A, B, …, Z,
// AA, AB, ….
func ColumnName(i int) string {
	name := ""
	for i++; i > 0; i = (i - 1) / 26 {
		name = string(rune('A'+(i-1)%26)) + name
	}
	return name
}

// NumberText is a cell's text read as a number is read: full-width
// digits, signs, points and spaces, as a Chinese input method types them
// (４, ３．５, "　４　"), become their ASCII forms, and space around the
// value is trimmed. Other text is left as it is, so that "５分" is still
// not a number.
func NumberText(s string) string {
	return strings.TrimSpace(width.Fold.String(s))
}
