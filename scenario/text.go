package scenario

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// Languages are the languages yishi speaks: English and Chinese.
var Languages = []string{"en", "zh"}

// Text is text that may be given in one language or in several. In YAML it
// is either a plain string or a mapping from a language code to a string:
//
//	title: Organization of the meeting
//	title: {en: Organization of the meeting, zh: 会议组织}
//
// A plain string is stored under the empty key and serves every language.
type Text map[string]string

// In returns the text in lang, falling back to the plain string, then to
// English, then to Chinese.
func (t Text) In(lang string) string {
	for _, k := range []string{lang, "", "en", "zh"} {
		if s, ok := t[k]; ok && s != "" {
			return s
		}
	}
	return ""
}

// IsZero reports whether the text is empty in every language.
func (t Text) IsZero() bool {
	for _, s := range t {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

// MarshalYAML writes a single-language text as a plain string.
func (t Text) MarshalYAML() (any, error) {
	if len(t) == 1 {
		if s, ok := t[""]; ok {
			return s, nil
		}
	}
	return map[string]string(t), nil
}

func (t *Text) decodeNode(d *decoder, n *yaml.Node, path string) {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return
		}
		value := n.Value
		if n.Style&yaml.FoldedStyle != 0 {
			value = TidySpaces(value)
		}
		*t = Text{"": value}
	case yaml.MappingNode:
		out := Text{}
		bad := false
		for i := 0; i+1 < len(n.Content); i += 2 {
			if !d.spend(n.Content[i]) {
				return
			}
			k, v := d.resolve(n.Content[i]), d.resolve(n.Content[i+1])
			if _, dup := out[k.Value]; dup {
				d.errorf(k, "%s: language %q is given twice", displayPath(path), k.Value)
				bad = true
				continue
			}
			if k.Value != "en" && k.Value != "zh" {
				d.errorf(k, "%s: unknown language %q (use en or zh)", displayPath(path), k.Value)
				bad = true
				continue
			}
			if v.Kind != yaml.ScalarNode {
				d.errorf(v, "%s.%s: expected text, got %s", displayPath(path), k.Value, describe(v))
				bad = true
				continue
			}
			value := v.Value
			if v.Style&yaml.FoldedStyle != 0 {
				value = TidySpaces(value)
			}
			out[k.Value] = value
		}
		if bad && out.IsZero() {
			d.failed[path] = true // reported already: not missing too
		}
		*t = out
	default:
		d.typeErrorf(n, path, "%s: expected text or {en: ..., zh: ...}, got %s", displayPath(path), describe(n))
	}
}

// Languages returns the language codes the text is given in, sorted; a
// plain string is reported as "".
func (t Text) Languages() []string {
	out := make([]string, 0, len(t))
	for k := range t {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Duration is a span of meeting time, written in YAML as "60m", "1h30m",
// "90min", "90分钟" or a bare number of minutes.
type Duration time.Duration

// Minutes returns the duration in whole minutes, rounded down.
func (d Duration) Minutes() int { return int(time.Duration(d) / time.Minute) }

// String formats the duration as minutes, such as "90m".
func (d Duration) String() string {
	if time.Duration(d)%time.Minute != 0 {
		return time.Duration(d).String()
	}
	return strconv.Itoa(d.Minutes()) + "m"
}

// MarshalText writes the duration the way it is read.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// ParseDuration reads a meeting duration: "60m", "1h30m", "90min", "90分钟"
// or a bare number of minutes.
func ParseDuration(in string) (Duration, error) {
	s := strings.TrimSpace(in)
	if s == "" {
		return 0, fmt.Errorf("missing; give a duration such as 60m or 1h30m")
	}
	for _, suffix := range []string{"分钟", "mins", "min"} {
		if strings.HasSuffix(s, suffix) {
			s = strings.TrimSpace(strings.TrimSuffix(s, suffix)) + "m"
			break
		}
	}
	if n, err := strconv.Atoi(s); err == nil {
		s = strconv.Itoa(n) + "m"
	} else if errors.Is(err, strconv.ErrRange) {
		return 0, tooLong(in)
	}
	v, err := time.ParseDuration(s)
	if err != nil && durationForm.MatchString(s) {
		return 0, tooLong(in) // well formed, so too long for a clock
	}
	if err != nil || v < 0 {
		return 0, fmt.Errorf("expected a duration such as 60m or 1h30m, got %q", in)
	}
	return Duration(v), nil
}

// durationForm is what time.ParseDuration reads, without a sign.
var durationForm = regexp.MustCompile(`^(?:[0-9]+(?:\.[0-9]*)?(?:h|m|s|ms|us|µs|ns))+$`)

func tooLong(in string) error {
	return fmt.Errorf("%q is more than a drill can use (at most %s)", strings.TrimSpace(in), drillLimitText)
}

func (d *Duration) decodeNode(dec *decoder, n *yaml.Node, path string) {
	if n.Kind != yaml.ScalarNode {
		dec.typeErrorf(n, path, "%s: expected a duration such as 25m, got %s", displayPath(path), describe(n))
		return
	}
	v, err := ParseDuration(n.Value)
	if err != nil {
		dec.typeErrorf(n, path, "%s: %v", displayPath(path), err)
		return
	}
	*d = v
}

// IsWide reports whether r is a Chinese character or punctuation Chinese
// text uses (full-width marks, curly quotes, the ellipsis and dash), which
// are written without spaces between them.
func IsWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef) ||
		(r >= 0x2018 && r <= 0x201d) || r == 0x2026 || r == 0x2014
}

// TidySpaces drops a space between two Chinese characters. YAML folds the
// lines of a `>` block with a space, which Chinese does not write; yishi
// applies it to every folded value it reads. Spaces a trainer typed on one
// line, as in "新能源车主 小刘", are kept.
func TidySpaces(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	r := []rune(s)
	var b strings.Builder
	for i, c := range r {
		if c == ' ' && i > 0 && i+1 < len(r) && IsWide(r[i-1]) && IsWide(r[i+1]) {
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}
