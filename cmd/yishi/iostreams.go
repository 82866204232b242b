package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"

	"github.com/yishi-council/yishi/cmd/yishi/internal/messages"
	"github.com/yishi-council/yishi/scenario"
)

// streams carries a command's input and output, so that tests can give it
// buffers. Data goes to Out, messages to ErrOut.
//
// Text for people goes through printf and eprintf, which show every
// string they are given safely on a terminal (see [terminalSafe]): a
// scenario's title, a trainee's name or a file name can hold escape
// sequences that would retitle the window or rewrite the screen.
type streams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// Color is true when ErrOut is a terminal and NO_COLOR is not set;
	// ColorOut likewise for Out. They differ when one stream is redirected.
	Color, ColorOut bool
	// TerminalOut is true when Out is a terminal: data written there (a
	// report without --out) is then shown safely too.
	TerminalOut bool
	// Output is "text" or "json", from the --output flag.
	Output string
	// P prints messages in the reader's language, chosen by --lang or
	// the locale; JSON output stays English.
	P *messages.Printer
}

func newStreams(in io.Reader, out, errOut io.Writer) *streams {
	return &streams{In: in, Out: out, ErrOut: errOut, Color: colorWanted(errOut), ColorOut: colorWanted(out),
		TerminalOut: isTerminal(out), Output: "text", P: messages.For(messages.English)}
}

// colorWanted follows https://no-color.org: colour only on a terminal, and
// never when NO_COLOR is set to anything.
func colorWanted(w io.Writer) bool {
	if _, set := os.LookupEnv("NO_COLOR"); set || os.Getenv("TERM") == "dumb" {
		return false
	}
	return isTerminal(w)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	// A character device is not enough: /dev/null is one too.
	return ok && term.IsTerminal(int(f.Fd()))
}

// trusted is text yishi writes itself, such as its own colour codes, which
// printf passes on as it is.
type trusted string

// printf writes text for people to Out in the reader's language: the
// format, a literal of yishi's own, is looked up in the catalogue, and
// every [scenario.Message] and error argument is translated with it.
// Every string, error and Stringer argument is shown safely, except
// [trusted] ones.
func (s *streams) printf(format string, args ...any) {
	fmt.Fprint(s.Out, s.sprintf(format, args...))
}

// eprintf is printf for messages on ErrOut.
func (s *streams) eprintf(format string, args ...any) {
	fmt.Fprint(s.ErrOut, s.sprintf(format, args...))
}

// sprintf formats for printf and paint. English is fmt's own, which also
// lets go vet check every call's format and arguments.
func (s *streams) sprintf(format string, args ...any) string {
	// In place, so that vet sees args passed on as they came: each call
	// gives sprintf a slice of its own.
	copy(args, s.safeArgs(args))
	if s.printer().Language() == messages.English {
		return fmt.Sprintf(format, args...)
	}
	return s.printer().Sprintf(format, args...)
}

// T is a text of yishi's own with no arguments, such as a table heading,
// in the reader's language.
func (s *streams) T(text string) string { return s.printer().T(text) }

// printer is the streams' printer, English when none was set.
func (s *streams) printer() *messages.Printer {
	if s.P == nil {
		s.P = messages.For(messages.English)
	}
	return s.P
}

func (s *streams) safeArgs(args []any) []any {
	p := s.printer()
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case trusted:
			out[i] = string(v)
		case string:
			out[i] = terminalSafe(v)
		case scenario.Message:
			out[i] = terminalSafe(p.Message(v))
		case error:
			out[i] = terminalSafe(p.Error(v))
		case fmt.Stringer:
			out[i] = terminalSafe(v.String())
		default:
			out[i] = a
		}
	}
	return out
}

// terminalSafe is [scenario.TerminalSafe]: the user's text with control
// characters and direction marks written out, so it cannot act on the
// terminal.
func terminalSafe(s string) string { return scenario.TerminalSafe(s) }

// terminalSafeLine is [scenario.TerminalSafeLine], for a table cell.
func terminalSafeLine(s string) string { return scenario.TerminalSafeLine(s) }

// JSON reports whether the user asked for JSON output.
func (s *streams) JSON() bool { return s.Output == "json" }

// printJSON writes v as indented JSON on stdout.
func (s *streams) printJSON(v any) error {
	enc := json.NewEncoder(s.Out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

const (
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiGreen  = "\x1b[32m"
	ansiBold   = "\x1b[1m"
	ansiReset  = "\x1b[0m"
)

// paint formats yishi's own text meant for ErrOut in the reader's
// language, as printf does, and wraps it in an ANSI colour when colour is
// on there.
func (s *streams) paint(color string, format string, args ...any) trusted {
	text := trusted(s.sprintf(format, args...))
	if !s.Color {
		return text
	}
	return trusted(color) + text + ansiReset
}

// paintOut is paint for text meant for Out.
func (s *streams) paintOut(color string, format string, args ...any) trusted {
	text := trusted(s.sprintf(format, args...))
	if !s.ColorOut {
		return text
	}
	return trusted(color) + text + ansiReset
}
