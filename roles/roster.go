package roles

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/yishi-council/yishi/scenario"
)

// Canonical names of the roster columns yishi itself reads.
const (
	ColumnID         = "id"
	ColumnName       = "name"
	ColumnUnit       = "unit"
	ColumnBackground = "background"
	ColumnAvoid      = "avoid"
	ColumnTogether   = "together"
	ColumnPrefers    = "prefers"
)

// RequiredColumns are the columns every roster must have.
var RequiredColumns = []string{ColumnID, ColumnName, ColumnUnit, ColumnBackground}

// Roster formats, as [Roster.Format] names them.
const (
	FormatCSV  = "csv"
	FormatXLSX = "xlsx"
	FormatYAML = "yaml"
)

// headerNames maps each canonical column to the headers that name it, in
// English and in the Chinese of sign-up sheets. Headers are compared after
// [scenario.NormalizeName], so case, spaces and full-width forms do not
// matter.
var headerNames = map[string][]string{
	ColumnID:         {"id", "编号", "序号", "学号", "学员编号"},
	ColumnName:       {"name", "姓名", "名字"},
	ColumnUnit:       {"unit", "community", "社区", "单位", "社区(村)", "村居", "所在社区"},
	ColumnBackground: {"background", "背景", "身份", "类别", "职务", "岗位"},
	ColumnAvoid:      {"avoid", "回避", "避免同组"},
	ColumnTogether:   {"together", "同组"},
	ColumnPrefers:    {"prefers", "prefer", "偏好", "意向角色", "希望担任"},
	"gender":         {"gender", "sex", "性别"},
	"age":            {"age", "年龄"},
	"years":          {"years", "工龄", "年限", "从业年限"},
}

// headerIndex is headerNames inverted: normalised header -> canonical column.
var headerIndex = func() map[string]string {
	m := map[string]string{}
	for canon, names := range headerNames {
		for _, n := range names {
			m[scenario.NormalizeName(n)] = canon
		}
	}
	return m
}()

// functionNames maps the ways a trainee may write a role function in the
// prefers column to the function.
var functionNames = map[string]string{
	"host": scenario.FunctionHost, "主持人": scenario.FunctionHost, "主持": scenario.FunctionHost,
	"recorder": scenario.FunctionRecorder, "记录员": scenario.FunctionRecorder, "记录": scenario.FunctionRecorder, "记录人": scenario.FunctionRecorder,
	"stakeholder": scenario.FunctionStakeholder, "利益相关方": scenario.FunctionStakeholder, "相关方": scenario.FunctionStakeholder,
	"observer": scenario.FunctionObserver, "观察员": scenario.FunctionObserver, "观察者": scenario.FunctionObserver,
}

// Trainee is a person on the roster.
type Trainee struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Unit is the trainee's community or village.
	Unit string `json:"unit"`
	// Background is the scenario's vocabulary id the trainee's background
	// maps to, or the value as written when the scenario has no vocabulary.
	Background string `json:"background"`
	// RawBackground is the background as written in the file.
	RawBackground string `json:"raw_background"`
	// Attrs holds every further non-empty cell by its column's canonical
	// name (see [AttributeName]), such as "gender" for a 性别 column.
	Attrs map[string]string `json:"attrs,omitempty"`
	// Prefers is a preferred role function (such as "host") or role id;
	// it may be empty.
	Prefers string `json:"prefers,omitempty"`
	// Avoid lists the ids of trainees never to share a group with.
	Avoid []string `json:"avoid,omitempty"`
	// Together lists the ids of trainees always to share a group with.
	Together []string `json:"together,omitempty"`
	// Pos is the trainee's file and row (line for CSV and YAML).
	Pos scenario.Pos `json:"pos"`
}

// Roster is the list of trainees of a drill, as imported from a file.
type Roster struct {
	// File names the file the roster came from.
	File string `json:"file"`
	// Format is [FormatCSV], [FormatXLSX] or [FormatYAML].
	Format string `json:"format"`
	// Encoding is how a CSV file was encoded: "utf-8", "utf-8 with BOM",
	// "gb18030", "windows-1252" or "utf-16" (see [DecodeText]); empty for
	// the other formats.
	Encoding string `json:"encoding,omitempty"`
	// Trainees are in file order.
	Trainees []Trainee `json:"trainees"`
	// Columns are the canonical names of the columns in file order (for
	// YAML, in the order keys first appear).
	Columns []string `json:"columns"`
	// Numeric marks the attribute columns (those beyond id, name, unit,
	// background, avoid, together and prefers) whose non-empty values are
	// numbers, such as age or years. A column whose values are numbers
	// but for a few (at least two numbers and 80 % of the values) is
	// numeric too, and each value that is not a number is an error.
	Numeric map[string]bool `json:"numeric,omitempty"`

	index map[string]int
}

