package roster

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet"
)

// table is a roster file read into canonical columns, before its values
// are checked: the common form of CSV, XLSX and YAML.
type table struct {
	format, encoding string
	lines            bool              // records are numbered by line (YAML), not by row
	columns          []string          // canonical, in file order
	headers          map[string]string // canonical -> as written, on one line (see headerLabel)
	records          []record
	checkColumns     bool // whether a missing column is an error of the whole file
	headerPos        scenario.Pos
	// sheet names the XLSX sheet read, in messages about the whole table,
	// when the workbook has several; "" otherwise.
	sheet string
}

// tableMsg is a message about the whole table, naming its sheet when the
// workbook has several.
func (t *table) tableMsg(m scenario.Message) scenario.Message {
	return inSheet(t.sheet, m)
}

func inSheet(sheet string, m scenario.Message) scenario.Message {
	if sheet == "" {
		return m
	}
	return scenario.Msg("sheet %q: %s", sheet, m)
}

// rowRef names record number n as messages do: "row 4", or "line 4" in
// a YAML file.
func (t *table) rowRef(n int) scenario.Message {
	if t.lines {
		return scenario.Msg("line %d", n)
	}
	return scenario.Msg("row %d", n)
}

// placeRow names record number n with the sheet it is on, when the
// workbook has several: "sheet "报名表", row 4", "row 4", "line 4".
func (t *table) placeRow(n int) scenario.Message {
	if t.sheet != "" {
		return scenario.Msg("sheet %q, row %d", t.sheet, n)
	}
	return t.rowRef(n)
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
	text string
	list []string // a YAML list, for avoid and together
	pos  scenario.Pos
	// where names the cell in messages: "row 5, column D (背景)" in a
	// sheet, the key in a YAML file.
	where scenario.Message
	// who names the trainee of the cell's row in messages, by name or
	// else id, when the row gives one.
	who string
	// reported counts the U+FFFD of text that stand for invalid bytes
	// already reported (see [sheet.Cell.Invalid]).
	reported int
}

// Errorf reports a problem with the cell, named by its place and its
// trainee: "row 5, column D (身份), trainee 王淑芬: ...".
func (c cell) Errorf(diags *scenario.Diagnostics, format string, args ...any) {
	diags.Add(c.pos, scenario.SeverityError, c.message(scenario.Msg(format, args...)))
}

// Warnf is [cell.Errorf] for a warning.
func (c cell) Warnf(diags *scenario.Diagnostics, format string, args ...any) {
	diags.Add(c.pos, scenario.SeverityWarning, c.message(scenario.Msg(format, args...)))
}

func (c cell) message(m scenario.Message) scenario.Message {
	if c.who != "" {
		return scenario.Msg("%s, trainee %s: %s", c.where, c.who, m)
	}
	// Indexed, so that the catalogue tells this place-then-problem apart
	// from the position of a line ("file:3:1: ...") and gives it the
	// reader's colon.
	return scenario.Msg("%[1]s: %[2]s", c.where, m)
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
	// sheet names the XLSX sheet read, in messages, when the workbook has
	// several; "" otherwise.
	sheet string
}

// spot is where a cell of a grid stands.
type spot struct {
	pos scenario.Pos
	row int // the spreadsheet row, as Excel numbers it
	col int // the column, 0 for A
	// reported counts the invalid bytes of the cell already reported.
	reported int
}

// where names cell (i, j) of the grid as a person finds it in a
// spreadsheet, with its column's header when there is one: "row 5, column
// D (身份)", and the sheet when the workbook has several.
func (g grid) where(i, j int, header string) scenario.Message {
	at := g.place(i, j)
	w := sheet.Where(at.row, at.col, header)
	if g.sheet != "" {
		return scenario.Msg("sheet %q, %s", g.sheet, w)
	}
	return w
}

