package main

import (
	"io"
	"time"

	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
)

// factory holds what every command takes from outside the program: its
// streams, the clock and the file system it writes to. run builds one for
// the real process; tests build their own with buffers, a fixed clock and
// a temporary or failing file system. Every newXCmd takes it.
type factory struct {
	IO  *streams
	Now func() time.Time
	FS  output.FS
}

// newFactory is the factory of the real process.
func newFactory(stdin io.Reader, stdout, stderr io.Writer) *factory {
	return &factory{IO: newStreams(stdin, stdout, stderr), Now: time.Now, FS: output.OS}
}

// writer writes a command's files to the factory's file system.
func (f *factory) writer() *output.Writer { return output.New(f.FS, f.Now) }
