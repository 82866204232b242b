package progress

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yishi-council/yishi/scenario"
)

// namer finds the roles a reviewer's text names. A role is named by:
//
//   - its title, whole ("Mr Zhao, flat 602 (retired, 78)", "老住户车主 马师傅");
//   - a part of its title, cut at commas, brackets and, in a title with
//     Chinese in it, at spaces ("Mr Zhao", "flat 602", "马师傅"), where the
//     part has two letters or more and no other role's title has it too —
//     a part two roles share tells neither apart;
//   - for the host and the recorder, the function's word in English and
//     in Chinese (host, 主持人; recorder, 记录员), whatever the scenario's
//     language, since a reviewer writes "the host" rather than the
//     scenario's title for the role ("Council host", "议事会主持人").
//
// Case does not matter. A name in Latin letters must stand as a word, so
// "host" is found in "the host's summary" and "hosts" but not in
// "hosting" or "ghost"; a name in Chinese, which has no spaces, is found
// anywhere. Where one role's name lies inside a longer name of another
// role ("host" in a stakeholder titled "Guest host"), only the longer
// counts. A stakeholder's function word ("stakeholder") names no one.
type namer struct {
	list []roleName
}

// roleName is one name of one role, lower-cased.
type roleName struct {
	role string
	text string
}

// namingFunctions are the role functions whose word names the role.
var namingFunctions = []string{scenario.FunctionHost, scenario.FunctionRecorder}

func newNamer(s *scenario.Scenario) *namer {
	parts := map[string][]string{} // lower-cased part -> the roles whose title has it
	n := &namer{}
	seen := map[roleName]bool{}
	add := func(role, text string) {
		rn := roleName{role: role, text: strings.ToLower(text)}
		if rn.text == "" || seen[rn] {
			return
		}
		seen[rn] = true
		n.list = append(n.list, rn)
	}
	for _, r := range s.Roles {
		title := r.DisplayTitle()
		add(r.ID, title)
		for _, p := range titleParts(title) {
			k := strings.ToLower(p)
			if !contains(parts[k], r.ID) {
				parts[k] = append(parts[k], r.ID)
			}
		}
		for _, fn := range namingFunctions {
			if r.Function == fn {
				add(r.ID, scenario.Label("en", fn))
				add(r.ID, scenario.Label("zh", fn))
			}
		}
	}
	keys := make([]string, 0, len(parts))
	for k := range parts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if len(parts[k]) == 1 {
			add(parts[k][0], k)
		}
	}
	return n
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// titleParts cuts a role's title into the parts a reviewer may name it
// by; see [namer].
func titleParts(title string) []string {
	wide := false
	for _, r := range title {
		if scenario.IsWide(r) {
			wide = true
			break
		}
	}
	cut := func(r rune) bool {
		return strings.ContainsRune(",，、;；:：()（）[]【】/", r) || (wide && unicode.IsSpace(r))
	}
	var out []string
	for _, p := range strings.FieldsFunc(title, cut) {
		p = strings.TrimSpace(p)
		if p == title || letters(p) < 2 {
			continue
		}
		out = append(out, p)
	}
	return out
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// span is where one name of a role stands in a text.
type span struct {
	role     string
	from, to int
}

// names reports whether text names the role.
func (n *namer) names(text, role string) bool {
	lower := strings.ToLower(text)
	var spans []span
	for _, rn := range n.list {
		for from := 0; from < len(lower); {
			i := strings.Index(lower[from:], rn.text)
			if i < 0 {
				break
			}
			i += from
			j := i + len(rn.text)
			if bounded(lower, i, j) {
				spans = append(spans, span{rn.role, i, j})
			}
			_, size := utf8.DecodeRuneInString(lower[i:])
			from = i + size
		}
	}
	for _, sp := range spans {
		if sp.role != role {
			continue
		}
		inside := false
		for _, o := range spans {
			if o.role != role && o.from <= sp.from && sp.to <= o.to && o.to-o.from > sp.to-sp.from {
				inside = true
				break
			}
		}
		if !inside {
			return true
		}
	}
	return false
}

// bounded reports whether text[i:j] stands as a word: a name in Latin
// letters may not run on into letters or digits on either side (a final
// "s", as in "hosts", is allowed), while a Chinese character on either
// side of the boundary needs no space.
func bounded(text string, i, j int) bool {
	joins := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' }
	first, _ := utf8.DecodeRuneInString(text[i:])
	last, _ := utf8.DecodeLastRuneInString(text[:j])
	if i > 0 {
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		if !scenario.IsWide(first) && !scenario.IsWide(before) && joins(before) {
			return false
		}
	}
	if j < len(text) {
		after, size := utf8.DecodeRuneInString(text[j:])
		if after == 's' && unicode.IsLetter(last) && !scenario.IsWide(last) {
			if j+size == len(text) {
				return true
			}
			after, _ = utf8.DecodeRuneInString(text[j+size:])
		}
		if !scenario.IsWide(last) && !scenario.IsWide(after) && joins(after) {
			return false
		}
	}
	return true
}
