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
