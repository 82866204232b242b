package roster

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet"
)

// build checks a table's values against the scenario and makes the roster.
func build(file string, t *table, s *scenario.Scenario, opts Options, diags *scenario.Diagnostics) *Roster {
	if !hasRequiredColumns(t, diags) {
		return nil
	}
	if len(t.records) == 0 {
		diags.Add(t.headerPos, scenario.SeverityError, t.tableMsg(scenario.Msg("no trainees: the roster has a header but no rows")))
		return nil
	}
	for _, rec := range t.records {
		checkText(rec, t.encoding, diags)
	}
	b := &builder{
		t: t, s: s, diags: diags, strict: opts.StrictBackgrounds, scenarioFile: opts.ScenarioFile,
		r:          &Roster{File: file, Format: t.format, Encoding: t.encoding, Columns: t.columns, index: map[string]int{}},
		firstRow:   map[string]int{},
		names:      map[string][]int{},
		unforeseen: map[string]*unforeseen{},
	}
	for _, rec := range t.records {
		b.addTrainee(rec)
	}
	b.labelUnforeseen()
	// Avoid and together name other trainees, so they are read once every
	// id is known.
	b.readLinks()
	b.r.Numeric = numericColumns(t, diags)
	return b.r
}

// hasRequiredColumns reports whether the table has every required
// column, and explains each one missing.
func hasRequiredColumns(t *table, diags *scenario.Diagnostics) bool {
	if !t.checkColumns {
		return true
	}
	ok := true
	for _, col := range RequiredColumns {
		if _, found := t.headers[col]; !found {
			ok = false
			diags.Add(t.headerPos, scenario.SeverityError, t.tableMsg(missingColumn(col, t)))
		}
	}
	return ok
}

// builder holds what the steps of [build] share while they turn a
// table's records into a roster. r.Trainees[i] is read from t.records[i].
type builder struct {
	t     *table
	s     *scenario.Scenario
	diags *scenario.Diagnostics
	r     *Roster
	// firstRow maps each id to the row (or line) where it was first given.
	firstRow map[string]int
	// names maps each name to the trainees who have it.
	names map[string][]int
	// strict refuses backgrounds the scenario did not foresee.
	strict bool
	// scenarioFile is the scenario's file, "" for a bundled scenario.
	scenarioFile string
	// unforeseen maps the key ([scenario.NormalizeName]) of each
	// background the scenario did not foresee to who has it.
	unforeseen map[string]*unforeseen
}

// unforeseen is a background the scenario's vocabulary does not have, and
// the trainees who have it.
type unforeseen struct {
	labels   map[string]int // as written, normalised (see [BackgroundLabel]), and how many rows
	trainees []int          // indexes into the roster
	cells    []cell
}

// value returns a record's cell of col, or a cell that places and names
// the value missing, and whether the value is there and not empty.
func (b *builder) value(rec record, col string) (cell, bool) {
	c, ok := rec.cells[col]
	if !ok {
		c = rec.missing
		if c.where.Format == "" {
			c = cell{pos: rec.pos, where: scenario.Msg("%s", b.t.headers[col])}
		}
	}
	return c, ok && c.text != ""
}

// addTrainee reads one record's own values into a trainee of the roster.
func (b *builder) addTrainee(rec record) {
	tr := Trainee{Pos: rec.pos, ID: b.readID(rec), Name: b.readName(rec), row: b.t.placeRow(rec.row)}
	if c, ok := b.value(rec, ColumnUnit); !ok {
		c.Errorf(b.diags, "missing unit (the trainee's community or village)")
	} else {
		tr.Unit = c.text
	}
	if c, ok := b.value(rec, ColumnBackground); !ok {
		c.Errorf(b.diags, "missing background")
	} else {
		tr.RawBackground = c.text
		tr.Background, tr.Unforeseen = b.resolveBackground(c)
	}
	if c, ok := b.value(rec, ColumnPrefers); ok {
		tr.Prefers = resolvePrefers(c, b.s, b.diags)
	}
	if c, ok := b.value(rec, ColumnRemarks); ok {
		tr.Remarks = strings.Join(strings.Fields(c.text), " ")
	}
	if c, ok := rec.cells[ColumnRounds]; ok {
		tr.Rounds, tr.RoundsPos, tr.RoundsAt = readRounds(c, b.diags), c.pos, c.where
	}
	tr.Attrs = attributes(rec)
	b.r.Trainees = append(b.r.Trainees, tr)
}