// RosterOptions changes how a roster is read.
type RosterOptions struct {
	// Sheet names the XLSX sheet to read, by its name or, when no sheet
	// has that name, by its number counted from 1; the first sheet when
	// empty.
	Sheet string
}

// LoadRoster reads and parses the roster file at path; see [ParseRoster].
func LoadRoster(path string, s *scenario.Scenario, opts RosterOptions) (*Roster, scenario.Diagnostics) {
	data, err := scenario.ReadFile(path)
	if err != nil {
		msg := err.Error()
		msg = strings.TrimPrefix(msg, "open "+path+": ")
		msg = strings.TrimPrefix(msg, path+": ")
		return nil, scenario.Diagnostics{{Pos: scenario.Pos{File: path}, Message: msg}}
	}
	return ParseRoster(path, data, s, opts)
}

// ParseRoster decodes and checks a roster. The format follows the name's
// extension: .csv (or .txt) and .tsv, .xlsx, .yaml or .yml. name is used in
// messages. Backgrounds are mapped to the vocabulary of s with
// [scenario.Scenario.ResolveBackground] and preferred roles checked against
// its roles; s may be nil, and a scenario without backgrounds keeps the
// values as written.
//
// It returns the roster and every problem found, sorted. The roster is nil
// when the file cannot be read as a table of trainees at all (unreadable,
// empty, or lacking a required column); otherwise it holds every row even
// when some have errors, and is usable when the diagnostics hold no error.
func ParseRoster(name string, data []byte, s *scenario.Scenario, opts RosterOptions) (*Roster, scenario.Diagnostics) {
	var diags scenario.Diagnostics
	filePos := scenario.Pos{File: name}
	if len(data) > scenario.MaxFileSize {
		diags.Errorf(filePos, "file is %d bytes, larger than the %d bytes yishi reads", len(data), scenario.MaxFileSize)
		return nil, diags
	}
	var t *table
	ext := strings.ToLower(filepath.Ext(name))
	if opts.Sheet != "" && ext != ".xlsx" && ext != ".xlsm" {
		diags.Warnf(filePos, "a sheet (%q) was named but only an XLSX workbook has sheets; it is ignored", opts.Sheet)
	}
	switch ext {
	case ".csv", ".txt", ".tsv":
		t = readCSV(name, data, ext == ".tsv", &diags)
	case ".xlsx", ".xlsm":
		t = readXLSX(name, data, opts.Sheet, &diags)
	case ".yaml", ".yml":
		t = readYAML(name, data, &diags)
	case ".xls":
		diags.Errorf(filePos, "the old Excel .xls format cannot be read; in Excel choose 另存为 (Save As) and save as .xlsx or CSV UTF-8")
	default:
		diags.Errorf(filePos, "unknown roster format %q: use .csv, .tsv, .xlsx, .yaml or .yml", ext)
	}
	var r *Roster
	if t != nil {
		r = build(name, t, s, &diags)
	}
	diags.Sort()
	return r, diags
}

// Values returns the value of attr for each trainee, in roster order: attr
// is "id", "name", "unit", "background" (the mapped id), "prefers" or an
// attribute column, named canonically or as a header would name it (so
// "性别" means "gender"). A trainee without the value gets "".
func (r *Roster) Values(attr string) []string {
	col := AttributeName(attr)
	out := make([]string, len(r.Trainees))
	for i, t := range r.Trainees {
		switch col {
		case ColumnID:
			out[i] = t.ID
		case ColumnName:
			out[i] = t.Name
		case ColumnUnit:
			out[i] = t.Unit
		case ColumnBackground:
			out[i] = t.Background
		case ColumnPrefers:
			out[i] = t.Prefers
		default:
			out[i] = t.Attrs[col]
		}
	}
	return out
}

// Index returns the position in [Roster.Trainees] of the trainee with the
// given id.
func (r *Roster) Index(id string) (int, bool) {
	if r.index != nil {
		i, ok := r.index[id]
		return i, ok
	}
	for i, t := range r.Trainees {
		if t.ID == id {
			return i, true
		}
	}
	return 0, false
}

// AttributeName returns the canonical name of a roster column header: a
// known header in English or Chinese maps to its column ("姓名" -> "name",
// "工龄" -> "years"); any other header is lower-cased, full-width letters
// and digits folded, and its inner spaces turned into "_" ("Shift Group"
// -> "shift_group"). A leading or trailing "*", as sign-up sheets mark
// required fields, is dropped.
func AttributeName(header string) string {
	h := strings.TrimFunc(header, func(r rune) bool { return unicode.IsSpace(r) || r == '*' || r == '\ufeff' })
	if canon, ok := headerIndex[scenario.NormalizeName(h)]; ok {
		return canon
	}
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0
		}
		b.WriteRune(r)
	}
	return strings.Join(strings.FieldsFunc(b.String(), unicode.IsSpace), "_")
}

