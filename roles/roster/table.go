package roster

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yishi-council/yishi/scenario"
)

// table is a roster file read into canonical columns, before its values
// are checked: the common form of CSV, XLSX and YAML.
type table struct {
	format, encoding string
	rowWord          string            // "row" or "line", for "already used on row 4"
	columns          []string          // canonical, in file order
	headers          map[string]string // canonical -> as written, on one line (see headerLabel)
	records          []record
	checkColumns     bool // whether a missing column is an error of the whole file
	headerPos        scenario.Pos
}

// record is one trainee's row.
type record struct {
	pos scenario.Pos // the row, or the line of a YAML trainee
	// row is the record's number in messages: the spreadsheet row as Excel
	// shows it, or the line of a YAML trainee.
	row   int
	cells map[string]cell
	// missing places and names a value the record leaves out: a YAML
	// trainee without a key.
	missing cell
}

// cell is one value of a row.
type cell struct {
	text  string
	list  []string // a YAML list, for avoid and together
	pos   scenario.Pos
	label string // how messages name the cell: `背景`, or `cell C5 (背景)`
	// reported counts the U+FFFD of text that stand for invalid bytes
	// already reported (see [sheet.Cell.Invalid]).
	reported int
}

func (c cell) errorf(diags *scenario.Diagnostics, format string, args ...any) {
	diags.Errorf(c.pos, "%s: %s", c.label, fmt.Sprintf(format, args...))
}

// clean trims spaces, including full-width and non-breaking ones, and
// stray byte-order marks.
func clean(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b' })
}

// grid is a sheet of cells as read from CSV or XLSX, with a function that
// places each cell.
type grid struct {
	rows  [][]string
	place func(row, col int) spot
	// ragged reports rows with a different number of cells than the header
	// (CSV); XLSX drops trailing empty cells, so it does not.
	ragged bool
}

// spot is where a cell of a grid stands.
type spot struct {
	pos scenario.Pos
	ref string // the cell's reference, such as "C5"
	row int    // the spreadsheet row, as Excel numbers it
	// reported counts the invalid bytes of the cell already reported.
	reported int
}

// headerRow finds the header: the first non-blank row among the first few
// that names at least two known columns, so that a title row such as
// "2024年协商议事培训报名表" above the header is skipped; failing that, the
// first non-blank row.
func headerRow(rows [][]string) int {
	first := -1
	for i, row := range rows {
		if blank(row) {
			continue
		}
		if first < 0 {
			first = i
		}
		if i-first >= 5 {
			break
		}
		known := 0
		for _, c := range row {
			if _, ok := headerIndex[scenario.NormalizeName(strings.Trim(clean(c), "*"))]; ok {
				known++
			}
		}
		if known >= 2 {
			return i
		}
	}
	return first
}

// cellPrefix starts a message about an XLSX cell with its reference.
func cellPrefix(ref string) string {
	if ref == "" {
		return ""
	}
	return "cell " + ref + ": "
}

func blank(row []string) bool {
	for _, c := range row {
		if clean(c) != "" {
			return false
		}
	}
	return true
}

// tableOf turns a grid into a table: it maps the header to canonical
// columns and the rows below it to records.
func tableOf(file string, g grid, diags *scenario.Diagnostics) *table {
	h := headerRow(g.rows)
	if h < 0 {
		diags.Errorf(scenario.Pos{File: file}, "file is empty; a roster has a header row naming the columns %s, then one row a trainee", strings.Join(RequiredColumns, ", "))
		return nil
	}
	t := &table{headers: map[string]string{}, checkColumns: true, headerPos: scenario.Pos{File: file, Line: g.place(h, 0).pos.Line}}
	s := readHeader(t, g, h, diags)
	for i := h + 1; i < len(g.rows); i++ {
		if rec, ok := s.record(i); ok {
			t.records = append(t.records, rec)
		}
	}
	return t
}

// sheetReader reads the rows of a grid below its header into records.
type sheetReader struct {
	t     *table
	g     grid
	diags *scenario.Diagnostics
	// width is the number of cells of the header, less trailing empty ones.
	width int
	// cols is the canonical name of each cell of the header, "" to ignore.
	cols []string
	// unnamed marks the columns that are ignored and already reported.
	unnamed map[int]bool
}

