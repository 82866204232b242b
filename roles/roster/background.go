package roster

import (
	"cmp"
	"math"
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
	if n := utf8.RuneCountInString(c.text); n > maxBackground {
		c.Errorf(b.diags, "background %q is %d characters long; a background is a word or two (the kind of trainee, such as 社工 or 居民代表), at most %d characters: put the rest in the remarks column", brief(c.text), n, maxBackground)
		return "", false
	}
	if id, ok := s.ResolveBackground(c.text); ok {
		return id, false
	}
	fix := scenario.Msg("add it to the scenario's backgrounds (as an alias of the one it means) or correct the roster")
	if sug, ok := nearMiss(c.text, s); ok {
		c.Errorf(b.diags, "unknown background %q (did you mean %q?); %s", brief(c.text), sug, fix)
		return "", false
	}
	if b.strict {
		var known []string
		for _, bg := range s.Backgrounds {
			known = append(known, bg.ID+" ("+bg.Label.In(s.Language)+")")
		}
		c.Errorf(b.diags, "unknown background %q; the scenario's backgrounds are %s, each also known by its aliases; %s", brief(c.text), strings.Join(known, ", "), fix)
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
		lang, aliases := cmp.Or(b.s.Language, "en"), strings.Join(quoteAll(labels), ", ")
		if file := b.scenarioFile; file != "" {
			b.diags.Add(first.pos, scenario.SeverityWarning, scenario.Msg(
				"%s: background %q is not one the scenario knows, so it is mixed as a category of its own (%s); to name it, add {id: ..., label: {%s: %q}} under backgrounds: in %s, or add %s to the aliases of the background it is",
				first.where, label, b.t.rowsRef(rows), lang, label, file, aliases))
			continue
		}
		b.diags.Add(first.pos, scenario.SeverityWarning, scenario.Msg(
			"%s: background %q is not one the scenario knows, so it is mixed as a category of its own (%s); to name it, add {id: ..., label: {%s: %q}} under backgrounds: in the scenario, or add %s to the aliases of the background it is (a bundled scenario is edited once exported: yishi scenarios export %s DIR)",
			first.where, label, b.t.rowsRef(rows), lang, label, aliases, b.s.ID))
	}
}

func quoteAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = strconv.Quote(s)
	}
	return out
}

// rowsListed is how many rows [table.rowsRef] lists before it counts the
// rest.
const rowsListed = 10

// rowsRef names the rows (or YAML lines) n: "row 4", "rows 4, 9, 12", and
// for many rows the first few and how many more: "rows 4, 9, …, 40 and
// 25 more".
func (t *table) rowsRef(rows []int) scenario.Message {
	shown := rows[:min(len(rows), rowsListed)]
	nums := make([]string, len(shown))
	for i, r := range shown {
		nums[i] = strconv.Itoa(r)
	}
	list := strings.Join(nums, ", ")
	if more := len(rows) - len(shown); more > 0 {
		if t.lines {
			return scenario.Msg("lines %s and %d more", list, more)
		}
		return scenario.Msg("rows %s and %d more", list, more)
	}
	if t.lines {
		return scenario.Plural(len(rows), "line %[2]s", "lines %[2]s", list)
	}
	return scenario.Plural(len(rows), "row %[2]s", "rows %[2]s", list)
}

// maxBackground is the most characters a background cell may hold: a
// background is a word or two, and a longer value is a sentence put in
// the wrong column, which near-miss checks should not run on.
const maxBackground = 64

