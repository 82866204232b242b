// Package messages is the CLI's message catalogue: every text yishi prints
// for people, kept in English (the key) and in simplified Chinese, and the
// [Printer] that renders a format, a [scenario.Message], a
// [scenario.Diagnostic] or an error in the reader's language.
//
// The English format is the key, as the format is written at the call site:
// a message without a Chinese entry is printed in English, and a test of
// this package fails naming it. The catalogue is a
// [golang.org/x/text/message/catalog.Builder]; a Printer looks the format up
// there and formats with package fmt, so that numbers (seeds, ids, counts)
// are printed as typed, never with digit grouping.
package messages

import (
	"fmt"
	"sort"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message/catalog"

	"github.com/yishi-council/yishi/scenario"
)

// Language is a language the CLI speaks.
type Language string

// The languages of the CLI.
const (
	English Language = "en"
	Chinese Language = "zh"
)

// Languages are the values --lang takes.
var Languages = []Language{Chinese, English}

// Tag is the language's BCP 47 tag: zh-Hans for Chinese.
func (l Language) Tag() language.Tag {
	if l == Chinese {
		return language.SimplifiedChinese
	}
	return language.English
}

// Parse reads a --lang value: zh or en, in any case.
func Parse(s string) (Language, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "zh":
		return Chinese, true
	case "en":
		return English, true
	}
	return "", false
}

// FromLocale reads a POSIX locale such as zh_CN.UTF-8, zh_TW or zh-Hans:
// any Chinese locale is Chinese; C, POSIX, en_US.UTF-8 and anything else
// are English.
func FromLocale(s string) Language {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "zh" || strings.HasPrefix(s, "zh_") || strings.HasPrefix(s, "zh-") || strings.HasPrefix(s, "zh.") || strings.HasPrefix(s, "zh@") {
		return Chinese
	}
	return English
}

// Detect chooses the language: the --lang value when given (lang is then
// known to parse), else the first non-empty of LC_ALL, LC_MESSAGES and
// LANG, as POSIX orders them, else English.
func Detect(lang string, getenv func(string) string) Language {
	if l, ok := Parse(lang); ok {
		return l
	}
	if getenv == nil {
		return English
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := getenv(v); s != "" {
			return FromLocale(s)
		}
	}
	return English
}

// LangArg finds the --lang value in a command line before it is parsed,
// so that help texts can be built in that language: "--lang zh",
// "--lang=zh". It stops at "--". ok is false when --lang is not given.
func LangArg(args []string) (value string, ok bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		if v, found := strings.CutPrefix(a, "--lang="); found {
			value, ok = v, true
			continue
		}
		if a == "--lang" && i+1 < len(args) {
			value, ok = args[i+1], true
			i++
		}
	}
	return value, ok
}

// cat is the catalogue: the Chinese table, and the texts of the system.
var cat = func() *catalog.Builder {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for _, tbl := range []map[string]string{zh, zhSystem} {
		for k, v := range tbl {
			if err := b.SetString(language.SimplifiedChinese, k, v); err != nil {
				panic(err)
			}
		}
	}
	return b
}()

// raw receives a catalogue entry as it is written, for package fmt to
// format: the catalogue's own printer would group digits.
type raw struct{ s string }

func (r *raw) Render(s string) { r.s += s }
func (r *raw) Arg(i int) any   { return nil }
func (r *raw) reset()          { r.s = "" }
func (r *raw) String() string  { return r.s }
func (r *raw) lookup(c *catalog.Context, key string) (string, bool) {
	r.reset()
	if err := c.Execute(key); err != nil {
		return "", false
	}
	return r.s, true
}

// Lookup returns the entry of format in lang, and whether there is one.
// English has no table: its entries are the keys.
func Lookup(lang Language, format string) (string, bool) {
	if lang == English {
		return format, true
	}
	r := &raw{}
	return r.lookup(cat.Context(lang.Tag(), r), format)
}