// table is a roster file read into canonical columns, before its values
// are checked: the common form of CSV, XLSX and YAML.
type table struct {
	format, encoding string
	rowWord          string            // "line" or "row", for "already used on line 4"
	columns          []string          // canonical, in file order
	headers          map[string]string // canonical -> as written
	records          []record
	checkColumns     bool // whether a missing column is an error of the whole file
	headerPos        scenario.Pos
}

// record is one trainee's row.
type record struct {
	pos   scenario.Pos // the row, or the line of a YAML trainee
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
	lines []int // file line (CSV) or sheet row (XLSX) of each row
	place func(row, col int) (scenario.Pos, string)
	// ragged reports rows with a different number of cells than the header
	// (CSV); XLSX drops trailing empty cells, so it does not.
	ragged bool
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
	headerPos, _ := g.place(h, 0)
	t := &table{headers: map[string]string{}, checkColumns: true, headerPos: scenario.Pos{File: file, Line: headerPos.Line}}
	header := g.rows[h]
	width := len(header)
	for width > 0 && clean(header[width-1]) == "" {
		width--
	}
	cols := make([]string, width) // canonical name of each cell of the header, "" to ignore
	unnamed := map[int]bool{}     // columns ignored and already reported
	for j := range width {
		raw := clean(header[j])
		if raw == "" {
			continue
		}
		canon := AttributeName(raw)
		if canon == "" {
			continue
		}
		if first, dup := t.headers[canon]; dup {
			pos, where := g.place(h, j)
			diags.Errorf(pos, "%scolumn %q names %s again (already named by %q); remove one of them", cellPrefix(where), raw, canon, first)
			unnamed[j] = true
			continue
		}
		cols[j] = canon
		t.headers[canon] = raw
		t.columns = append(t.columns, canon)
	}
	for i := h + 1; i < len(g.rows); i++ {
		row := g.rows[i]
		if blank(row) {
			continue
		}
		rowPos, _ := g.place(i, 0)
		rowPos.Col = 0
		if g.ragged && len(row) < width {
			diags.Errorf(rowPos, "row has %d cells but the header has %d; is a separator missing?", len(row), width)
			continue
		}
		if extra := slices.IndexFunc(row[min(width, len(row)):], func(c string) bool { return clean(c) != "" }); extra >= 0 {
			j := width + extra
			pos, where := g.place(i, j)
			if g.ragged {
				diags.Errorf(pos, "%srow has %d cells but the header has %d; is a value with a separator in it missing its quotes?", cellPrefix(where), len(row), width)
				continue
			}
			if !unnamed[j] {
				unnamed[j] = true
				diags.Warnf(pos, "%sthis column has no header; its values are ignored", cellPrefix(where))
			}
		}
		rec := record{pos: rowPos, cells: map[string]cell{}}
		for j := range width {
			// XLSX rows leave out trailing empty cells; they are empty
			// values all the same, placed where they stand.
			value := ""
			if j < len(row) {
				value = row[j]
			}
			if cols[j] == "" {
				if clean(value) != "" && !unnamed[j] {
					unnamed[j] = true
					pos, where := g.place(i, j)
					diags.Warnf(pos, "%sthis column has no header; its values are ignored", cellPrefix(where))
				}
				continue
			}
			pos, where := g.place(i, j)
			label := t.headers[cols[j]]
			if where != "" {
				label = fmt.Sprintf("cell %s (%s)", where, label)
			}
			rec.cells[cols[j]] = cell{text: clean(value), pos: pos, label: label}
		}
		t.records = append(t.records, rec)
	}
	return t
}

// readCSV decodes a CSV (or tab-separated) file in UTF-8, UTF-8 with a
// BOM, UTF-16 with a BOM (Excel's "Unicode text"), GB18030 (what Excel
// writes on a Chinese Windows) or Windows-1252 (on an English one), as
// [DecodeText] tells them apart, and splits it on commas, or on tabs or
// semicolons when the header holds no comma.
func readCSV(file string, data []byte, tsv bool, diags *scenario.Diagnostics) *table {
	text, encoding, bad := DecodeText(data)
	ReportInvalidBytes(file, bad, diags)
	lines := strings.Split(text, "\n")
	runeCol := func(line, byteCol int) int {
		if line < 1 || line > len(lines) {
			return byteCol
		}
		l := lines[line-1]
		if byteCol-1 > len(l) || byteCol < 1 {
			return byteCol
		}
		return utf8.RuneCountInString(l[:byteCol-1]) + 1
	}

	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	r.LazyQuotes = false
	r.Comma = Delimiter(lines, tsv)

	var g grid
	g.ragged = true
	var fieldPos [][][2]int
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				diags.Errorf(scenario.Pos{File: file}, "reading CSV: %v", err)
				return nil
			}
			diags.Errorf(scenario.Pos{File: file, Line: pe.Line, Col: runeCol(pe.Line, pe.Column)}, "CSV: %s", CSVMessage(pe.Err))
			continue
		}
		line, _ := r.FieldPos(0)
		pos := make([][2]int, len(rec))
		for j := range rec {
			l, c := r.FieldPos(j)
			pos[j] = [2]int{l, runeCol(l, c)}
		}
		g.rows = append(g.rows, rec)
		g.lines = append(g.lines, line)
		fieldPos = append(fieldPos, pos)
	}
	g.place = func(row, col int) (scenario.Pos, string) {
		if col < len(fieldPos[row]) {
			p := fieldPos[row][col]
			return scenario.Pos{File: file, Line: p[0], Col: p[1]}, ""
		}
		return scenario.Pos{File: file, Line: g.lines[row]}, ""
	}
	if len(g.rows) == 0 && diags.HasErrors() {
		return nil
	}
	t := tableOf(file, g, diags)
	if t != nil {
		t.format, t.encoding, t.rowWord = FormatCSV, encoding, "line"
	}
	return t
}

