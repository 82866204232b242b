package messages

import (
	"errors"
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"syscall"
)

// verb is one formatting verb of a format: the argument it prints
// (0-based) and its letter.
type verb struct {
	arg        int
	kind       byte
	start, end int // the verb's bytes in the format, % included
}

// parseVerbs lists the verbs of a format in order, with the argument each
// prints as package fmt counts them: one after another, or as an explicit
// index %[2]s says. %% is not a verb, nor is a % before a character that
// is not a letter.
func parseVerbs(f string) []verb {
	var out []verb
	next := 0
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		start := i
		i++
		if i < len(f) && f[i] == '%' {
			continue
		}
		arg := -1
		for i < len(f) {
			c := f[i]
			if c == '[' {
				j := strings.IndexByte(f[i:], ']')
				if j < 0 {
					break
				}
				n := 0
				for _, d := range f[i+1 : i+j] {
					if d >= '0' && d <= '9' {
						n = n*10 + int(d-'0')
					}
				}
				arg = n - 1
				i += j + 1
				continue
			}
			if strings.IndexByte("+-# 0123456789.*", c) >= 0 {
				i++
				continue
			}
			break
		}
		if i >= len(f) {
			break
		}
		if c := f[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			// "Z%)" in a help text: a verb is a letter, so this is a
			// percent sign, not an argument.
			continue
		}
		if arg < 0 {
			arg = next
		}
		next = arg + 1
		out = append(out, verb{arg: arg, kind: f[i], start: start, end: i + 1})
	}
	return out
}

// pattern is an English format turned into a regular expression that
// matches the texts it formats, to read their arguments back.
type pattern struct {
	key    string
	re     *regexp.Regexp
	lit    int    // how many bytes of the format are not verbs: more is more specific
	args   []int  // the argument of each capture
	kinds  []byte // the verb of each capture
	spaced []bool // whether each capture stands between spaces, as a word of the sentence
}

var (
	patternsOnce sync.Once
	patterns     []pattern
)

func compilePatterns() {
	for _, tbl := range []map[string]string{zh} {
		for k := range tbl {
			vs := parseVerbs(k)
			if len(vs) == 0 {
				continue
			}
			var b strings.Builder
			b.WriteString(`(?s)^`)
			at, lit := 0, 0
			pt := pattern{key: k}
			for i, v := range vs {
				seg := strings.ReplaceAll(k[at:v.start], "%%", "%")
				lit += len(seg)
				b.WriteString(regexp.QuoteMeta(seg))
				switch {
				case v.kind == 'd':
					b.WriteString(`(-?[0-9]+)`)
				case v.kind == 'q':
					b.WriteString(`("(?:[^"\\]|\\.)*")`)
				case i+1 < len(vs) && k[v.end:vs[i+1].start] == " ":
					// "%s %s": words then a word; the first takes all but the last.
					b.WriteString(`(.+)`)
				case i == 0 && v.start == 0, i == len(vs)-1 && v.end == len(k):
					// A text at either end holds no other text joined to it
					// by "; " or a new line: those are split first.
					b.WriteString(`((?:[^;\n]|;[^ \n])+?)`)
				default:
					b.WriteString(`(.+?)`)
				}
				pt.args = append(pt.args, v.arg)
				pt.kinds = append(pt.kinds, v.kind)
				pt.spaced = append(pt.spaced, (v.start == 0 || k[v.start-1] == ' ') && v.end < len(k) && k[v.end] == ' ')
				at = v.end
			}
			seg := strings.ReplaceAll(k[at:], "%%", "%")
			lit += len(seg)
			b.WriteString(regexp.QuoteMeta(seg))
			b.WriteString(`$`)
			if lit < 4 {
				continue // "%s: %s" would match anything
			}
			re, err := regexp.Compile(b.String())
			if err != nil {
				continue
			}
			pt.re, pt.lit = re, lit
			patterns = append(patterns, pt)
		}
	}
	sort.Slice(patterns, func(i, j int) bool {
		if patterns[i].lit != patterns[j].lit {
			return patterns[i].lit > patterns[j].lit
		}
		return patterns[i].key < patterns[j].key
	})
}

// FromEnglish translates a text another package formatted in English from
// a format of the catalogue, such as a plan's warning or an error made
// with fmt.Errorf: the text is matched against the English formats, the
// most specific first, and the arguments read back are put into the
// Chinese entry, themselves translated when they are text. A text that
// matches no format is returned as it is.
func (p *Printer) FromEnglish(s string) string {
	if p.lang == English || s == "" {
		return s
	}
	return p.fromEnglish(s, 0)
}

func (p *Printer) fromEnglish(s string, depth int) string {
	if t, ok := Lookup(p.lang, s); ok && len(parseVerbs(s)) == 0 {
		return strings.ReplaceAll(t, "%%", "%")
	}
	if t, ok := p.systemText(s); ok {
		return t
	}
	patternsOnce.Do(compilePatterns)
	for _, pt := range patterns {
		m := pt.re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		vals := map[int]string{}
		for i, a := range pt.args {
			if _, seen := vals[a]; seen {
				continue
			}
			v := m[i+1]
			// Words are translated too. A lone word is an id (a role, a
			// header) unless it stands between spaces in the sentence and
			// the catalogue has it as a word, as it has the columns every
			// roster has: "trainees with background "x"".
			switch {
			case depth >= 4 || pt.kinds[i] == 'q' || pt.kinds[i] == 'd':
			case isWord(v):
				if t, ok := Lookup(p.lang, v); ok && pt.spaced[i] && !strings.Contains(t, "%") {
					v = t
				}
			default:
				v = p.fromEnglish(v, depth+1)
			}
			vals[a] = v
		}
		t, _ := Lookup(p.lang, pt.key)
		return substitute(t, vals)
	}
	if depth < 4 {
		if t, ok := p.fromEnglishParts(s, depth); ok {
			return t
		}
	}
	return s
}