// Printer prints messages in one language.
type Printer struct {
	lang Language
}

// For returns the printer of lang.
func For(lang Language) *Printer {
	if lang != Chinese {
		lang = English
	}
	return &Printer{lang: lang}
}

// Language is the printer's language.
func (p *Printer) Language() Language { return p.lang }

// format is the entry of a format in the printer's language. Leading and
// trailing blank space and newlines are the call site's layout, not the
// message: "\nwrote %s\n" is looked up as "wrote %s". A format without
// an entry is used as it is.
func (p *Printer) format(format string) string {
	if p.lang == English {
		return format
	}
	if t, ok := Lookup(p.lang, format); ok {
		return t
	}
	core := strings.Trim(format, " \n")
	if core == "" || core == format {
		return format
	}
	if t, ok := Lookup(p.lang, core); ok {
		i := strings.Index(format, core)
		after := format[i+len(core):]
		if endsFullWidth(t) {
			// "warning: " is "警告：": no space after a full-width colon.
			after = strings.TrimLeft(after, " ")
		}
		return format[:i] + t + after
	}
	return format
}

// endsFullWidth reports whether s ends with full-width punctuation, after
// which Chinese puts no space.
func endsFullWidth(s string) bool {
	for _, p := range []string{"：", "，", "；", "、", "（", "。"} {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

// T is a text with no arguments in the printer's language, such as a help
// text; a %% in it stays as written.
func (p *Printer) T(text string) string { return p.format(text) }

// Sprintf formats in the printer's language: the format is looked up in
// the catalogue, and every [scenario.Message] and error among the args is
// printed in the same language first. %w is printed as %v.
func (p *Printer) Sprintf(format string, args ...any) string {
	f := p.format(format)
	if len(args) == 0 {
		if !strings.Contains(f, "%") {
			return f
		}
	}
	return fmt.Sprintf(noW(f), p.Args(args)...)
}

// Args renders the [scenario.Message] and error arguments among args in
// the printer's language, leaving the others as they are.
func (p *Printer) Args(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case scenario.Message:
			out[i] = p.Message(v)
		case *scenario.Message:
			out[i] = p.Message(*v)
		case error:
			out[i] = p.Error(v)
		default:
			out[i] = a
		}
	}
	return out
}

// noW turns the %w of an error format into %v, which Sprintf knows.
func noW(f string) string {
	if !strings.Contains(f, "%w") {
		return f
	}
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		b.WriteByte(f[i])
		if f[i] != '%' {
			continue
		}
		if i+1 < len(f) && f[i+1] == '%' {
			b.WriteByte('%')
			i++
			continue
		}
		// Flags, an index, width and precision, then the verb.
		j := i + 1
		for j < len(f) && strings.IndexByte("+-# 0123456789.[]*", f[j]) >= 0 {
			j++
		}
		b.WriteString(f[i+1 : j])
		if j < len(f) {
			if f[j] == 'w' {
				b.WriteByte('v')
			} else {
				b.WriteByte(f[j])
			}
		}
		i = j
	}
	return b.String()
}

// Message renders m in the printer's language.
func (p *Printer) Message(m scenario.Message) string {
	if p.lang == English {
		return m.String()
	}
	return p.Sprintf(m.Format, m.Args...)
}

// Diagnostic is the text of d in the printer's language: its Text when it
// has one, else its English Message.
//
// A format with no words ("%s: %s") is a message another package joined
// from English texts before handing it over; its text arguments are read
// back with [Printer.FromEnglish].
func (p *Printer) Diagnostic(d scenario.Diagnostic) string {
	if d.Text.Format == "" {
		return p.FromEnglish(d.Message)
	}
	if p.lang != English && !HasWords(d.Text.Format) {
		args := make([]any, len(d.Text.Args))
		for i, a := range d.Text.Args {
			if s, ok := a.(string); ok {
				a = p.FromEnglish(s)
			}
			args[i] = a
		}
		return p.Sprintf(d.Text.Format, args...)
	}
	return p.Message(d.Text)
}

