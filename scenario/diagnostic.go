package scenario

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// ErrInvalid is wrapped by every error that reports a problem in a user's
// file, so that callers can tell invalid input (exit code 1) from other
// failures with errors.Is.
var ErrInvalid = errors.New("invalid input")

// MessageError is invalid input that is not a problem at a place in a
// file: a round or group a plan does not have, a reviewer named twice, a
// format or paper that does not exist. It keeps its text as a [Message],
// so that a catalogue can print it in the reader's language; its Error
// method gives the English after "invalid input: ", as an error wrapping
// [ErrInvalid] reads.
type MessageError struct {
	Text Message
}

// Invalid returns a [*MessageError] with the text m. Its format is a
// literal at the call site, scenario.Msg("...", ...), as every catalogue
// key is.
func Invalid(m Message) error { return &MessageError{Text: m} }

func (e *MessageError) Error() string { return ErrInvalid.Error() + ": " + e.Text.String() }

// Unwrap returns [ErrInvalid].
func (e *MessageError) Unwrap() error { return ErrInvalid }

// Message is the error's text, for a catalogue.
func (e *MessageError) Message() Message { return e.Text }

// FileError is why a file could not be opened or read, for a message that
// names the file already: the reason of an [fs.PathError] ("no such file
// or directory", not the path again), which a catalogue knows as the
// system's words, or err itself. Pass it as an argument:
// diags.Errorf(pos, "%v", FileError(err)).
func FileError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Pos is a place in a file: the file name and a 1-based line and column.
// A zero Line means the place is the whole file. In a workbook, Line and
// Col are a cell's Excel row and column (A is 1), and Sheet is the 0-based
// index of its sheet in the workbook's order: the messages name the sheet,
// and [Diagnostics.Sort] keeps the sheets in that order (第2轮 before
// 第10轮) rather than the order of their names.
type Pos struct {
	File  string `json:"file"`
	Sheet int    `json:"-"`
	Line  int    `json:"line,omitempty"`
	Col   int    `json:"column,omitempty"`
}

// String formats the position as file:line:col, leaving out what is unknown.
func (p Pos) String() string {
	s := p.File
	if s == "" {
		s = "-"
	}
	if p.Line > 0 {
		s += fmt.Sprintf(":%d", p.Line)
		if p.Col > 0 {
			s += fmt.Sprintf(":%d", p.Col)
		}
	}
	return s
}

// Severity tells an error, which makes a file unusable, from a warning,
// which a trainer should read but which does not stop the drill.
type Severity int

const (
	// SeverityError marks a problem that makes the file unusable.
	SeverityError Severity = iota
	// SeverityWarning marks a problem worth a look that does not stop the drill.
	SeverityWarning
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == SeverityWarning {
		return "warning"
	}
	return "error"
}

// MarshalText renders the severity as its name in JSON output.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one problem found in a file.
type Diagnostic struct {
	Pos      Pos      `json:"pos"`
	Severity Severity `json:"severity"`
	// Message is the problem in English.
	Message string `json:"message"`
	// Text is the same problem as a format and arguments, for a catalogue
	// to print in the reader's language.
	Text Message `json:"-"`
	// Check is the lint check that found the problem, such as passenger,
	// for a lint.ignore entry to name; empty for validation's own.
	Check string `json:"check,omitempty"`
}

// String formats the diagnostic as "file:line:col: message", with a
// "warning: " prefix on warnings.
func (d Diagnostic) String() string {
	if d.Severity == SeverityWarning {
		return d.Pos.String() + ": warning: " + d.Message
	}
	return d.Pos.String() + ": " + d.Message
}

// Diagnostics is a list of problems, kept in file, line, column order by
// [Diagnostics.Sort]. It follows go/scanner.ErrorList: the zero value is
// ready to use and [Diagnostics.Err] is nil when there are no errors.
type Diagnostics []Diagnostic

// Errorf records an error at pos.
func (l *Diagnostics) Errorf(pos Pos, format string, args ...any) {
	l.Add(pos, SeverityError, Msg(format, args...))
}

// Warnf records a warning at pos.
func (l *Diagnostics) Warnf(pos Pos, format string, args ...any) {
	l.Add(pos, SeverityWarning, Msg(format, args...))
}

// Add records a message of the given severity at pos.
func (l *Diagnostics) Add(pos Pos, sev Severity, m Message) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: sev, Message: m.String(), Text: m})
}

// Sort orders the list by file, sheet, line, column, then errors before
// warnings, and drops exact duplicates.
func (l *Diagnostics) Sort() {
	s := *l
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Sheet != b.Pos.Sheet {
			return a.Pos.Sheet < b.Pos.Sheet
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		return a.Message < b.Message
	})
	out := s[:0]
	for i, d := range s {
		if i > 0 && d.Pos == s[i-1].Pos && d.Severity == s[i-1].Severity && d.Message == s[i-1].Message {
			continue
		}
		out = append(out, d)
	}
	*l = out
}

// MaxProblemsPerFile is how many errors, and how many warnings, of one
// file [Diagnostics.Cap] keeps: more than a person fixes before running
// again, and few enough to read.
const MaxProblemsPerFile = 100

// Cap sorts the list and keeps, of each file, the first max errors and the
// first max warnings; the rest of each are one diagnostic of their
// severity, "and N more problems in this file", at the first of them, so
// that it comes after those kept. Readers call it on what they found in a
// file, so that a sheet with thousands of bad rows prints a page, not all
// of them.
func (l *Diagnostics) Cap(max int) {
	l.Sort()
	type key struct {
		file string
		sev  Severity
	}
	var (
		kept  = map[key]int{}
		more  = map[key]int{}
		first = map[key]Pos{}
		out   Diagnostics
	)
	for _, d := range *l {
		k := key{d.Pos.File, d.Severity}
		if kept[k] < max {
			kept[k]++
			out = append(out, d)
			continue
		}
		if more[k] == 0 {
			first[k] = d.Pos
		}
		more[k]++
	}
	if len(more) == 0 {
		return
	}
	for k, n := range more {
		if k.sev == SeverityWarning {
			out.Add(first[k], k.sev, Plural(n, "and %d more warning in this file", "and %d more warnings in this file"))
		} else {
			out.Add(first[k], k.sev, Plural(n, "and %d more problem in this file", "and %d more problems in this file"))
		}
	}
	out.Sort()
	*l = out
}

// HasErrors reports whether any diagnostic is an error.
func (l Diagnostics) HasErrors() bool {
	for _, d := range l {
		if d.Severity == SeverityError {
			return true
		}
	}
	return false
}

// Errors returns only the errors.
func (l Diagnostics) Errors() Diagnostics { return l.filter(SeverityError) }

// Warnings returns only the warnings.
func (l Diagnostics) Warnings() Diagnostics { return l.filter(SeverityWarning) }

func (l Diagnostics) filter(s Severity) Diagnostics {
	var out Diagnostics
	for _, d := range l {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Error joins the errors and warnings one per line.
func (l Diagnostics) Error() string {
	var b strings.Builder
	for i, d := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// Unwrap makes errors.Is(err, ErrInvalid) true for a list that holds errors.
func (l Diagnostics) Unwrap() error {
	if l.HasErrors() {
		return ErrInvalid
	}
	return nil
}

// Err returns the sorted list as an error when it holds at least one error,
// and nil otherwise. Warnings alone are not an error.
func (l Diagnostics) Err() error {
	if !l.HasErrors() {
		return nil
	}
	l.Sort()
	return l
}