// readID returns the id of the trainee about to be added, and indexes it;
// it returns "" for an id that is missing or cannot be used, and the id
// but no index entry for one already used. An id's full-width letters
// and digits, as Chinese input methods type them, are made half-width
// (see [normalID]).
func (b *builder) readID(rec record) string {
	c, ok := b.value(rec, ColumnID)
	c.text = normalID(c.text)
	switch {
	case !ok:
		c.Errorf(b.diags, "missing id")
		return ""
	case strings.ContainsAny(c.text, ";,；，、"):
		c.Errorf(b.diags, "id %q must not contain ; , or 、, which separate ids in the avoid and together columns", brief(c.text))
		return ""
	}
	if row, dup := b.firstRow[c.text]; dup {
		c.Errorf(b.diags, "id %q is already used on %s; every trainee needs an id of their own", brief(c.text), b.t.rowRef(row))
	} else {
		b.firstRow[c.text] = rec.row
		b.r.index[c.text] = len(b.r.Trainees)
	}
	return c.text
}

// readName returns the name of the trainee about to be added, and warns
// when an earlier trainee has it too.
func (b *builder) readName(rec record) string {
	c, ok := b.value(rec, ColumnName)
	if !ok {
		c.Errorf(b.diags, "missing name")
		return ""
	}
	if prev := b.names[c.text]; len(prev) > 0 {
		c.Warnf(b.diags, "name %q also on %s; two sign-ups for one person?", brief(c.text), b.t.rowRef(b.t.records[prev[0]].row))
	}
	b.names[c.text] = append(b.names[c.text], len(b.r.Trainees))
	return c.text
}

// isOwnColumn reports whether yishi reads col itself (or, for personal
// data such as a phone number, reads past it), rather than keeping it as
// an attribute to mix.
func isOwnColumn(col string) bool {
	switch col {
	case ColumnID, ColumnName, ColumnUnit, ColumnBackground, ColumnPrefers, ColumnAvoid, ColumnTogether,
		ColumnRemarks, ColumnRounds, ColumnPhone, ColumnIDCard:
		return true
	}
	return false
}

// attributes returns a record's non-empty attribute cells by column, or
// nil when it has none.
func attributes(rec record) map[string]string {
	var attrs map[string]string
	for col, c := range rec.cells {
		if isOwnColumn(col) || c.text == "" {
			continue
		}
		if attrs == nil {
			attrs = map[string]string{}
		}
		attrs[col] = c.text
		if isNumber(c.text) {
			attrs[col] = sheet.NumberText(c.text)
		}
	}
	return attrs
}

// pair is two trainee ids, the lesser first.
type pair struct{ a, b string }

func unordered(a, b string) pair {
	if a > b {
		a, b = b, a
	}
	return pair{a, b}
}

// readLinks reads the avoid and together cells into the trainees, and
// reports two trainees who are both to avoid each other and to share a
// group, at the later of the two cells that say so.
func (b *builder) readLinks() {
	avoidCell := map[pair]cell{}
	togetherCell := map[pair]cell{}
	for i, rec := range b.t.records {
		tr := &b.r.Trainees[i]
		if c, ok := rec.cells[ColumnAvoid]; ok {
			tr.Avoid = b.link(c, tr, avoidCell)
		}
		if c, ok := rec.cells[ColumnTogether]; ok {
			tr.Together = b.link(c, tr, togetherCell)
		}
	}
	for p, c := range avoidCell {
		if tc, ok := togetherCell[p]; ok {
			at := c
			if tc.pos.Line > c.pos.Line || (tc.pos.Line == c.pos.Line && tc.pos.Col > c.pos.Col) {
				at = tc
			}
			at.Errorf(b.diags, "%s and %s are both to avoid each other and to share a group; keep one of the two", p.a, p.b)
		}
	}
}

