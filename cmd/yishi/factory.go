package main

import (
	"io"
	"os"
	"time"

	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
)

// factory holds what every command takes from outside the program: its
// streams, the clock, the file system it writes to and the environment
// the language of its messages is read from. run builds one for the real
// process; tests build their own with buffers, a fixed clock, a temporary
// or failing file system and an environment of their own (nil: none, so
// English). Every newXCmd takes it.
type factory struct {
	IO     *streams
	Now    func() time.Time
	FS     output.FS
	Getenv func(string) string
}

// newFactory is the factory of the real process.
func newFactory(stdin io.Reader, stdout, stderr io.Writer) *factory {
	return &factory{IO: newStreams(stdin, stdout, stderr), Now: time.Now, FS: output.OS, Getenv: os.Getenv}
}

// writer writes a command's files to the factory's file system.
func (f *factory) writer() *output.Writer { return output.New(f.FS, f.Now) }
