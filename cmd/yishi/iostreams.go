package main

import (
	"encoding/json"
	"io"
	"os"

	"golang.org/x/term"
)

// streams carries a command's input and output, so that tests can give it
// buffers. Data goes to Out, messages to ErrOut.
type streams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// Color is true when ErrOut is a terminal and NO_COLOR is not set;
	// ColorOut likewise for Out. They differ when one stream is redirected.
	Color, ColorOut bool
	// Output is "text" or "json", from the --output flag.
	Output string
}

func newStreams(in io.Reader, out, errOut io.Writer) *streams {
	return &streams{In: in, Out: out, ErrOut: errOut, Color: colorWanted(errOut), ColorOut: colorWanted(out), Output: "text"}
}

// colorWanted follows https://no-color.org: colour only on a terminal, and
// never when NO_COLOR is set to anything.
func colorWanted(w io.Writer) bool {
	if _, set := os.LookupEnv("NO_COLOR"); set || os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	// A character device is not enough: /dev/null is one too.
	return ok && term.IsTerminal(int(f.Fd()))
}

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

// paint wraps text meant for ErrOut in an ANSI colour when colour is on
// there.
func (s *streams) paint(color, text string) string {
	if !s.Color {
		return text
	}
	return color + text + ansiReset
}

// paintOut is paint for text meant for Out.
func (s *streams) paintOut(color, text string) string {
	if !s.ColorOut {
		return text
	}
	return color + text + ansiReset
}
