package roster

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/yishi-council/yishi/scenario"
)

// BackgroundLabel is how a background the scenario did not foresee is
// named: the value as written, its full-width letters, digits and
// punctuation made half-width and its spaces trimmed and each run made
// one, so that "辖区单位 " and "辖区单位" are one category.
func BackgroundLabel(value string) string {
	return strings.Join(strings.FieldsFunc(width.Fold.String(value), unicode.IsSpace), " ")
}

// resolveBackground maps a background cell to the scenario's vocabulary.
// A value the vocabulary lacks is a category of its own, returned as its
// [BackgroundLabel] with isNew set, unless it is a near-miss of a
// known background (see [nearMiss]), which is an error, or the roster is
// read with [Options.StrictBackgrounds]. A scenario without a vocabulary
// keeps every value, as a label, and warns of none.
func (b *builder) resolveBackground(c cell) (bg string, isNew bool) {
	s := b.s
	if s == nil || len(s.Backgrounds) == 0 {
		return BackgroundLabel(c.text), false
	}
	if id, ok := s.ResolveBackground(c.text); ok {
		return id, false
	}
	fix := scenario.Msg("add it to the scenario's backgrounds (as an alias of the one it means) or correct the roster")
	if sug, ok := nearMiss(c.text, s); ok {
		c.Errorf(b.diags, "unknown background %q (did you mean %q?); %s", c.text, sug, fix)
		return "", false
	}
	if b.strict {
		var known []string
		for _, bg := range s.Backgrounds {
			known = append(known, bg.ID+" ("+bg.Label.In(s.Language)+")")
		}
		c.Errorf(b.diags, "unknown background %q; the scenario's backgrounds are %s, each also known by its aliases; %s", c.text, strings.Join(known, ", "), fix)
		return "", false
	}
	label := BackgroundLabel(c.text)
	key := scenario.NormalizeName(label)
	u := b.unforeseen[key]
	if u == nil {
		u = &unforeseen{labels: map[string]int{}}
		b.unforeseen[key] = u
	}
	u.labels[label]++
	u.trainees = append(u.trainees, len(b.r.Trainees))
	u.cells = append(u.cells, c)
	return label, true
}

// labelUnforeseen gives the trainees of each unforeseen background one
// label, the way most of its rows write it (then the shortest, then the
// first in byte order, so that the order of the rows does not change it),
// and warns once for each, at its first cell, naming every row that has
// it.
func (b *builder) labelUnforeseen() {
	keys := make([]string, 0, len(b.unforeseen))
	for k := range b.unforeseen {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		u := b.unforeseen[k]
		labels := make([]string, 0, len(u.labels))
		for l := range u.labels {
			labels = append(labels, l)
		}
		slices.Sort(labels)
		label := slices.MinFunc(labels, func(a, b string) int {
			return cmp.Or(cmp.Compare(u.labels[b], u.labels[a]), cmp.Compare(len(a), len(b)), strings.Compare(a, b))
		})
		rows := make([]int, len(u.trainees))
		for i, t := range u.trainees {
			b.r.Trainees[t].Background = label
			rows[i] = b.t.records[t].row
		}
		first := u.cells[0]
		first.who = ""
		b.diags.Add(first.pos, scenario.SeverityWarning, scenario.Msg(
			"%s: background %q is not one the scenario knows, so it is mixed as a category of its own (%s); to name it, add {id: ..., label: {%s: %s}} under backgrounds: in the scenario, or add %s to the aliases of the background it is",
			first.where, label, b.t.rowsRef(rows), cmp.Or(b.s.Language, "en"), label, strings.Join(quoteAll(labels), ", ")))
	}
}

func quoteAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = strconv.Quote(s)
	}
	return out
}

// rowsRef names the rows (or YAML lines) n: "row 4", "rows 4, 9, 12".
func (t *table) rowsRef(rows []int) scenario.Message {
	nums := make([]string, len(rows))
	for i, r := range rows {
		nums[i] = strconv.Itoa(r)
	}
	list := strings.Join(nums, ", ")
	if t.lines {
		return scenario.Plural(len(rows), "line %[2]s", "lines %[2]s", list)
	}
	return scenario.Plural(len(rows), "row %[2]s", "rows %[2]s", list)
}

// nearMiss reports whether a background value the vocabulary lacks looks
// like a slip for one it has, and which: a name of a background (id,
// label or alias) written inside it with more around it ("社工（持证）",
// "物业公司员工"), or one a small edit away ("社公" for "社工"). The edit
// allowed is scaled for Chinese, where each character is a word's worth
// of meaning: one character in a word of two to five characters, two in a
// longer one, and for Latin text about one letter in four. A short
// Chinese word that differs in two characters ("专家" and "社工") is
// another word, not a slip.
func nearMiss(value string, s *scenario.Scenario) (string, bool) {
	v := scenario.NormalizeName(width.Fold.String(value))
	if v == "" {
		return "", false
	}
	var names []string
	for _, bg := range s.Backgrounds {
		names = append(names, bg.ID)
		for _, lang := range bg.Label.Languages() {
			names = append(names, bg.Label[lang])
			// A label such as "物业负责人/物业人员" names two.
			names = append(names, strings.FieldsFunc(bg.Label[lang], isHeaderSeparator)...)
		}
		names = append(names, bg.Aliases...)
	}
	best, bestD := "", -1
	for _, name := range names {
		n := scenario.NormalizeName(width.Fold.String(name))
		if n == "" {
			continue
		}
		if len(n) < len(v) && strings.Contains(v, n) && containable(n) {
			// The longest name inside is the likeliest meant.
			if bestD != 0 || utf8.RuneCountInString(n) > utf8.RuneCountInString(best) {
				best, bestD = name, 0
			}
			continue
		}
		if bestD == 0 {
			continue
		}
		d := scenario.EditDistance(v, n)
		if d <= editLimit(v, n) && (bestD < 0 || d < bestD) {
			best, bestD = name, d
		}
	}
	return best, bestD >= 0
}

// containable reports whether a background's name is long enough that
// finding it inside a value means the value names that background: two
// Chinese characters, or four letters.
func containable(name string) bool {
	n := utf8.RuneCountInString(name)
	if hasHan(name) {
		return n >= 2
	}
	return n >= 4
}

// editLimit is the largest edit distance between a value and a known name
// that is still a slip (see [nearMiss]).
func editLimit(v, name string) int {
	n := min(utf8.RuneCountInString(v), utf8.RuneCountInString(name))
	if hasHan(v) || hasHan(name) {
		switch {
		case n < 2:
			return 0
		case n <= 5:
			return 1
		}
		return 2
	}
	if n < 4 {
		return 0
	}
	return min(n/4, 3)
}

func hasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}
