package scenario

import "fmt"

// Message is text for a person, kept as an English format and its
// arguments so that a catalogue can print it in another language: the
// format is the catalogue's key. An argument that is itself a Message (a
// word such as "a list", a place such as "row 3, column G") is translated
// with it. Its String method gives the English text.
//
// Formats are literals at the call site, so that a test can find every one
// and check that each has its translations.
type Message struct {
	Format string
	Args   []any
}

// Msg returns the message with format and args.
func Msg(format string, args ...any) Message { return Message{Format: format, Args: args} }

// String renders the message in English.
func (m Message) String() string {
	if len(m.Args) == 0 {
		return m.Format
	}
	return fmt.Sprintf(m.Format, m.Args...)
}

// Plural returns one of two messages by n: format one for n == 1, else
// other. Both take n as their first argument. Languages without plural
// forms translate both to the same text.
func Plural(n int, one, other string, args ...any) Message {
	f := other
	if n == 1 {
		f = one
	}
	return Msg(f, append([]any{n}, args...)...)
}
