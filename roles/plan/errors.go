package plan

import "github.com/yishi-council/yishi/scenario"

// Error is invalid input to the commands that read a plan, other than a
// problem in a file: a round or group the plan does not have, a reviewer
// named twice, a format or paper that does not exist. It keeps its text
// as a [scenario.Message], so that a catalogue can print it in the
// reader's language; its Error method gives the English after
// "invalid input: ", as an error wrapping [scenario.ErrInvalid] reads.
type Error struct {
	Text scenario.Message
}

// Invalid returns an [*Error] with the text m. Its format is a literal
// at the call site, scenario.Msg("...", ...), as every catalogue key is.
func Invalid(m scenario.Message) error { return &Error{Text: m} }

func (e *Error) Error() string { return scenario.ErrInvalid.Error() + ": " + e.Text.String() }

// Unwrap returns [scenario.ErrInvalid].
func (e *Error) Unwrap() error { return scenario.ErrInvalid }

// Message is the error's text, for a catalogue.
func (e *Error) Message() scenario.Message { return e.Text }