// InvalidByte is a byte that is not UTF-8 in a text that otherwise is.
type InvalidByte struct {
	// Line and Col place the byte, 1-based; Col counts characters, as
	// the columns of messages do.
	Line, Col int
	Byte      byte
}

// SaveAsUTF8 tells a spreadsheet user how to save a file as UTF-8.
const SaveAsUTF8 = "save the file as UTF-8 (in Excel: 另存为 → CSV UTF-8)"

// MaxInvalidBytes is how many invalid bytes [ReportInvalidBytes] reports
// one by one.
const MaxInvalidBytes = 20

// ReportInvalidBytes records an error for each invalid byte that
// [DecodeText] found in file, up to [MaxInvalidBytes], and one more, at
// the first left out, that counts the rest.
func ReportInvalidBytes(file string, bad []InvalidByte, diags *scenario.Diagnostics) {
	for i, b := range bad {
		pos := scenario.Pos{File: file, Line: b.Line, Col: b.Col}
		if i == MaxInvalidBytes {
			diags.Errorf(pos, "and %d more invalid UTF-8 bytes; %s", len(bad)-i, SaveAsUTF8)
			return
		}
		diags.Errorf(pos, "invalid UTF-8 byte 0x%02X; %s", b.Byte, SaveAsUTF8)
	}
}

// DecodeText returns the bytes of a CSV file as UTF-8 text and names the
// encoding they were in:
//
//   - "utf-8 with BOM", "utf-16" (Excel's "Unicode text") when the file
//     starts with that byte-order mark;
//   - "utf-8" when the bytes are UTF-8, or mostly are: when the valid
//     multi-byte sequences outnumber the invalid bytes at least four to one,
//     as in a UTF-8 file with a stray Latin-1 byte;
//   - else "gb18030", which Chinese Excel writes when it saves "CSV (逗号分隔)",
//     or "windows-1252", which English Excel writes when it saves "CSV
//     (Comma delimited)": GB18030 text has its high bytes in pairs (a lead
//     byte then another high byte), Windows-1252 text mostly has lone high
//     bytes followed by ASCII, and whichever is more common decides.
//
// A file read as UTF-8 (with a BOM or without) may still hold bytes that
// are not UTF-8: each is returned in bad, in file order, and stands as
// U+FFFD in text. Report them with [ReportInvalidBytes]. Rosters and
// scoresheets are read through DecodeText.
func DecodeText(data []byte) (text, encoding string, bad []InvalidByte) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		text, bad = decodeUTF8(data[3:])
		return text, "utf-8 with BOM", bad
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder()
		if out, _, err := transform.Bytes(dec, data); err == nil {
			return strings.ReplaceAll(string(out), "\r\n", "\n"), "utf-16", nil
		}
	case utf8.Valid(data):
		return string(data), "utf-8", nil
	}
	if mostlyUTF8(data) {
		text, bad = decodeUTF8(data)
		return text, "utf-8", bad
	}
	if !gbPairs(data) {
		out, _, err := transform.Bytes(charmap.Windows1252.NewDecoder(), data)
		if err == nil {
			return string(out), "windows-1252", nil
		}
	}
	out, _, err := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), data)
	if err != nil {
		return strings.ToValidUTF8(string(data), "\uFFFD"), "gb18030", nil
	}
	return string(out), "gb18030", nil
}

// decodeUTF8 returns data as text with each invalid byte replaced by
// U+FFFD, and the places of those bytes.
func decodeUTF8(data []byte) (string, []InvalidByte) {
	if utf8.Valid(data) {
		return string(data), nil
	}
	var (
		b         strings.Builder
		bad       []InvalidByte
		line, col = 1, 1
	)
	b.Grow(len(data) + 8)
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			bad = append(bad, InvalidByte{Line: line, Col: col, Byte: data[i]})
			b.WriteRune(utf8.RuneError)
		} else {
			b.Write(data[i : i+size])
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return b.String(), bad
}