// Error is an error that keeps its text as a [scenario.Message], so that a
// printer can show it in the reader's language. Its Error method gives the
// English text, with the errors that its format wraps with %w.
type Error struct {
	Text scenario.Message
	err  error
}

// Errorf is fmt.Errorf for a message of the catalogue: it wraps what %w
// names, and a [Printer] prints it in its language.
func Errorf(format string, args ...any) error {
	return &Error{Text: scenario.Msg(format, args...), err: fmt.Errorf(format, args...)}
}

func (e *Error) Error() string { return e.err.Error() }

// Unwrap returns the errors the format wraps.
func (e *Error) Unwrap() []error {
	switch u := e.err.(type) {
	case interface{ Unwrap() []error }:
		return u.Unwrap()
	case interface{ Unwrap() error }:
		return []error{u.Unwrap()}
	}
	return nil
}

// Texter is an error that keeps its text as a [scenario.Message].
type Texter interface {
	error
	Message() scenario.Message
}

// Message is the error's text, for a [Printer].
func (e *Error) Message() scenario.Message { return e.Text }

// Error renders err in the printer's language. English is err.Error() as
// it is. In Chinese, an error that keeps its text ([Texter]) is printed
// from it; an error of the file system has its operation and reason
// translated and its path kept; any other error is matched against the
// catalogue's English formats (see [Printer.FromEnglish]).
func (p *Printer) Error(err error) string {
	if err == nil {
		return ""
	}
	if p.lang == English {
		return err.Error()
	}
	if t, ok := err.(Texter); ok {
		return p.Message(t.Message())
	}
	if s, ok := p.systemError(err); ok {
		return s
	}
	return p.FromEnglish(err.Error())
}

// Table returns a copy of the Chinese table, by English format, for tests
// of the catalogue's completeness.
func Table() map[string]string {
	out := map[string]string{}
	for k, v := range zh {
		out[k] = v
	}
	return out
}

// SameVerbs checks that a translation prints the same arguments with the
// same verbs as its English format, in any order: each argument the same
// number of times, with the same letter (%w and %v count as one, and so
// do %q and a “%s” in full-width quotes). It returns what differs, or "".
func SameVerbs(en, tr string) string {
	count := func(f string) map[string]int {
		m := map[string]int{}
		for _, v := range parseVerbs(f) {
			k := v.kind
			if k == 'w' {
				k = 'v'
			}
			// Chinese quotes a sheet's name as 工作表“第1轮”: “%s” stands
			// for the English %q.
			if k == 's' && strings.HasSuffix(f[:v.start], "“") && strings.HasPrefix(f[v.end:], "”") {
				k = 'q'
			}
			m[fmt.Sprintf("%%[%d]%c", v.arg+1, k)]++
		}
		return m
	}
	a, b := count(en), count(tr)
	var diff []string
	for k, n := range a {
		if b[k] != n {
			diff = append(diff, fmt.Sprintf("%s: %d in English, %d in the translation", k, n, b[k]))
		}
	}
	for k, n := range b {
		if _, ok := a[k]; !ok {
			diff = append(diff, fmt.Sprintf("%s: 0 in English, %d in the translation", k, n))
		}
	}
	sort.Strings(diff)
	return strings.Join(diff, "; ")
}

// HasWords reports whether a format holds words to translate: "%s: %w"
// and "%d" do not.
func HasWords(f string) bool {
	at := 0
	for _, v := range append(parseVerbs(f), verb{start: len(f), end: len(f)}) {
		for _, r := range f[at:v.start] {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				return true
			}
		}
		at = v.end
	}
	return false
}

// SystemTable returns a copy of the Chinese of the operating system's
// words (see [Printer.Error]).
func SystemTable() map[string]string {
	out := map[string]string{}
	for k, v := range zhSystem {
		out[k] = v
	}
	return out
}
