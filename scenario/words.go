package scenario

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Words is a table of the fixed words of yishi's output: key -> word, per
// language. Each package that writes documents keeps its own table of the
// words only it uses; [Words.In] falls back to the words every document
// shares ([Label]), so a word is written once.
type Words map[string]map[string]string

// In returns the word key in lang from the table, else from the shared
// words, else in English from the table, else [Label]'s word (the key itself
// when nobody has it).
func (w Words) In(lang, key string) string {
	if s, ok := w[lang][key]; ok {
		return s
	}
	if s, ok := labels[lang][key]; ok {
		return s
	}
	if s, ok := w["en"][key]; ok {
		return s
	}
	return Label(lang, key)
}

// OneLine folds text of several lines into one: white space runs become one
// space, and the folding space between two Chinese characters goes (see
// [TidySpaces]).
func OneLine(s string) string { return TidySpaces(strings.Join(strings.Fields(s), " ")) }

// RoleTitle is the title of the scenario's role id on one line, or the id
// when the role has no title or the scenario no such role. A space inside a
// title, as in "老住户车主 马师傅", is kept.
func (s *Scenario) RoleTitle(id string) string {
	if r, ok := s.Role(id); ok {
		return r.DisplayTitle()
	}
	return id
}

// DisplayTitle is the role's title on one line, or its id when it has none.
func (r Role) DisplayTitle() string {
	if t := strings.Join(strings.Fields(r.Title), " "); t != "" {
		return t
	}
	return r.ID
}

var (
	mdSpecial = strings.NewReplacer(
		`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "|", `\|`, "!", `\!`,
		"~", `\~`, "<", "&lt;", ">", "&gt;", "&", "&amp;",
		// GitHub's Markdown links bare addresses; an escaped colon or dot
		// reads the same and links nothing.
		"://", `\://`, "www.", `www\.`,
	)
	mdLineStart = regexp.MustCompile(`^(\d+)([.)])`)
)

// EscapeMarkdown makes user text inert in Markdown, for a line or a table
// cell: no emphasis, strike-through, links (bare addresses included),
// images, table cells or raw HTML, and nothing at the start that reads as a
// heading, list or quote. Line breaks become spaces.
func EscapeMarkdown(s string) string {
	s = mdSpecial.Replace(strings.Join(strings.Fields(s), " "))
	if s != "" && strings.ContainsRune("#-+=>~", rune(s[0])) {
		s = `\` + s
	}
	return mdLineStart.ReplaceAllString(s, `$1\$2`)
}

// TerminalSafe returns s as it can be shown on a terminal: control
// characters other than newline and tab (ESC starts the sequences that
// retitle a window, ESC ] 0 ; … BEL, or move the cursor and recolour), DEL,
// the C1 controls, the direction marks that reorder what is shown (see
// [IsBidi]) and bytes that are not UTF-8 are written out as \x1b, \x7f,
// \u009b, \u202e, \xff. Text without them is returned as it is.
func TerminalSafe(s string) string { return escapeControls(s, true) }

// TerminalSafeLine is [TerminalSafe] for text that must stay on one line,
// such as a table cell: newline and tab are written out too.
func TerminalSafeLine(s string) string { return escapeControls(s, false) }

// IsBidi reports whether r is an explicit direction mark: an embedding,
// override or isolate (U+202A–U+202E, U+2066–U+2069), or a left-to-right or
// right-to-left mark (U+200E, U+200F). In a name they reorder the text
// around it when it is printed.
func IsBidi(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F
}

func escapeControls(s string, keepLines bool) string {
	unsafe := func(r rune, size int) bool {
		switch {
		case r == utf8.RuneError && size == 1:
			return true
		case r == '\n' || r == '\t':
			return !keepLines
		case r < 0x20, r >= 0x7f && r <= 0x9f:
			return true
		}
		return IsBidi(r)
	}
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unsafe(r, size) {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case !unsafe(r, size):
			b.WriteString(s[i : i+size])
		case size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
		i += size
	}
	return b.String()
}

// Round3 rounds to three decimals, so that figures written to plans and
// reports are the same bytes on every machine.
func Round3(x float64) float64 {
	r := math.Round(x*1000) / 1000
	if r == 0 {
		return 0 // no "-0"
	}
	return r
}

// idPattern is what an id of a scenario, role, phase or dimension looks like.
var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// ValidID reports whether s is a well-formed id: lower-case letters, digits,
// "-" and "_", starting with a letter or digit.
func ValidID(s string) bool { return idPattern.MatchString(s) }
