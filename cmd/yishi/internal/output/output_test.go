package output

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var testNow = time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC)

func newTestWriter() *Writer { return New(OS, func() time.Time { return testNow }) }

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(data), 0o644))
}

// A folder to write into that is a file, or a file to write that is a
// folder, is named in a clear message, and nothing is written.
func TestNotAFolder(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "plan.yaml")
	writeFile(t, file, "a plan\n")
	require.NoError(t, os.Mkdir(filepath.Join(dir, "folder"), 0o755))
	tests := []struct {
		name  string
		write func(w *Writer) error
		want  string
		is    error
	}{
		{name: "tree into a file", write: func(w *Writer) error {
			return w.Tree(file, []File{{Path: filepath.Join(file, "round-1", "a.html"), Data: []byte("a")}}, true)
		}, want: "cannot write into " + file + ": it is a file, not a folder", is: ErrNotDir},
		{name: "file below a file", write: func(w *Writer) error {
			return w.Files([]File{{Path: filepath.Join(file, "x", "a.yaml"), Data: []byte("a")}}, true)
		}, want: "cannot write " + filepath.Join(file, "x", "a.yaml") + ": " + file + " is a file, not a folder", is: ErrNotDir},
		{name: "file that is a folder", write: func(w *Writer) error {
			return w.Files([]File{{Path: filepath.Join(dir, "folder"), Data: []byte("a")}}, true)
		}, want: "cannot write " + filepath.Join(dir, "folder") + ": it is a folder; name a file", is: ErrIsDir},
		{name: "the second file's folder is a file", write: func(w *Writer) error {
			return w.Files([]File{
				{Path: filepath.Join(dir, "new", "a.yaml"), Data: []byte("a")},
				{Path: filepath.Join(file, "b.yaml"), Data: []byte("b")},
			}, false)
		}, want: file + " is a file, not a folder", is: ErrNotDir},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.write(newTestWriter())
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.ErrorIs(t, err, tt.is)
			var oe *Error
			assert.True(t, errors.As(err, &oe))
			assert.NoDirExists(t, filepath.Join(dir, "new"), "no folder is left behind")
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			assert.Equal(t, "a plan\n", string(data))
		})
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
}

func files(root string, names ...string) []File {
	var out []File
	for _, n := range names {
		out = append(out, File{Path: filepath.Join(root, filepath.FromSlash(n)), Data: []byte(n)})
	}
	return out
}

// A symbolic link inside the folder a Tree writes is never written
// through, nor are stale files removed through it; the folder itself may
// be a link.
func TestNoWritingThroughLinks(t *testing.T) {
	t.Run("a linked subfolder", func(t *testing.T) {
		root, outside := filepath.Join(t.TempDir(), "cards"), t.TempDir()
		w := newTestWriter()
		require.NoError(t, w.Tree(root, files(root, "round-1/group-1/a.html", "all-cards.html"), false))
		require.NoError(t, os.RemoveAll(filepath.Join(root, "round-1")))
		symlink(t, outside, filepath.Join(root, "round-1"))

		err := w.Tree(root, files(root, "round-1/group-1/a.html", "all-cards.html"), true)
		require.Error(t, err)
		assert.ErrorIs(t, err, ErrLink)
		assert.Contains(t, err.Error(), filepath.Join(root, "round-1")+" is a symbolic link")
		entries, err := os.ReadDir(outside)
		require.NoError(t, err)
		assert.Empty(t, entries, "nothing is written through the link")
	})
	t.Run("a link made before the first run", func(t *testing.T) {
		root, outside := filepath.Join(t.TempDir(), "cards"), t.TempDir()
		require.NoError(t, os.Mkdir(root, 0o755))
		symlink(t, outside, filepath.Join(root, "round-1"))
		err := newTestWriter().Tree(root, files(root, "round-1/group-1/a.html"), true)
		assert.ErrorIs(t, err, ErrLink)
		assert.NoDirExists(t, filepath.Join(outside, "group-1"))
	})
	t.Run("a stale file behind a link", func(t *testing.T) {
		root, outside := filepath.Join(t.TempDir(), "cards"), t.TempDir()
		w := newTestWriter()
		require.NoError(t, w.Tree(root, files(root, "round-9/x.html", "all-cards.html"), false))
		require.NoError(t, os.RemoveAll(filepath.Join(root, "round-9")))
		writeFile(t, filepath.Join(outside, "x.html"), "someone else's file")
		symlink(t, outside, filepath.Join(root, "round-9"))

		err := w.Tree(root, files(root, "all-cards.html"), true)
		assert.ErrorIs(t, err, ErrLink)
		assert.FileExists(t, filepath.Join(outside, "x.html"), "nothing is removed through the link")
	})
	t.Run("the folder itself may be a link", func(t *testing.T) {
		real := t.TempDir()
		root := filepath.Join(t.TempDir(), "cards")
		symlink(t, real, root)
		require.NoError(t, newTestWriter().Tree(root, files(root, "round-1/a.html"), false))
		assert.FileExists(t, filepath.Join(real, "round-1", "a.html"))
	})
}