// mostlyUTF8 reports whether the valid multi-byte UTF-8 sequences of data
// outnumber its invalid bytes at least four to one. In GB18030 or
// Windows-1252 text few byte sequences happen to be valid UTF-8.
func mostlyUTF8(data []byte) bool {
	multi, invalid := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
		} else {
			multi++
		}
		i += size
	}
	return multi > 0 && multi >= 4*invalid
}

// gbPairs reports whether the high bytes of data come mostly in the pairs
// of GBK and GB18030 (a lead byte 0x81–0xFE then a trail byte 0x80–0xFE,
// or GB18030's four-byte form) rather than alone, as in Windows-1252. A
// trail byte in 0x40–0x7E is ASCII as well, so a lead followed by one
// counts as neither.
func gbPairs(data []byte) bool {
	pairs, lone := 0, 0
	for i := 0; i < len(data); {
		c := data[i]
		if c < 0x80 {
			i++
			continue
		}
		if c >= 0x81 && c <= 0xFE && i+1 < len(data) {
			t := data[i+1]
			switch {
			case t >= 0x80 && t <= 0xFE:
				pairs++
				i += 2
				continue
			case t >= 0x30 && t <= 0x39 && i+3 < len(data) &&
				data[i+2] >= 0x81 && data[i+2] <= 0xFE && data[i+3] >= 0x30 && data[i+3] <= 0x39:
				pairs++
				i += 4
				continue
			case t >= 0x40 && t <= 0x7E:
				i += 2
				continue
			}
		}
		lone++
		i++
	}
	return pairs > lone
}

// Delimiter picks a CSV file's separator from its first non-blank line: a
// comma when it has one, else a tab, else a semicolon (Excel in locales
// that write decimal commas); always a tab when tsv is set.
func Delimiter(lines []string, tsv bool) rune {
	if tsv {
		return '\t'
	}
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		switch {
		case strings.Contains(l, ","):
			return ','
		case strings.Contains(l, "\t"):
			return '\t'
		case strings.Contains(l, ";"):
			return ';'
		}
		return ','
	}
	return ','
}

// CSVMessage explains a encoding/csv error in words a spreadsheet user can
// act on.
func CSVMessage(err error) string {
	switch {
	case errors.Is(err, csv.ErrBareQuote):
		return `a " appears inside a value that does not start with one; put the whole value in quotes and double the inner quote ("")`
	case errors.Is(err, csv.ErrQuote):
		return `a quoted value is not closed, or its closing " is followed by more text; double a " inside a value ("")`
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

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
		msg := fmt.Sprintf("no sheet %q; the workbook has: %s", sheet, quoteList(sheets))
		if numErr == nil {
			msg += fmt.Sprintf(" (a sheet's number is 1 to %d)", len(sheets))
		} else if s := scenario.Suggest(sheet, sheets); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		diags.Errorf(filePos, "%s", msg)
		return nil
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		diags.Errorf(filePos, "sheet %q: %v", sheet, err)
		return nil
	}
	g := grid{rows: rows}
	g.place = func(row, col int) (scenario.Pos, string) {
		ref, _ := excelize.CoordinatesToCellName(col+1, row+1)
		return scenario.Pos{File: file, Line: row + 1, Col: col + 1}, ref
	}
	t := tableOf(file, g, diags)
	if t != nil {
		t.format, t.rowWord = FormatXLSX, "row"
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

// readYAML reads `version: 1` and a `trainees:` list of mappings keyed like
// CSV headers.
func readYAML(file string, data []byte, diags *scenario.Diagnostics) *table {
	filePos := scenario.Pos{File: file}
	at := func(n *yaml.Node) scenario.Pos { return scenario.Pos{File: file, Line: n.Line, Col: n.Column} }
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		diags.Errorf(yamlErrorPos(file, err), "YAML syntax: %s", strings.TrimPrefix(err.Error(), "yaml: "))
		return nil
	}
	if len(doc.Content) == 0 {
		diags.Errorf(filePos, "file is empty; a YAML roster starts with `version: %d` and lists `trainees:`", scenario.Version)
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		diags.Errorf(at(root), "expected a roster: a mapping starting with `version: %d`", scenario.Version)
		return nil
	}
	var version, trainees *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "version":
			version = v
		case "trainees":
			trainees = v
		case "kind":
			if v.Value != "roster" {
				diags.Errorf(at(v), "kind: expected \"roster\", got %q", v.Value)
			}
		default:
			msg := fmt.Sprintf("unknown key %q at the top level", k.Value)
			if s := scenario.Suggest(k.Value, []string{"version", "kind", "trainees"}); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			diags.Errorf(at(k), "%s", msg)
		}
	}
	switch {
	case version == nil:
		diags.Errorf(at(root), "version: missing; a roster file starts with `version: %d`", scenario.Version)
		return nil
	case version.Kind != yaml.ScalarNode || version.Value != strconv.Itoa(scenario.Version):
		diags.Errorf(at(version), "version: this yishi reads version %d files, not %q", scenario.Version, version.Value)
		return nil
	case trainees == nil:
		diags.Errorf(at(root), "trainees: missing; list the trainees under `trainees:`")
		return nil
	case trainees.Kind != yaml.SequenceNode:
		if trainees.Tag == "!!null" {
			diags.Errorf(at(trainees), "trainees: the list is empty; a roster needs at least one trainee")
		} else {
			diags.Errorf(at(trainees), "trainees: expected a list of trainees")
		}
		return nil
	}
	t := &table{format: FormatYAML, rowWord: "line", headers: map[string]string{}}
	for i, item := range trainees.Content {
		path := fmt.Sprintf("trainees[%d]", i)
		if item.Kind != yaml.MappingNode {
			diags.Errorf(at(item), "%s: expected a mapping of keys (id, name, unit, background, ...) to values", path)
			continue
		}
		rec := record{pos: scenario.Pos{File: file, Line: item.Line}, cells: map[string]cell{}, missing: cell{pos: at(item), label: path}}
		seen := map[string]string{}
		for j := 0; j+1 < len(item.Content); j += 2 {
			k, v := item.Content[j], item.Content[j+1]
			raw := clean(k.Value)
			canon := AttributeName(raw)
			if first, dup := seen[canon]; dup {
				diags.Errorf(at(k), "%s: key %q names %s again (already named by %q)", path, raw, canon, first)
				continue
			}
			seen[canon] = raw
			if _, ok := t.headers[canon]; !ok {
				t.headers[canon] = raw
				t.columns = append(t.columns, canon)
			}
			c := cell{pos: at(v), label: raw}
			switch {
			case v.Kind == yaml.ScalarNode:
				if v.Tag != "!!null" {
					c.text = clean(v.Value)
				}
			case v.Kind == yaml.SequenceNode && (canon == ColumnAvoid || canon == ColumnTogether):
				for _, e := range v.Content {
					if e.Kind != yaml.ScalarNode {
						diags.Errorf(at(e), "%s: expected an id, got a %s", raw, kindName(e))
						continue
					}
					c.list = append(c.list, clean(e.Value))
				}
			default:
				diags.Errorf(at(v), "%s: expected text, got a %s", raw, kindName(v))
				continue
			}
			rec.cells[canon] = c
		}
		t.records = append(t.records, rec)
	}
	if len(trainees.Content) == 0 {
		diags.Errorf(at(trainees), "trainees: the list is empty; a roster needs at least one trainee")
		return nil
	}
	return t
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.AliasNode:
		return "alias"
	}
	return "value"
}

