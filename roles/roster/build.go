package roster

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet"
)

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
		checkText(rec, t.encoding, diags)
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
				firstLine[c.text] = rec.row
				r.index[c.text] = len(r.Trainees)
			}
		}
		if c, ok := get(ColumnName); !ok {
			c.errorf(diags, "missing name")
		} else {
			tr.Name = c.text
			if prev := names[c.text]; len(prev) > 0 {
				diags.Warnf(c.pos, "%s: name %q also on %s %d; two sign-ups for one person?", c.label, c.text, t.rowWord, t.records[prev[0]].row)
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
			ids := resolveRefs(c, tr, r, names, t, diags)
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
				c.errorf(diags, "control character U+%04X in %q; remove it", r, v)
				break
			}
		}
		if !printedColumns[col] {
			continue
		}
		switch i := strings.IndexAny(c.text, "\t\r\n"); {
		case i < 0:
		case c.text[i] == '\t':
			c.errorf(diags, "a tab in %q would break the printed tables; keep the %s on one line", c.text, col)
		default:
			c.errorf(diags, "a line break in %q would break the printed tables; keep the %s on one line", c.text, col)
		}
		if i := strings.IndexFunc(c.text, isBidi); i >= 0 {
			r, _ := utf8.DecodeRuneInString(c.text[i:])
			diags.Warnf(c.pos, "%s: invisible direction mark U+%04X in %q reorders the text around it when printed; remove it unless the %s needs it", c.label, r, c.text, col)
		}
	}
	for _, col := range cols {
		c := rec.cells[col]
		for _, v := range append([]string{c.text}, c.list...) {
			if strings.Count(v, "\uFFFD") > c.reported {
				c.errorf(diags, "%q %s", v, unreadable(encoding))
				break
			}
		}
	}
}

// unreadable explains a U+FFFD in a cell of a file in the given encoding.
func unreadable(encoding string) string {
	switch encoding {
	case "gb18030", "windows-1252":
		return fmt.Sprintf("holds U+FFFD (\uFFFD), a character that could not be read as %s: the file's encoding could not be read; %s", encoding, sheet.SaveAsUTF8)
	}
	return "holds U+FFFD (\uFFFD), a character lost to a wrong encoding before the file was saved; retype the value, or go back to the original and " + sheet.SaveAsUTF8
}

func isControl(r rune) bool {
	return unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r'
}

// isBidi reports whether r is an explicit direction mark: an embedding,
// override or isolate, or a left-to-right or right-to-left mark.
func isBidi(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F
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
func resolveRefs(c cell, tr *Trainee, r *Roster, names map[string][]int, t *table, diags *scenario.Diagnostics) []string {
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
				where = append(where, fmt.Sprintf("%s %d", t.rowWord, t.records[i].row))
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