// readHeader maps the cells of header row h to canonical columns, in t,
// and reports header cells with control characters and columns named
// twice.
func readHeader(t *table, g grid, h int, diags *scenario.Diagnostics) *sheetReader {
	header := g.rows[h]
	width := len(header)
	for width > 0 && clean(header[width-1]) == "" {
		width--
	}
	s := &sheetReader{t: t, g: g, diags: diags, width: width, cols: make([]string, width), unnamed: map[int]bool{}}
	for j := range width {
		raw := clean(header[j])
		if raw == "" {
			continue
		}
		if i := strings.IndexFunc(raw, isControl); i >= 0 {
			at := g.place(h, j)
			r, _ := utf8.DecodeRuneInString(raw[i:])
			diags.Errorf(at.pos, "%scontrol character U+%04X in the header %q; remove it", cellPrefix(at.ref), r, raw)
		}
		canon := AttributeName(raw)
		if canon == "" {
			continue
		}
		if first, dup := t.headers[canon]; dup {
			at := g.place(h, j)
			diags.Errorf(at.pos, "%scolumn %q names %s again (already named by %q); remove one of them", cellPrefix(at.ref), raw, canon, first)
			s.unnamed[j] = true
			continue
		}
		s.cols[j] = canon
		t.headers[canon] = headerLabel(raw)
		t.columns = append(t.columns, canon)
	}
	return s
}

// record reads row i into a record; it returns false for a blank row and
// for a row whose cells do not line up with the header.
func (s *sheetReader) record(i int) (record, bool) {
	row := s.g.rows[i]
	if blank(row) || !s.fits(i) {
		return record{}, false
	}
	first := s.g.place(i, 0)
	rec := record{pos: first.pos, row: first.row, cells: map[string]cell{}}
	rec.pos.Col = 0
	for j := range s.width {
		// XLSX rows leave out trailing empty cells; they are empty
		// values all the same, placed where they stand.
		value := ""
		if j < len(row) {
			value = row[j]
		}
		if s.cols[j] == "" {
			if clean(value) != "" {
				s.warnUnnamed(i, j)
			}
			continue
		}
		at := s.g.place(i, j)
		label := s.t.headers[s.cols[j]]
		if at.ref != "" {
			label = fmt.Sprintf("cell %s (%s)", at.ref, label)
		}
		rec.cells[s.cols[j]] = cell{text: clean(value), pos: at.pos, label: label, reported: at.reported}
	}
	return rec, true
}

// fits reports whether row i has as many cells as the header. A CSV row
// with fewer cells, or with values beyond the header, is reported and
// left out: a separator is missing or one too many. XLSX leaves out
// trailing empty cells, so a short row is fine there, and a value beyond
// the header is in a column without one, which is ignored.
func (s *sheetReader) fits(i int) bool {
	row := s.g.rows[i]
	if s.g.ragged && len(row) < s.width {
		first := s.g.place(i, 0)
		pos := first.pos
		pos.Col = 0
		s.diags.Errorf(pos, "row %d has %d cells but the header has %d; is a separator missing?", first.row, len(row), s.width)
		return false
	}
	extra := slices.IndexFunc(row[min(s.width, len(row)):], func(c string) bool { return clean(c) != "" })
	if extra < 0 {
		return true
	}
	j := s.width + extra
	if s.g.ragged {
		at := s.g.place(i, j)
		s.diags.Errorf(at.pos, "%srow has %d cells but the header has %d; is a value with a separator in it missing its quotes?", cellPrefix(at.ref), len(row), s.width)
		return false
	}
	s.warnUnnamed(i, j)
	return true
}

// warnUnnamed warns, once a column, that the values of column j, found
// in row i, have no header.
func (s *sheetReader) warnUnnamed(i, j int) {
	if s.unnamed[j] {
		return
	}
	s.unnamed[j] = true
	at := s.g.place(i, j)
	s.diags.Warnf(at.pos, "%sthis column has no header; its values are ignored", cellPrefix(at.ref))
}

// headerLabel is a header as messages name it: on one line, its line
// breaks and runs of spaces made one space, and quoted when it holds a
// character that a terminal would act on rather than print.
func headerLabel(raw string) string {
	label := strings.Join(strings.Fields(raw), " ")
	if strings.IndexFunc(label, func(r rune) bool { return isControl(r) || scenario.IsBidi(r) }) >= 0 {
		return strconv.Quote(label)
	}
	return label
}