// yamlErrorPos pulls the line out of a yaml.v3 error ("yaml: line 7: ...").
func yamlErrorPos(file string, err error) scenario.Pos {
	msg := err.Error()
	if i := strings.Index(msg, "line "); i >= 0 {
		rest := msg[i+5:]
		j := strings.IndexFunc(rest, func(r rune) bool { return r < '0' || r > '9' })
		if j > 0 {
			if line, err := strconv.Atoi(rest[:j]); err == nil {
				return scenario.Pos{File: file, Line: line}
			}
		}
	}
	return scenario.Pos{File: file}
}

// build checks a table's values against the scenario and makes the roster.
func build(file string, t *table, s *scenario.Scenario, diags *scenario.Diagnostics) *Roster {
	if t.checkColumns {
		missing := false
		for _, col := range RequiredColumns {
			if _, ok := t.headers[col]; !ok {
				missing = true
				diags.Errorf(t.headerPos, "%s", missingColumn(col, t))
			}
		}
		if missing {
			return nil
		}
	}
	if len(t.records) == 0 {
		diags.Errorf(t.headerPos, "no trainees: the roster has a header but no rows")
		return nil
	}
	for _, rec := range t.records {
		checkControl(rec, diags)
	}
	r := &Roster{File: file, Format: t.format, Encoding: t.encoding, Columns: t.columns, index: map[string]int{}}
	firstLine := map[string]int{} // id -> line or row where it was first given
	names := map[string][]int{}
	for _, rec := range t.records {
		tr := Trainee{Pos: rec.pos}
		get := func(col string) (cell, bool) {
			c, ok := rec.cells[col]
			if !ok {
				c = rec.missing
				if c.label == "" {
					c = cell{pos: rec.pos, label: t.headers[col]}
				}
			}
			return c, ok && c.text != ""
		}
		if c, ok := get(ColumnID); !ok {
			c.errorf(diags, "missing id")
		} else if strings.ContainsAny(c.text, ";,；，、") {
			c.errorf(diags, "id %q must not contain ; , or 、, which separate ids in the avoid and together columns", c.text)
		} else {
			tr.ID = c.text
			if line, dup := firstLine[c.text]; dup {
				c.errorf(diags, "id %q is already used on %s %d; every trainee needs an id of their own", c.text, t.rowWord, line)
			} else {
				firstLine[c.text] = rec.pos.Line
				r.index[c.text] = len(r.Trainees)
			}
		}
		if c, ok := get(ColumnName); !ok {
			c.errorf(diags, "missing name")
		} else {
			tr.Name = c.text
			if prev := names[c.text]; len(prev) > 0 {
				diags.Warnf(c.pos, "%s: name %q also on %s %d; two sign-ups for one person?", c.label, c.text, t.rowWord, r.Trainees[prev[0]].Pos.Line)
			}
			names[c.text] = append(names[c.text], len(r.Trainees))
		}
		if c, ok := get(ColumnUnit); !ok {
			c.errorf(diags, "missing unit (the trainee's community or village)")
		} else {
			tr.Unit = c.text
		}
		if c, ok := get(ColumnBackground); !ok {
			c.errorf(diags, "missing background")
		} else {
			tr.RawBackground = c.text
			tr.Background = resolveBackground(c, s, diags)
		}
		if c, ok := get(ColumnPrefers); ok {
			tr.Prefers = resolvePrefers(c, s, diags)
		}
		for col, c := range rec.cells {
			switch col {
			case ColumnID, ColumnName, ColumnUnit, ColumnBackground, ColumnPrefers, ColumnAvoid, ColumnTogether:
				continue
			}
			if c.text != "" {
				if tr.Attrs == nil {
					tr.Attrs = map[string]string{}
				}
				tr.Attrs[col] = c.text
			}
		}
		r.Trainees = append(r.Trainees, tr)
	}

	// Avoid and together name other trainees, so they are read once every
	// id is known.
	type pair struct{ a, b string }
	unordered := func(a, b string) pair {
		if a > b {
			a, b = b, a
		}
		return pair{a, b}
	}
	avoidCell := map[pair]cell{}
	togetherCell := map[pair]cell{}
	for i, rec := range t.records {
		tr := &r.Trainees[i]
		for _, col := range []string{ColumnAvoid, ColumnTogether} {
			c, ok := rec.cells[col]
			if !ok {
				continue
			}
			ids := resolveRefs(c, tr, r, names, t.rowWord, diags)
			for _, id := range ids {
				p := unordered(tr.ID, id)
				if col == ColumnAvoid {
					tr.Avoid = append(tr.Avoid, id)
					if _, dup := avoidCell[p]; !dup {
						avoidCell[p] = c
					}
				} else {
					tr.Together = append(tr.Together, id)
					if _, dup := togetherCell[p]; !dup {
						togetherCell[p] = c
					}
				}
			}
		}
	}
	for p, c := range avoidCell {
		if tc, ok := togetherCell[p]; ok {
			at := c
			if tc.pos.Line > c.pos.Line || (tc.pos.Line == c.pos.Line && tc.pos.Col > c.pos.Col) {
				at = tc
			}
			at.errorf(diags, "%s and %s are both to avoid each other and to share a group; keep one of the two", p.a, p.b)
		}
	}

	r.Numeric = map[string]bool{}
	for _, col := range r.Columns {
		switch col {
		case ColumnID, ColumnName, ColumnUnit, ColumnBackground, ColumnPrefers, ColumnAvoid, ColumnTogether:
			continue
		}
		var values, numbers int
		for _, rec := range t.records {
			if c := rec.cells[col]; c.text != "" {
				values++
				if isNumber(c.text) {
					numbers++
				}
			}
		}
		switch {
		case values == 0:
		case numbers == values:
			r.Numeric[col] = true
		case numbers >= 2 && numbers*5 >= values*4:
			// A column of numbers but for a few cells: those are
			// mistakes, which would otherwise turn the whole column
			// categorical and change how groups are mixed.
			r.Numeric[col] = true
			for _, rec := range t.records {
				if c := rec.cells[col]; c.text != "" && !isNumber(c.text) {
					c.errorf(diags, "%q is not a number, but the rest of the column is; fix it or leave it empty", c.text)
				}
			}
		}
	}
	return r
}

