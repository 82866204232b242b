package main

import (
	"errors"
	"fmt"

	"github.com/yishi-council/yishi/scenario"
)

// Exit codes.
const (
	exitOK      = 0
	exitInvalid = 1 // bad input: a file with problems, an impossible request
	exitUsage   = 2 // misuse: unknown command or flag, wrong number of arguments
)

// usageError marks misuse of the command line.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return &usageError{err: fmt.Errorf(format, args...)}
}

// reportedError is an error whose details were already printed (such as a
// list of diagnostics); run only sets the exit code.
type reportedError struct{ err error }

func (e *reportedError) Error() string { return e.err.Error() }
func (e *reportedError) Unwrap() error { return e.err }

// exitCode maps an error from a command to the process exit code.
func exitCode(err error) int {
	var u *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &u):
		return exitUsage
	case errors.Is(err, scenario.ErrInvalid):
		return exitInvalid
	}
	return exitInvalid
}
