// Package roster reads the sign-up sheet: a roster of trainees from CSV
// (through [sheet]), XLSX or YAML, with headers in English or Chinese,
// backgrounds mapped through the scenario's vocabulary, and every problem
// reported at its cell. Each format has its file (csv.go, xlsx.go,
// yaml.go); they meet in one table that build.go checks and turns into a
// [Roster].
package roster

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet"
	"golang.org/x/text/width"
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
	// ColumnRemarks is a column of notes about a trainee (备注), which the
	// trainer's master sheet shows and cards never do.
	ColumnRemarks = "remarks"
	// ColumnPhone and ColumnIDCard hold personal data (手机号, 身份证号):
	// they are read past, never kept, mixed or printed.
	ColumnPhone  = "phone"
	ColumnIDCard = "id_card"
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
	ColumnID:         {"id", "编号", "序号", "no", "no.", "学号", "学员编号"},
	ColumnName:       {"name", "姓名", "名字"},
	ColumnUnit:       {"unit", "community", "社区", "单位", "社区(村)", "村居", "所在社区"},
	ColumnBackground: {"background", "背景", "身份", "类别", "职务", "岗位"},
	ColumnAvoid:      {"avoid", "回避", "避免同组"},
	ColumnTogether:   {"together", "同组"},
	ColumnPrefers:    {"prefers", "prefer", "偏好", "意向角色", "希望担任"},
	ColumnRemarks:    {"remarks", "remark", "notes", "note", "comments", "备注", "说明", "备注说明", "附注"},
	ColumnRounds:     {"rounds", "availability", "可参加轮次", "参加轮次", "轮次"},
	ColumnPhone:      {"phone", "mobile", "tel", "telephone", "phone number", "手机", "手机号", "手机号码", "电话", "联系电话", "电话号码", "联系方式"},
	ColumnIDCard:     {"id card", "id number", "身份证", "身份证号", "身份证号码"},
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
	// Unforeseen marks a background the scenario's vocabulary does not
	// have: Background is then its label, the value as written with
	// full-width forms made half-width and runs of spaces made one (see
	// [BackgroundLabel]), and the trainee is mixed as a category of its
	// own. Casting rules, which name vocabulary ids, never match it.
	Unforeseen bool `json:"unforeseen,omitempty"`
	// Remarks is the trainee's cell of a remarks column (备注, notes), for
	// the trainer's master sheet only.
	Remarks string `json:"remarks,omitempty"`
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
	// Rounds are the tokens of the trainee's availability cell (a
	// rounds or 可参加轮次 column): round numbers, ranges or the names of
	// the scenario's rounds, which assignment resolves against the day;
	// empty means every round. RoundsPos is the cell's place (line:col in
	// CSV and YAML, the Excel row and column in a workbook), and RoundsAt
	// names it as a person finds it: "row 5, column G (可参加轮次)" in a
	// sheet, the key in YAML.
	Rounds    []string         `json:"rounds,omitempty"`
	RoundsPos scenario.Pos     `json:"-"`
	RoundsAt  scenario.Message `json:"-"`
	// Pos is the trainee's file and row (line for CSV and YAML).
	Pos scenario.Pos `json:"pos"`
	// row names the trainee's row in messages ("row 4", "line 4" in
	// YAML); see [Merge].
	row scenario.Message
}