// fromEnglishParts translates a text that is several texts joined, as
// packages join problems: by lines, by "; " and by a "head: rest". It
// reports false when no part was translated.
func (p *Printer) fromEnglishParts(s string, depth int) (string, bool) {
	for _, sep := range []struct{ en, zh string }{{"\n  ", "\n  "}, {"; ", "；"}} {
		if !strings.Contains(s, sep.en) {
			continue
		}
		parts := strings.Split(s, sep.en)
		changed := false
		for i, part := range parts {
			if t := p.fromEnglish(part, depth+1); t != part {
				parts[i], changed = t, true
			}
		}
		if changed {
			return strings.Join(parts, sep.zh), true
		}
	}
	if head, rest, ok := strings.Cut(s, ": "); ok {
		h, r := p.fromEnglish(head, depth+1), p.fromEnglish(rest, depth+1)
		if h != head || r != rest {
			sep := ": "
			if h != head {
				sep = "："
			}
			return h + sep + r, true
		}
	}
	return "", false
}

// isWord reports whether s is one word of ASCII letters, digits, '-' and
// '_': an id.
func isWord(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return s != ""
}

// substitute writes the values read back into a translated format, in
// place of its verbs. A verb of precision 0 (%.0s) prints nothing, as in
// fmt: a translation drops an English word such as "has" with it.
func substitute(f string, vals map[int]string) string {
	var b strings.Builder
	at := 0
	for _, v := range parseVerbs(f) {
		b.WriteString(strings.ReplaceAll(f[at:v.start], "%%", "%"))
		if !strings.Contains(f[v.start:v.end], ".0") {
			b.WriteString(vals[v.arg])
		}
		at = v.end
	}
	b.WriteString(strings.ReplaceAll(f[at:], "%%", "%"))
	return b.String()
}

// The reasons of the file system a user meets, by the error they match.
var systemReasons = []struct {
	err  error
	text string
}{
	{fs.ErrNotExist, "no such file or directory"},
	{fs.ErrPermission, "permission denied"},
	{fs.ErrExist, "file exists"},
	{syscall.EISDIR, "is a directory"},
	{syscall.ENOTDIR, "not a directory"},
	{syscall.ENOSPC, "no space left on device"},
	{syscall.EROFS, "read-only file system"},
	{syscall.ENOTEMPTY, "directory not empty"},
}

// reason is the Chinese of an error of the file system without its path.
func (p *Printer) reason(err error) string {
	for _, r := range systemReasons {
		if errors.Is(err, r.err) {
			t, _ := Lookup(p.lang, r.text)
			return t
		}
	}
	if t, ok := Lookup(p.lang, err.Error()); ok {
		return t
	}
	return err.Error()
}

// operation is the Chinese of an operation of the file system.
func (p *Printer) operation(op string) string {
	if t, ok := Lookup(p.lang, "op "+op); ok {
		return t
	}
	return op
}

// systemError translates the errors of package os: "open x: no such file
// or directory" is "打开 x 失败：文件或文件夹不存在", the path kept.
func (p *Printer) systemError(err error) (string, bool) {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe == err {
		return p.Sprintf("system: %s %s: %v", trusted(p.operation(pe.Op)), pe.Path, trusted(p.reason(pe.Err))), true
	}
	var le *os.LinkError
	if errors.As(err, &le) && le == err {
		return p.Sprintf("system: %s %s %s: %v", trusted(p.operation(le.Op)), le.Old, le.New, trusted(p.reason(le.Err))), true
	}
	var se *os.SyscallError
	if errors.As(err, &se) && se == err {
		return p.reason(se.Err), true
	}
	var en syscall.Errno
	if errors.As(err, &en) && error(en) == err {
		return p.reason(en), true
	}
	return "", false
}

// trusted keeps a translated word from being looked up again.
type trusted string

var systemLine = regexp.MustCompile(`^(open|read|write|stat|lstat|mkdir|remove|rename|readdirent|fdopendir|openat|unlinkat|chmod|sync|close) (.+): ([a-z][a-z -]+)$`)

// systemText translates the text of an error of the file system when it
// is all there is, such as "open x: permission denied" inside a message,
// or a bare reason such as "permission denied".
func (p *Printer) systemText(s string) (string, bool) {
	for _, r := range systemReasons {
		if s == r.text {
			t, _ := Lookup(p.lang, r.text)
			return t, true
		}
	}
	m := systemLine.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	reason := m[3]
	for _, r := range systemReasons {
		if reason == r.text {
			t, _ := Lookup(p.lang, r.text)
			return p.Sprintf("system: %s %s: %v", trusted(p.operation(m[1])), m[2], trusted(t)), true
		}
	}
	return "", false
}