// whereRow names row i of the grid: "row 5", and the sheet when the
// workbook has several.
func (g grid) whereRow(i int) scenario.Message {
	at := g.place(i, 0)
	if g.sheet != "" {
		return scenario.Msg("sheet %q, row %d", g.sheet, at.row)
	}
	return scenario.Msg("row %d", at.row)
}

// headerSearchRows is how many non-blank rows from the top may hold the
// header, so that title rows above it are passed over.
const headerSearchRows = 6

// headerRow finds the header: the first non-blank row among the first few
// that names at least two known columns, so that a title row such as
// "2024年协商议事培训报名表" (in a spreadsheet often merged over the
// table's width) above the header is skipped. A cell that ends with a
// colon is a form's label, with its value beside it ("单位：", "联系电话："),
// not a column's header, and does not count. It returns -1 when the grid
// is blank, and found is false when no row names two known columns.
func headerRow(rows [][]string) (h int, found bool) {
	first, seen := -1, 0
	for i, row := range rows {
		if blank(row) {
			continue
		}
		if first < 0 {
			first = i
		}
		if seen++; seen > headerSearchRows {
			break
		}
		known := 0
		for _, c := range row {
			c = clean(c)
			if strings.HasSuffix(c, ":") || strings.HasSuffix(c, "：") {
				continue
			}
			if _, ok := knownColumn(c); ok {
				known++
			}
		}
		if known >= 2 {
			return i, true
		}
	}
	return first, false
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
// columns and the rows below it to records, leaving out the rows that are
// notes (see [sheetReader.note]).
func tableOf(file string, g grid, diags *scenario.Diagnostics) *table {
	h, found := headerRow(g.rows)
	if h < 0 {
		diags.Add(scenario.Pos{File: file}, scenario.SeverityError, inSheet(g.sheet, scenario.Msg("file is empty; a roster has a header row naming the columns %s, then one row a trainee", strings.Join(RequiredColumns, ", "))))
		return nil
	}
	if !found && !namesAnyColumn(g.rows[h]) {
		pos := g.place(h, 0).pos
		pos.Col = 0
		diags.Add(pos, scenario.SeverityError, inSheet(g.sheet, scenario.Msg("cannot find the header row: none of the first %d rows names the roster's columns, such as %s; put a header row (序号, 姓名, 所在社区, 身份) above the trainees", headerSearchRows, strings.Join(RequiredColumns, ", "))))
		return nil
	}
	t := &table{headers: map[string]string{}, checkColumns: true, headerPos: scenario.Pos{File: file, Line: g.place(h, 0).pos.Line}, sheet: g.sheet}
	s := readHeader(t, g, h, diags)
	s.lastFull = h
	for i := h + 1; i < len(g.rows); i++ {
		if filled, _ := filledCells(g.rows[i]); filled >= 2 {
			s.lastFull = i
		}
	}
	for i := h + 1; i < len(g.rows); i++ {
		if s.packed(i) || s.note(i) {
			continue
		}
		if rec, ok := s.record(i); ok {
			t.records = append(t.records, rec)
		}
	}
	return t
}

// namesAnyColumn reports whether a header row names at least one column
// yishi knows, or one that looks like a typo of one, so that its missing
// columns are worth explaining one by one.
func namesAnyColumn(row []string) bool {
	var names []string
	for _, list := range headerNames {
		names = append(names, list...)
	}
	for _, c := range row {
		c = clean(c)
		if _, ok := knownColumn(c); ok {
			return true
		}
		if c != "" && suggest(c, names) != "" {
			return true
		}
	}
	return false
}

// sheetReader reads the rows of a grid below its header into records.
type sheetReader struct {
	t     *table
	g     grid
	diags *scenario.Diagnostics
	// width is the number of cells of the header, less trailing empty ones;
	// first is its first non-empty cell.
	width, first int
	// cols is the canonical name of each cell of the header, "" to ignore.
	cols []string
	// unnamed marks the columns that are ignored and already reported.
	unnamed map[int]bool
	// lastFull is the last row with two filled cells or more: a trainee,
	// or at least part of one.
	lastFull int
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
	s := &sheetReader{t: t, g: g, diags: diags, width: width, first: -1, cols: make([]string, width), unnamed: map[int]bool{}}
	for j := range width {
		raw := clean(header[j])
		if raw == "" {
			continue
		}
		if s.first < 0 {
			s.first = j
		}
		if i := strings.IndexFunc(raw, isControl); i >= 0 {
			r, _ := utf8.DecodeRuneInString(raw[i:])
			diags.Errorf(g.place(h, j).pos, "%s: control character U+%04X in the header %q; remove it", g.where(h, j, ""), r, brief(raw))
		}
		canon := AttributeName(raw)
		if canon == "" {
			continue
		}
		if first, dup := t.headers[canon]; dup {
			switch {
			case canon == ColumnID && isSerial(raw):
				// A serial number (序号) beside an id column is only the
				// sheet's row count.
				s.unnamed[j] = true
				continue
			case canon == ColumnID && isSerial(first):
				// The id column comes after the serial numbers: it is
				// the id, and the serial numbers are left alone.
				k := slices.Index(s.cols, ColumnID)
				s.cols[k] = ""
				s.unnamed[k] = true
				s.cols[j] = canon
				t.headers[canon] = headerLabel(raw)
				continue
			}
			diags.Errorf(g.place(h, j).pos, "%s: column %q names %s again (already named by %q); remove one of them", g.where(h, j, ""), brief(raw), canon, brief(first))
			s.unnamed[j] = true
			continue
		}
		s.cols[j] = canon
		t.headers[canon] = headerLabel(raw)
		t.columns = append(t.columns, canon)
	}
	return s
}

// isSerial reports whether a header names a serial number (序号), which
// serves as the id when the sheet has no other.
func isSerial(header string) bool {
	switch scenario.NormalizeName(trimHeader(stripNotes(header))) {
	case "序号", "no", "no.":
		return true
	}
	return false
}

// noteMarkers start the text of a row that is a note under the table,
// such as "注：请于3月1日前报送".
var noteMarkers = []string{"填表说明", "备注", "说明", "注", "notes", "note", "nb"}

// noteLength is the least number of characters of a note that is the only
// cell of its row, in the table's first column: longer than any id, name
// or community, which a trainee's row would hold there.
const noteLength = 12

// note reports whether row i is a note rather than a trainee, and warns
// that it is skipped. A note's first filled cell starts with a marker
// such as 注 or 备注 (see [noteMarkers]), followed by a colon, a space or
// the note itself; or, below the last row with two filled cells, it is
// the row's only filled cell, in the table's first column, and long
// text. A row with only a name, or only an id, is an incomplete trainee,
// not a note, and reported as one; so is a long value alone above
// other trainees, such as an English name. A marked note is a note
// wherever it stands below the header. The warning quotes the start of
// the note, and no value of a column of personal data.
func (s *sheetReader) note(i int) bool {
	row := s.g.rows[i]
	filled, firstCol := filledCells(row)
	if filled == 0 {
		return false
	}
	text := clean(row[firstCol])
	isNote := startsWithMarker(text) ||
		filled == 1 && i > s.lastFull && firstCol <= max(s.first, 0) && utf8.RuneCountInString(text) >= noteLength
	if !isNote {
		return false
	}
	pos := s.g.place(i, firstCol).pos
	if firstCol < len(s.cols) && isPersonal(s.cols[firstCol]) {
		s.diags.Warnf(pos, "%s looks like a note, not a trainee; the row is skipped", s.g.whereRow(i))
	} else {
		s.diags.Warnf(pos, "%s: %q looks like a note, not a trainee; the row is skipped", s.g.whereRow(i), brief(text))
	}
	return true
}

// isPersonal reports whether col holds personal data that messages do
// not quote.
func isPersonal(col string) bool {
	return col == ColumnPhone || col == ColumnIDCard
}

// filledCells returns how many cells of row are not blank, and the first
// of them (-1 when none is).
func filledCells(row []string) (filled, first int) {
	first = -1
	for j, c := range row {
		if clean(c) != "" {
			filled++
			if first < 0 {
				first = j
			}
		}
	}
	return filled, first
}

// packed reports, as an error, a row whose values are all in one cell:
// a row pasted from another sheet with tabs between its values, or a CSV
// row quoted whole ("14,杨静,男,…"). It is a trainee whose values do not
// line up with the header, not a note. A marked note (see
// [startsWithMarker]) may hold commas.
func (s *sheetReader) packed(i int) bool {
	row := s.g.rows[i]
	filled, j := filledCells(row)
	if filled != 1 || s.width < 2 {
		return false
	}
	text := clean(row[j])
	var sep scenario.Message
	var n int
	switch {
	case strings.Contains(text, "\t"):
		sep, n = scenario.Msg("tabs"), len(strings.FieldsFunc(text, func(r rune) bool { return r == '\t' }))
	case startsWithMarker(text):
		return false
	case strings.Count(text, ",") >= 2:
		sep, n = scenario.Msg("commas"), strings.Count(text, ",")+1
	case strings.Count(text, ";") >= 2:
		sep, n = scenario.Msg("semicolons"), strings.Count(text, ";")+1
	default:
		return false
	}
	if n < 2 {
		return false
	}
	s.diags.Errorf(s.g.place(i, j).pos, "%s holds its values in one cell, %d of them separated by %s; put each value in its own column under the header (was the row pasted with tabs, or quoted whole?)", s.g.whereRow(i), n, sep)
	return true
}

// startsWithMarker reports whether text starts with a note marker and,
// after it, a colon, a space, or nothing.
func startsWithMarker(text string) bool {
	lower := strings.ToLower(text)
	for _, m := range noteMarkers {
		rest, ok := strings.CutPrefix(lower, m)
		if !ok {
			continue
		}
		r, _ := utf8.DecodeRuneInString(rest)
		if rest == "" || strings.ContainsRune(":：.、,，)）] 　", r) || (m == "注" && unicode.Is(unicode.Han, r)) {
			return true
		}
	}
	return false
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
		rec.cells[s.cols[j]] = cell{text: clean(value), pos: at.pos, where: s.g.where(i, j, s.t.headers[s.cols[j]]), reported: at.reported}
	}
	rec.name()
	return rec, true
}