// nearMiss reports whether a background value the vocabulary lacks looks
// like a slip for one it has, and which:
//
//   - a known name (id, label or alias) with a note in brackets after or
//     before it ("社工（持证）", "(持证)社工");
//   - a known name written inside it with more around it, when that name
//     is long enough to mean that background alone (three characters,
//     four letters: "物业公司员工" holds 物业公司) or is the background's
//     label; a two-character alias inside a longer word is as often
//     another word (学校 in 学校老师, 医院 in 医院护士);
//   - or a value a small edit away from a name ("议事圆" for 议事员).
//
// A value longer than any background (see [maxBackground]) is no slip.
// The edit allowed is scaled for Chinese, where each character is a
// word's worth of meaning: none in a value of one or two characters (教师
// and 律师, 家长 and 楼长 are other words), one in a value of three to
// five, two in a longer one; and for Latin text about one letter in four.
func nearMiss(value string, s *scenario.Scenario) (string, bool) {
	if utf8.RuneCountInString(value) > maxBackground {
		return "", false
	}
	v := scenario.NormalizeName(width.Fold.String(value))
	if v == "" {
		return "", false
	}
	bare := scenario.NormalizeName(stripNotes(v))
	if bare == v {
		bare = ""
	}
	type name struct {
		text  string
		label bool
	}
	var names []name
	for _, bg := range s.Backgrounds {
		names = append(names, name{text: bg.ID})
		for _, lang := range bg.Label.Languages() {
			names = append(names, name{bg.Label[lang], true})
			// A label such as "物业负责人/物业人员" names two.
			for _, part := range strings.FieldsFunc(bg.Label[lang], isHeaderSeparator) {
				names = append(names, name{part, true})
			}
		}
		for _, a := range bg.Aliases {
			names = append(names, name{text: a})
		}
	}
	vn := utf8.RuneCountInString(v)
	const bracketed, inside = -2, -1 // the kinds of match that beat any edit
	best, bestD := "", math.MaxInt
	for _, nm := range names {
		n := scenario.NormalizeName(width.Fold.String(nm.text))
		if n == "" {
			continue
		}
		nn := utf8.RuneCountInString(n)
		switch {
		case bare != "" && n == bare:
			if bestD > bracketed {
				best, bestD = nm.text, bracketed
			}
			continue
		case nn < vn && strings.Contains(v, n) && (nm.label || containable(n)):
			// The longest name inside is the likeliest meant.
			if bestD > inside || bestD == inside && nn > utf8.RuneCountInString(best) {
				best, bestD = nm.text, inside
			}
			continue
		}
		if bestD < 0 {
			continue
		}
		limit := editLimit(v, n)
		// The edit distance is at least the difference in length.
		if abs(vn-nn) > limit {
			continue
		}
		if d := scenario.EditDistance(v, n); d <= limit && d < bestD {
			best, bestD = nm.text, d
		}
	}
	return best, bestD != math.MaxInt
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// containable reports whether a background's name is long enough that
// finding it inside a value means the value names that background: three
// Chinese characters, or four letters.
func containable(name string) bool {
	n := utf8.RuneCountInString(name)
	if hasHan(name) {
		return n >= 3
	}
	return n >= 4
}

// editLimit is the largest edit distance between a value and a known name
// that is still a slip (see [nearMiss]).
func editLimit(v, name string) int {
	if hasHan(v) || hasHan(name) {
		switch n := utf8.RuneCountInString(v); {
		case n <= 2:
			return 0
		case n <= 5:
			return 1
		}
		return 2
	}
	n := min(utf8.RuneCountInString(v), utf8.RuneCountInString(name))
	if n < 4 {
		return 0
	}
	return min(n/4, 3)
}

// suggest is [scenario.Suggest] for a value of a roster, which passes
// over a value too long to be a slip for any name, so that no edit
// distance runs on a cell of a megabyte.
func suggest(s string, candidates []string) string {
	if utf8.RuneCountInString(s) > maxBackground {
		return ""
	}
	return scenario.Suggest(s, candidates)
}

// quoteLimit is the most characters of a value that messages quote.
const quoteLimit = 40

// brief is s as messages quote it: whole when short, else its first
// characters and an ellipsis, so that a sentence pasted into a cell does
// not fill the terminal.
func brief(s string) string {
	if utf8.RuneCountInString(s) <= quoteLimit {
		return s
	}
	i := 0
	for n := 0; n < quoteLimit; n++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i] + "…"
}

func hasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}
