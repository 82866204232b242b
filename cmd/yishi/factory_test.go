package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
)

// testNow is the fixed clock tests give commands.
var testNow = time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC)

// testFactory is a factory on buffers, the fixed clock and fsys (the real
// file system when nil; tests then write below t.TempDir()).
func testFactory(fsys output.FS) (f *factory, stdout, stderr *bytes.Buffer) {
	stdout, stderr = &bytes.Buffer{}, &bytes.Buffer{}
	if fsys == nil {
		fsys = output.OS
	}
	return &factory{
		IO:  newStreams(strings.NewReader(""), stdout, stderr),
		Now: func() time.Time { return testNow },
		FS:  fsys,
	}, stdout, stderr
}

// failFS is the real file system but for the calls fail picks, which
// return the error it gives.
type failFS struct {
	output.FS
	fail func(op, name string) error
}

func (f failFS) check(op, name string) error {
	if f.fail == nil {
		return nil
	}
	if err := f.fail(op, name); err != nil {
		return &fs.PathError{Op: op, Path: name, Err: err}
	}
	return nil
}

func (f failFS) Lstat(name string) (fs.FileInfo, error) {
	if err := f.check("lstat", name); err != nil {
		return nil, err
	}
	return f.FS.Lstat(name)
}

func (f failFS) Mkdir(name string, perm fs.FileMode) error {
	if err := f.check("mkdir", name); err != nil {
		return err
	}
	return f.FS.Mkdir(name, perm)
}

func (f failFS) OpenFile(name string, flag int, perm fs.FileMode) (output.Handle, error) {
	if err := f.check("open", name); err != nil {
		return nil, err
	}
	return f.FS.OpenFile(name, flag, perm)
}

func (f failFS) Rename(oldpath, newpath string) error {
	if err := f.check("rename", newpath); err != nil {
		return err
	}
	return f.FS.Rename(oldpath, newpath)
}

func (f failFS) Remove(name string) error {
	if err := f.check("remove", name); err != nil {
		return err
	}
	return f.FS.Remove(name)
}

func (f failFS) ReadFile(name string) ([]byte, error) {
	if err := f.check("read", name); err != nil {
		return nil, err
	}
	return f.FS.ReadFile(name)
}

// Commands write through the factory's file system, so a disk that fills
// up half-way is a test, not a hope: the error names the file, and the
// files written before it are taken back.
func TestCommandsWriteThroughTheFactory(t *testing.T) {
	dir := t.TempDir()
	fsys := failFS{FS: output.OS, fail: func(op, name string) error {
		if op == "rename" && filepath.Base(name) == "scenario.schema.json" {
			return syscall.ENOSPC
		}
		return nil
	}}
	f, _, stderr := testFactory(fsys)
	code := execute(f, []string{"scenarios", "export", "elevator-retrofit", dir})
	assert.NotEqual(t, exitOK, code)
	assert.Contains(t, stderr.String(), "scenario.schema.json")
	assert.Contains(t, stderr.String(), "no space left on device")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries, "nothing is left half-written")
}