// Roster is the list of trainees of a drill, as imported from a file.
type Roster struct {
	// File names the file the roster came from.
	File string `json:"file"`
	// Format is [FormatCSV], [FormatXLSX] or [FormatYAML].
	Format string `json:"format"`
	// SHA256 is the hex SHA-256 of the file's bytes, which plans record.
	SHA256 string `json:"sha256"`
	// Encoding is how a CSV file was encoded: "utf-8", "utf-8 with BOM",
	// "gb18030", "windows-1252" or "utf-16" (see [sheet.DecodeText]); empty for
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

// Options changes how a roster is read.
type Options struct {
	// Sheet names the XLSX sheet to read, by its name or, when no sheet
	// has that name, by its number counted from 1; when empty, the sheet
	// the workbook opens on, or else its first sheet not hidden.
	Sheet string
	// StrictBackgrounds refuses a background the scenario's vocabulary does
	// not have, rather than mixing it as a category of its own.
	StrictBackgrounds bool
	// ScenarioFile is the file the scenario was read from, for the hint
	// on where to name a background it lacks; "" for a bundled scenario,
	// which is exported before it is edited.
	ScenarioFile string
}

// Load reads and parses the roster file at path; see [Parse].
func Load(path string, s *scenario.Scenario, opts Options) (*Roster, scenario.Diagnostics) {
	data, err := scenario.ReadFile(path)
	if err != nil {
		var diags scenario.Diagnostics
		diags.Errorf(scenario.Pos{File: path}, "%v", scenario.FileError(err))
		return nil, diags
	}
	return Parse(path, data, s, opts)
}

// Parse decodes and checks a roster. The format follows the name's
// extension: .csv (or .txt) and .tsv, .xlsx, .yaml or .yml. name is used in
// messages. Backgrounds are mapped to the vocabulary of s with
// [scenario.Scenario.ResolveBackground] and preferred roles checked against
// its roles; s may be nil, and a scenario without backgrounds keeps the
// values as written. A background the vocabulary lacks is a category of
// its own (see [Trainee.Unforeseen]), with one warning naming its rows,
// unless it looks like a slip for a known one ("议事圆", "社工（持证）"),
// which is an error, or opts.StrictBackgrounds refuses it.
//
// A sheet's header may stand under a title row; rows under it that are
// notes ("注：请于3月1日前报送") are skipped with a warning; a remarks
// column is kept for the master sheet, and phone and ID-card numbers are
// read past, never kept.
//
// It returns the roster and every problem found, sorted. The roster is nil
// when the file cannot be read as a table of trainees at all (unreadable,
// empty, or lacking a required column); otherwise it holds every row even
// when some have errors, and is usable when the diagnostics hold no error.
func Parse(name string, data []byte, s *scenario.Scenario, opts Options) (*Roster, scenario.Diagnostics) {
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
	isXLSXName := ext == ".xlsx" || ext == ".xlsm"
	switch kind := sheet.Detect(data); {
	case kind == sheet.XLSX && !isXLSXName:
		diags.Errorf(filePos, "this is %s, not a text file, although its name ends in %q; rename it to end in .xlsx, or %s", kind.Describe(), ext, sheet.SaveAsUTF8)
		return nil, diags
	case kind == sheet.XLSX, kind == sheet.BrokenZip && isXLSXName:
		// Read as a workbook; the reader says when one does not open.
	case kind == sheet.BrokenZip || kind == sheet.OtherZip:
		diags.Errorf(filePos, "this is %s; copy it again from where it came, and give it a name that ends in .xlsx", kind.Describe())
		return nil, diags
	case kind != sheet.Text:
		diags.Errorf(filePos, "this is %s, which yishi cannot read; open it in Excel or WPS and save it as an Excel workbook (.xlsx) or as CSV UTF-8", kind.Describe())
		return nil, diags
	case isXLSXName && !sheet.IsEmpty(data):
		diags.Errorf(filePos, "this is a text file, not an Excel workbook, although its name ends in %q; if it is CSV, rename it to end in .csv", ext)
		return nil, diags
	}
	switch ext {
	case ".csv", ".txt", ".tsv":
		t = readCSV(name, data, ext == ".tsv", &diags)
	case ".xlsx", ".xlsm":
		t = readXLSX(name, data, opts.Sheet, &diags)
	case ".yaml", ".yml":
		t = readYAML(name, data, &diags)
	case ".xls":
		diags.Errorf(filePos, "a file whose name ends in .xls is an Excel 97–2003 workbook, which yishi cannot read; open it in Excel or WPS and save it as an Excel workbook (.xlsx) or as CSV UTF-8")
	default:
		diags.Errorf(filePos, "unknown roster format %q: use .csv, .tsv, .xlsx, .yaml or .yml", ext)
	}
	var r *Roster
	if t != nil {
		r = build(name, t, s, opts, &diags)
	}
	if r != nil {
		sum := sha256.Sum256(data)
		r.SHA256 = hex.EncodeToString(sum[:])
	}
	diags.Cap(scenario.MaxProblemsPerFile)
	return r, diags
}

// Values returns the value of attr for each trainee, in roster order: attr
// is "id", "name", "unit", "background" (the mapped id, or the label of a
// background the scenario did not foresee), "prefers", "remarks" or an
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
		case ColumnRemarks:
			out[i] = t.Remarks
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

// SortedByID returns the roster with its trainees in order of id, which
// makes what is computed from it independent of the order of the sheet's
// rows; r itself is left as it is (and returned when already in order).
func (r *Roster) SortedByID() *Roster {
	byID := func(a, b Trainee) int { return strings.Compare(a.ID, b.ID) }
	if slices.IsSortedFunc(r.Trainees, byID) {
		return r
	}
	c := *r
	c.Trainees = slices.SortedStableFunc(slices.Values(r.Trainees), byID)
	c.index = make(map[string]int, len(c.Trainees))
	for i, t := range c.Trainees {
		c.index[t.ID] = i
	}
	return &c
}

// AttributeName returns the canonical name of a roster column header: a
// known header in English or Chinese maps to its column ("姓名" -> "name",
// "工龄" -> "years"), as does a header that is a known one with a note in
// brackets ("姓名（必填）", "工龄(年)") or that gives several names, one of
// them known ("身份/类别", "手机、电话"; the first known part decides).
// Any other header is lower-cased, its bracketed notes dropped, full-width
// letters and digits folded, and its inner spaces turned into "_" ("Shift
// Group" -> "shift_group"). A leading or trailing "*", as sign-up sheets
// mark required fields, is dropped.
func AttributeName(header string) string {
	h := trimHeader(header)
	if canon, ok := knownColumn(h); ok {
		return canon
	}
	if s := trimHeader(stripNotes(h)); s != "" {
		h = s
	}
	return strings.Join(strings.FieldsFunc(strings.ToLower(width.Fold.String(h)), unicode.IsSpace), "_")
}

// knownColumn returns the column a header names when it is one yishi
// knows (see [AttributeName]).
func knownColumn(header string) (string, bool) {
	if canon, ok := headerIndex[scenario.NormalizeName(header)]; ok {
		return canon, true
	}
	h := trimHeader(stripNotes(header))
	if canon, ok := headerIndex[scenario.NormalizeName(h)]; ok {
		return canon, true
	}
	for _, part := range strings.FieldsFunc(h, isHeaderSeparator) {
		if canon, ok := headerIndex[scenario.NormalizeName(trimHeader(part))]; ok {
			return canon, true
		}
	}
	return "", false
}

// isHeaderSeparator reports whether r separates the names of a header
// that gives several, such as "身份/类别".
func isHeaderSeparator(r rune) bool { return strings.ContainsRune("/／、|｜", r) }

// trimHeader drops spaces, byte-order marks, the "*" that marks a
// required field and a trailing colon around a header.
func trimHeader(h string) string {
	return strings.TrimFunc(h, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("*＊:：\ufeff\u200b", r)
	})
}

// stripNotes drops the bracketed notes of a header, in half- or
// full-width brackets: "姓名（必填）" -> "姓名", "工龄 (年)" -> "工龄 ".
func stripNotes(h string) string {
	const open, close = "(（[【〔［", ")）]】〕］"
	var b strings.Builder
	depth := 0
	for _, r := range h {
		switch {
		case strings.ContainsRune(open, r):
			depth++
		case strings.ContainsRune(close, r) && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	if depth > 0 {
		// An unclosed bracket is not a note: keep the header whole.
		return h
	}
	return b.String()
}
