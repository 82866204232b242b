package main

import (
	"errors"
	"io/fs"
	"os"
	"strings"

	"github.com/yishi-council/yishi/cmd/yishi/internal/messages"
	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
	"github.com/yishi-council/yishi/roles/cards"
	"github.com/yishi-council/yishi/scenario"
)

// Exit codes.
const (
	exitOK       = 0
	exitInvalid  = 1 // bad input: a file with problems, an impossible request, a file that needs --force, a folder of another command's files
	exitUsage    = 2 // misuse: unknown command or flag, wrong number of arguments
	exitIO       = 3 // a file or folder could not be written: permissions, a full disk, --out is a file, a link inside --out, another run writing there
	exitInternal = 4 // a bug in yishi
)

// usageError marks misuse of the command line.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// usagef is a usage error whose message is in the catalogue.
func usagef(format string, args ...any) error {
	return &usageError{err: messages.Errorf(format, args...)}
}

// Message is the error's text, for the printer: usage errors are printed
// in the reader's language.
func (e *usageError) Message() scenario.Message {
	if t, ok := e.err.(messages.Texter); ok {
		return t.Message()
	}
	return scenario.Msg("%v", e.err)
}

// reportedError is an error whose details were already printed (such as a
// list of diagnostics); run only sets the exit code.
type reportedError struct{ err error }

func (e *reportedError) Error() string { return e.err.Error() }
func (e *reportedError) Unwrap() error { return e.err }

// exitCode maps an error from a command to the process exit code: every
// problem in the user's input wraps [scenario.ErrInvalid]; a file that
// cannot be written is an [output.Error] or an error of the file system;
// anything else is a bug.
func exitCode(err error) int {
	var u *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &u):
		return exitUsage
	case errors.Is(err, scenario.ErrInvalid):
		return exitInvalid
	case isIOError(err):
		return exitIO
	}
	return exitInternal
}

// isIOError reports whether err is a failure to read or write a file, or
// a stream, rather than a fault of the input or of yishi.
func isIOError(err error) bool {
	var (
		oe *output.Error
		pe *fs.PathError
		le *os.LinkError
		se *os.SyscallError
	)
	return errors.As(err, &oe) || errors.As(err, &pe) || errors.As(err, &le) || errors.As(err, &se)
}

// writeFiles writes files with [output.Writer.Files]; a file that is there
// already is invalid input.
func writeFiles(w *output.Writer, files []output.File, force bool) error {
	return fileError(w.Files(files, force))
}

// writeTree writes a folder of files with [output.Writer.Tree]. A
// manifest from before manifests named their command is told by its files.
func writeTree(w *output.Writer, dir string, files []output.File, opts output.TreeOptions) (output.TreeResult, error) {
	opts.KindOf = legacyKind
	res, err := w.Tree(dir, files, opts)
	return res, fileError(err)
}

// The kinds of run that write folders, as their manifests name them.
const (
	kindCards = "yishi cards"
	kindDemo  = "yishi demo"
	// kindTrainees is review --by-trainee's folder of progress pages.
	kindTrainees = "yishi review --by-trainee"
)

// legacyKind tells which command wrote a manifest that does not say, from
// the files it lists: the demo's marker, or the all-cards file of cards.
func legacyKind(files []string) string {
	hasCards := false
	for _, f := range files {
		switch {
		case f == demoMarker:
			return kindDemo
		case strings.HasPrefix(f, cards.AllCardsName+"."):
			hasCards = true
		}
	}
	if hasCards {
		return kindCards
	}
	return ""
}

// fileError marks an error from package output that asks for --force, or
// for another folder, as invalid input.
func fileError(err error) error {
	if errors.Is(err, output.ErrExist) || errors.Is(err, output.ErrOtherKind) || errors.Is(err, output.ErrInput) {
		return messages.Errorf("%w: %w", scenario.ErrInvalid, err)
	}
	return err
}