// isNumber reports whether a cell is a finite number such as 12 or 1.5.
func isNumber(s string) bool {
	f, err := strconv.ParseFloat(s, 64)
	return err == nil && !math.IsInf(f, 0) && !math.IsNaN(f)
}

// checkControl reports the cells of a record that hold control
// characters, such as the escape that starts a terminal colour code:
// they would be printed raw to terminals and into files. Tabs and line
// breaks, which a spreadsheet cell may hold, are let through.
func checkControl(rec record, diags *scenario.Diagnostics) {
	cols := make([]string, 0, len(rec.cells))
	for col := range rec.cells {
		cols = append(cols, col)
	}
	slices.Sort(cols)
	for _, col := range cols {
		c := rec.cells[col]
		for _, v := range append([]string{c.text}, c.list...) {
			if i := strings.IndexFunc(v, isControl); i >= 0 {
				r, _ := utf8.DecodeRuneInString(v[i:])
				c.errorf(diags, "control character U+%04X in %q; remove it", r, v)
				break
			}
		}
	}
}

func isControl(r rune) bool {
	return unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r'
}

// missingColumn explains a missing required column, naming the headers
// found and guessing which of them was meant.
func missingColumn(col string, t *table) string {
	var found []string
	for _, c := range t.columns {
		found = append(found, t.headers[c])
	}
	msg := fmt.Sprintf("missing column %s (%s)", col, strings.Join(headerNames[col], ", "))
	if len(found) == 0 {
		return msg + "; the header row is empty"
	}
	msg += "; the header row has: " + strings.Join(found, ", ")
	for _, c := range t.columns {
		if _, known := headerNames[c]; known {
			continue
		}
		if s := scenario.Suggest(t.headers[c], headerNames[col]); s != "" {
			return msg + fmt.Sprintf(" (did you mean %q for %q?)", s, t.headers[c])
		}
	}
	return msg
}