// name sets the trainee every cell of the record names in its messages:
// their name, or else their id, or neither when it would not print as
// itself (a control character, a line break, a direction mark, a lost
// character). The cell of the name itself is named by the id, which the
// message does not already quote.
func (rec *record) name() {
	printable := func(col string) string {
		v := rec.cells[col].text
		if strings.IndexFunc(v, func(r rune) bool { return unicode.IsControl(r) || scenario.IsBidi(r) || r == utf8.RuneError }) >= 0 {
			return ""
		}
		return v
	}
	name, id := printable(ColumnName), printable(ColumnID)
	for col, c := range rec.cells {
		c.who = cmp.Or(name, id)
		if col == ColumnName {
			c.who = id
		}
		rec.cells[col] = c
	}
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
		s.diags.Errorf(pos, "%s has %d cells but the header has %d; is a separator missing?", s.g.whereRow(i), len(row), s.width)
		return false
	}
	extra := slices.IndexFunc(row[min(s.width, len(row)):], func(c string) bool { return clean(c) != "" })
	if extra < 0 {
		return true
	}
	j := s.width + extra
	if s.g.ragged {
		s.diags.Errorf(s.g.place(i, j).pos, "%s: the row has %d cells but the header has %d; is a value with a separator in it missing its quotes?", s.g.where(i, j, ""), len(row), s.width)
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
	s.diags.Warnf(s.g.place(i, j).pos, "%s: this column has no header; its values are ignored", s.g.where(i, j, ""))
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