// link returns the ids an avoid or together cell of tr names, and
// records in cells, for each pair, the first cell that links it.
func (b *builder) link(c cell, tr *Trainee, cells map[pair]cell) []string {
	ids := b.refs(c, tr)
	for _, id := range ids {
		p := unordered(tr.ID, id)
		if _, dup := cells[p]; !dup {
			cells[p] = c
		}
	}
	return ids
}

// numericColumns finds the attribute columns whose values are numbers
// (see [Roster.Numeric]) and reports each value of such a column that is
// not one.
func numericColumns(t *table, diags *scenario.Diagnostics) map[string]bool {
	numeric := map[string]bool{}
	for _, col := range t.columns {
		if isOwnColumn(col) {
			continue
		}
		var values, numbers int
		for _, rec := range t.records {
			if c := rec.cells[col]; c.text != "" {
				values++
				if _, ok := parseNumber(c.text); ok {
					numbers++
				}
			}
		}
		switch {
		case values == 0:
			continue
		case numbers == values:
			numeric[col] = true
		case numbers >= 2 && numbers*5 >= values*4:
			// A column of numbers but for a few cells: those are
			// mistakes, which would otherwise turn the whole column
			// categorical and change how groups are mixed.
			numeric[col] = true
		default:
			continue
		}
		for _, rec := range t.records {
			c := rec.cells[col]
			if c.text == "" {
				continue
			}
			switch f, ok := parseNumber(c.text); {
			case !ok:
				c.Errorf(diags, "%q is not a number, but the rest of the column is; fix it or leave it empty", brief(c.text))
			case math.IsInf(f, 0) || math.IsNaN(f) || math.Abs(f) > maxNumber:
				c.Errorf(diags, "%q is past any number a roster holds (beyond ±%d); fix it or leave it empty", brief(c.text), int64(maxNumber))
			}
		}
	}
	return numeric
}

// normalID is an id as yishi keeps it: its full-width letters, digits and
// punctuation made half-width, so that "１" and "1" are one id and a card's
// file name is in ASCII digits.
func normalID(s string) string {
	return width.Fold.String(s)
}

// isNumber reports whether a cell is a finite number such as 12 or 1.5,
// in ASCII or in full-width forms (１２, ３．５) as Chinese input methods
// type them.
func isNumber(s string) bool {
	f, err := strconv.ParseFloat(sheet.NumberText(s), 64)
	return err == nil && !math.IsInf(f, 0) && !math.IsNaN(f)
}

// maxNumber is the largest magnitude of a number in a numeric column: far
// past any age, year or count, and small enough that sums and squares of
// a roster's numbers stay finite.
const maxNumber = 1e9

// parseNumber reads a cell written as a number, in ASCII or full-width
// forms, whether or not it is finite: "1e400" and "NaN" are numbers
// written wrong, not words.
func parseNumber(s string) (float64, bool) {
	f, err := strconv.ParseFloat(sheet.NumberText(s), 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, false
	}
	return f, true
}

// printedColumns are the columns whose values are printed in tables and
// on cards, one line each.
var printedColumns = map[string]bool{ColumnID: true, ColumnName: true, ColumnUnit: true, ColumnBackground: true}

// checkText reports the cells of a record whose text would be printed
// wrong, or is not the text that was meant:
//
//   - control characters, such as the escape that starts a terminal
//     colour code, which would be printed raw to terminals and into
//     files (tabs and line breaks, which a spreadsheet cell may hold, are
//     let through in the other columns);
//   - line breaks and tabs in the columns printed in tables;
//   - U+FFFD, which stands for a character that a decoding lost, unless
//     it stands for an invalid byte that reading the file reported;
//   - and, as a warning, marks that change the direction of the text
//     around them (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F), which
//     can make a printed name read as another.
func checkText(rec record, encoding string, diags *scenario.Diagnostics) {
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
				c.Errorf(diags, "control character U+%04X in %q; remove it", r, brief(v))
				break
			}
		}
		if !printedColumns[col] {
			continue
		}
		switch i := strings.IndexAny(c.text, "\t\r\n"); {
		case i < 0:
		case c.text[i] == '\t':
			c.Errorf(diags, "a tab in %q would break the printed tables; keep the %s on one line", brief(c.text), columnWord(col))
		default:
			c.Errorf(diags, "a line break in %q would break the printed tables; keep the %s on one line", brief(c.text), columnWord(col))
		}
		if i := strings.IndexFunc(c.text, scenario.IsBidi); i >= 0 {
			r, _ := utf8.DecodeRuneInString(c.text[i:])
			c.Warnf(diags, "invisible direction mark U+%04X in %q reorders the text around it when printed; remove it unless the %s needs it", r, brief(c.text), columnWord(col))
		}
	}
	for _, col := range cols {
		c := rec.cells[col]
		for _, v := range append([]string{c.text}, c.list...) {
			if msg, lost := sheet.Lost(v, c.reported, encoding); lost {
				c.Errorf(diags, "%q %s", brief(v), msg)
				break
			}
		}
	}
}