// resolveBackground maps a background cell to the scenario's vocabulary.
func resolveBackground(c cell, s *scenario.Scenario, diags *scenario.Diagnostics) string {
	if s == nil || len(s.Backgrounds) == 0 {
		return c.text
	}
	if id, ok := s.ResolveBackground(c.text); ok {
		return id
	}
	var names, known []string
	for _, b := range s.Backgrounds {
		names = append(names, b.ID)
		for _, lang := range b.Label.Languages() {
			names = append(names, b.Label[lang])
		}
		names = append(names, b.Aliases...)
		known = append(known, fmt.Sprintf("%s (%s)", b.ID, b.Label.In(s.Language)))
	}
	const fix = "add it to the scenario's backgrounds (as an alias of the one it means) or correct the roster"
	if sug := scenario.Suggest(c.text, names); sug != "" {
		c.errorf(diags, "unknown background %q (did you mean %q?); %s", c.text, sug, fix)
	} else {
		c.errorf(diags, "unknown background %q; the scenario's backgrounds are %s, each also known by its aliases; %s", c.text, strings.Join(known, ", "), fix)
	}
	return ""
}

// resolvePrefers maps a prefers cell to a role function or a role id.
func resolvePrefers(c cell, s *scenario.Scenario, diags *scenario.Diagnostics) string {
	key := scenario.NormalizeName(c.text)
	if f, ok := functionNames[key]; ok {
		return f
	}
	candidates := []string{scenario.FunctionHost, "主持人", scenario.FunctionRecorder, "记录员", scenario.FunctionStakeholder, scenario.FunctionObserver}
	if s != nil {
		for _, role := range s.Roles {
			if scenario.NormalizeName(role.ID) == key || (role.Title != "" && scenario.NormalizeName(role.Title) == key) {
				return role.ID
			}
			candidates = append(candidates, role.ID)
		}
	}
	msg := fmt.Sprintf("unknown role %q: write a function (host, recorder, stakeholder, observer, 主持人, 记录员) or a role id of the scenario", c.text)
	if sug := scenario.Suggest(c.text, candidates); sug != "" {
		msg = fmt.Sprintf("unknown role %q (did you mean %q?)", c.text, sug)
	}
	c.errorf(diags, "%s", msg)
	return ""
}

// resolveRefs reads the ids of an avoid or together cell. A trainee may
// also be named by their name when no one else has it.
func resolveRefs(c cell, tr *Trainee, r *Roster, names map[string][]int, rowWord string, diags *scenario.Diagnostics) []string {
	refs := c.list
	if refs == nil {
		refs = strings.FieldsFunc(c.text, func(r rune) bool { return strings.ContainsRune(";,；，、", r) })
	}
	var out []string
	for _, ref := range refs {
		ref = clean(ref)
		if ref == "" {
			continue
		}
		id := ""
		if _, ok := r.index[ref]; ok {
			id = ref
		} else if idx := names[ref]; len(idx) == 1 && r.Trainees[idx[0]].ID != "" {
			id = r.Trainees[idx[0]].ID
		} else if len(idx) > 1 {
			var where []string
			for _, i := range idx {
				where = append(where, fmt.Sprintf("%s %d", rowWord, r.Trainees[i].Pos.Line))
			}
			c.errorf(diags, "%q is the name of more than one trainee (%s); write the id instead", ref, strings.Join(where, ", "))
			continue
		} else {
			ids := make([]string, 0, len(r.index))
			for _, t := range r.Trainees {
				ids = append(ids, t.ID)
			}
			msg := fmt.Sprintf("no trainee has the id %q", ref)
			if sug := scenario.Suggest(ref, ids); sug != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", sug)
			}
			c.errorf(diags, "%s", msg)
			continue
		}
		if id == tr.ID {
			c.errorf(diags, "%s lists their own id", tr.ID)
			continue
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}