func isControl(r rune) bool {
	return unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r'
}

// columnWord names one of the printed columns in messages.
func columnWord(col string) scenario.Message {
	switch col {
	case ColumnID:
		return scenario.Msg("id")
	case ColumnName:
		return scenario.Msg("name")
	case ColumnUnit:
		return scenario.Msg("unit")
	}
	return scenario.Msg("background")
}

// missingColumn explains a missing required column, naming the headers
// found and guessing which of them was meant.
func missingColumn(col string, t *table) scenario.Message {
	var found []string
	for _, c := range t.columns {
		found = append(found, t.headers[c])
	}
	names := strings.Join(headerNames[col], ", ")
	if len(found) == 0 {
		return scenario.Msg("missing column %s (%s); the header row is empty", col, names)
	}
	for _, c := range t.columns {
		if _, known := headerNames[c]; known {
			continue
		}
		if s := suggest(t.headers[c], headerNames[col]); s != "" {
			return scenario.Msg("missing column %s (%s); the header row has: %s (did you mean %q for %q?)", col, names, strings.Join(found, ", "), s, t.headers[c])
		}
	}
	return scenario.Msg("missing column %s (%s); the header row has: %s", col, names, strings.Join(found, ", "))
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
	if sug := suggest(c.text, candidates); sug != "" {
		c.Errorf(diags, "unknown role %q (did you mean %q?)", brief(c.text), sug)
	} else {
		c.Errorf(diags, "unknown role %q: write a function (host, recorder, stakeholder, observer, 主持人, 记录员) or a role id of the scenario", brief(c.text))
	}
	return ""
}

// refs reads the ids of an avoid or together cell of tr. A trainee may
// also be named by their name when no one else has it.
func (b *builder) refs(c cell, tr *Trainee) []string {
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
		id, ok := b.resolveRef(c, ref)
		if !ok {
			continue
		}
		if id == tr.ID {
			c.Errorf(b.diags, "%s lists their own id", tr.ID)
			continue
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// resolveRef returns the id that ref, written in cell c, stands for: an
// id, or the name of exactly one trainee. It reports a ref that is
// neither.
func (b *builder) resolveRef(c cell, ref string) (string, bool) {
	r := b.r
	if id := normalID(ref); id != "" {
		if _, ok := r.index[id]; ok {
			return id, true
		}
	}
	idx := b.names[ref]
	switch {
	case len(idx) == 1 && r.Trainees[idx[0]].ID != "":
		return r.Trainees[idx[0]].ID, true
	case len(idx) > 1:
		rows := make([]int, len(idx))
		for k, i := range idx {
			rows[k] = b.t.records[i].row
		}
		c.Errorf(b.diags, "%q is the name of more than one trainee (%s); write the id instead", brief(ref), b.t.rowsRef(rows))
		return "", false
	}
	ids := make([]string, 0, len(r.index))
	for _, t := range r.Trainees {
		ids = append(ids, t.ID)
	}
	if sug := suggest(ref, ids); sug != "" {
		c.Errorf(b.diags, "no trainee has the id %q (did you mean %q?)", brief(ref), sug)
	} else {
		c.Errorf(b.diags, "no trainee has the id %q", brief(ref))
	}
	return "", false
}
