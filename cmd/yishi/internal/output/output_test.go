package output

import (
	"github.com/yishi-council/yishi/scenario"

	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var testNow = time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC)

func newTestWriter() *Writer { return New(OS, func() time.Time { return testNow }) }

// testKind is the kind of run the tests write folders as.
const testKind = "yishi cards"

// writeTree writes a folder as a run of testKind, replacing all of an
// earlier run's files.
func writeTree(w *Writer, dir string, files []File, force bool) error {
	_, err := w.Tree(dir, files, TreeOptions{Kind: testKind, What: scenario.Msg("the cards"), Instead: "cards", Force: force})
	return err
}

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
			return writeTree(w, file, []File{{Path: filepath.Join(file, "round-1", "a.html"), Data: []byte("a")}}, true)
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
		require.NoError(t, writeTree(w, root, files(root, "round-1/group-1/a.html", "all-cards.html"), false))
		require.NoError(t, os.RemoveAll(filepath.Join(root, "round-1")))
		symlink(t, outside, filepath.Join(root, "round-1"))

		err := writeTree(w, root, files(root, "round-1/group-1/a.html", "all-cards.html"), true)
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
		err := writeTree(newTestWriter(), root, files(root, "round-1/group-1/a.html"), true)
		assert.ErrorIs(t, err, ErrLink)
		assert.NoDirExists(t, filepath.Join(outside, "group-1"))
	})
	t.Run("a stale file behind a link", func(t *testing.T) {
		root, outside := filepath.Join(t.TempDir(), "cards"), t.TempDir()
		w := newTestWriter()
		require.NoError(t, writeTree(w, root, files(root, "round-9/x.html", "all-cards.html"), false))
		require.NoError(t, os.RemoveAll(filepath.Join(root, "round-9")))
		writeFile(t, filepath.Join(outside, "x.html"), "someone else's file")
		symlink(t, outside, filepath.Join(root, "round-9"))

		err := writeTree(w, root, files(root, "all-cards.html"), true)
		assert.ErrorIs(t, err, ErrLink)
		assert.FileExists(t, filepath.Join(outside, "x.html"), "nothing is removed through the link")
	})
	t.Run("the folder itself may be a link", func(t *testing.T) {
		real := t.TempDir()
		root := filepath.Join(t.TempDir(), "cards")
		symlink(t, real, root)
		require.NoError(t, writeTree(newTestWriter(), root, files(root, "round-1/a.html"), false))
		assert.FileExists(t, filepath.Join(real, "round-1", "a.html"))
	})
}

// tree lists the files under root, with slashes, sorted.
func tree(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	require.NoError(t, filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(root, p)
		out = append(out, filepath.ToSlash(rel))
		return err
	}))
	sort.Strings(out)
	return out
}

// copyTree copies the files and folders under from to to.
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	require.NoError(t, filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	}))
}

// crashFS is the real file system that photographs root just before its
// n-th rename: the photograph is what a kill -9 at that moment leaves.
type crashFS struct {
	FS
	t           *testing.T
	root, photo string
	n           int
	renames     *int
}

func (c crashFS) Rename(oldpath, newpath string) error {
	*c.renames++
	if *c.renames == c.n {
		copyTree(c.t, c.root, c.photo)
	}
	return c.FS.Rename(oldpath, newpath)
}

// The temporary files a killed run leaves are removed by the next run,
// here or in a subfolder, and only those: files of other names stay.
func TestLeftoverTempFiles(t *testing.T) {
	t.Run("tree", func(t *testing.T) {
		root := filepath.Join(t.TempDir(), "cards")
		w := newTestWriter()
		require.NoError(t, writeTree(w, root, files(root, "round-1/group-1/a.html", "all-cards.html"), false))
		writeFile(t, filepath.Join(root, ".all-cards.html.tmp-2871035561"), "a 16 MB half of every brief")
		writeFile(t, filepath.Join(root, "round-1/group-1/.a.html.tmp-17"), "half a card")
		writeFile(t, filepath.Join(root, ".notes.tmp-1"), "not yishi's")
		writeFile(t, filepath.Join(root, ".all-cards.html.tmp-mine"), "not yishi's")

		require.NoError(t, writeTree(w, root, files(root, "round-1/group-1/a.html", "all-cards.html"), true))
		assert.Equal(t, []string{".all-cards.html.tmp-mine", ".notes.tmp-1", ManifestName, "all-cards.html", "round-1/group-1/a.html"}, tree(t, root))
	})
	t.Run("a stale card's temporary file", func(t *testing.T) {
		root := filepath.Join(t.TempDir(), "cards")
		w := newTestWriter()
		require.NoError(t, writeTree(w, root, files(root, "round-2/b.html", "all-cards.html"), false))
		writeFile(t, filepath.Join(root, "round-2/.b.html.tmp-5"), "half a card")
		require.NoError(t, writeTree(w, root, files(root, "all-cards.html"), true))
		assert.Equal(t, []string{ManifestName, "all-cards.html"}, tree(t, root))
	})
	t.Run("file", func(t *testing.T) {
		dir := t.TempDir()
		old := filepath.Join(dir, ".plan.yaml.tmp-42")
		writeFile(t, old, "half a plan")
		require.NoError(t, os.Chtimes(old, testNow.Add(-liveTempAge), testNow.Add(-liveTempAge)))
		require.NoError(t, newTestWriter().Files(files(dir, "plan.yaml"), false))
		assert.Equal(t, []string{"plan.yaml"}, tree(t, dir))
	})
	t.Run("another run's file at work", func(t *testing.T) {
		// Single files are written without a lock: a recent temporary file
		// may be another run's, about to be renamed, and is left alone.
		dir := t.TempDir()
		live := filepath.Join(dir, ".plan.yaml.tmp-43")
		writeFile(t, live, "being written")
		require.NoError(t, os.Chtimes(live, testNow.Add(-time.Minute), testNow.Add(-time.Minute)))
		require.NoError(t, newTestWriter().Files(files(dir, "plan.yaml"), false))
		assert.Equal(t, []string{".plan.yaml.tmp-43", "plan.yaml"}, tree(t, dir))
	})
}

// Whenever a run is killed, the next run with force leaves exactly its
// own files: no temporary file, no card of the killed run or of the one
// before it.
func TestKilledRunLeavesNothingStale(t *testing.T) {
	planA := []string{"round-1/group-1/a1.html", "round-1/group-1/a2.html", "all-cards.html"}
	planB := []string{"round-1/group-1/b1.html", "round-1/group-2/b2.html", "round-2/group-1/b3.html", "all-cards.html", "master.html"}
	planC := []string{"round-1/group-1/c1.html", "all-cards.html"}
	for n := 1; ; n++ {
		base := t.TempDir()
		root, photo := filepath.Join(base, "cards"), filepath.Join(base, "photo")
		require.NoError(t, writeTree(newTestWriter(), root, files(root, planA...), false))

		renames := 0
		killed := New(crashFS{FS: OS, t: t, root: root, photo: photo, n: n, renames: &renames}, nil)
		require.NoError(t, writeTree(killed, root, files(root, planB...), true))
		if renames < n {
			break // every moment has been tried
		}
		require.NoError(t, os.RemoveAll(root))
		require.NoError(t, os.Rename(photo, root))

		require.NoError(t, writeTree(newTestWriter(), root, files(root, planC...), true), "killed before rename %d", n)
		assert.Equal(t, append([]string{ManifestName}, sorted(planC)...), tree(t, root), "killed before rename %d", n)
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}

// A disk that fills up half-way changes nothing: the earlier cards and
// their manifest are as they were, and no temporary file stays.
func TestFullDiskChangesNothing(t *testing.T) {
	root := filepath.Join(t.TempDir(), "cards")
	require.NoError(t, writeTree(newTestWriter(), root, files(root, "round-1/a.html", "all-cards.html"), false))
	before := tree(t, root)
	manifest, err := os.ReadFile(filepath.Join(root, ManifestName))
	require.NoError(t, err)

	full := New(failingFS{FS: OS, open: func(name string) error {
		if strings.HasPrefix(filepath.Base(name), ".d.html.tmp-") {
			return &fs.PathError{Op: "open", Path: name, Err: errors.New("no space left on device")}
		}
		return nil
	}}, nil)
	again := files(root, "all-cards.html", "round-1/b.html", "round-2/c.html", "round-2/d.html")
	for i := range again {
		again[i].Data = []byte("a new plan's card")
	}
	err = writeTree(full, root, again, true)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "cannot write "+filepath.Join(root, "round-2", "d.html")+": no space left on device")
	assert.Equal(t, before, tree(t, root))
	for name, want := range map[string]string{ManifestName: string(manifest), "all-cards.html": "all-cards.html"} {
		got, err := os.ReadFile(filepath.Join(root, name))
		require.NoError(t, err)
		assert.Equal(t, want, string(got), "%s is as it was", name)
	}
}

// failingFS is the real file system whose OpenFile fails when open says.
type failingFS struct {
	FS
	open func(name string) error
}

func (f failingFS) OpenFile(name string, flag int, perm fs.FileMode) (Handle, error) {
	if err := f.open(name); err != nil {
		return nil, err
	}
	return f.FS.OpenFile(name, flag, perm)
}

// blockFS is the real file system that stops the first time a temporary
// file is opened, says so on entered, and goes on once release is closed.
type blockFS struct {
	FS
	once             *sync.Once
	entered, release chan struct{}
}

func (b blockFS) OpenFile(name string, flag int, perm fs.FileMode) (Handle, error) {
	if tempOf(filepath.Base(name)) != "" {
		b.once.Do(func() {
			close(b.entered)
			<-b.release
		})
	}
	return b.FS.OpenFile(name, flag, perm)
}

// A run that starts while another writes the same folder fails at once,
// saying who is writing, and the folder holds the first run's files only.
func TestOneRunWritesAFolderAtATime(t *testing.T) {
	root := filepath.Join(t.TempDir(), "cards")
	planA := []string{"round-1/group-1/a1.html", "all-cards.html"}
	planB := []string{"round-1/group-1/b1.html", "round-1/group-2/b2.html", "all-cards.html"}
	slow := blockFS{FS: OS, once: &sync.Once{}, entered: make(chan struct{}), release: make(chan struct{})}
	first := make(chan error, 1)
	go func() {
		first <- writeTree(New(slow, func() time.Time { return testNow }), root, files(root, planA...), true)
	}()
	<-slow.entered

	err := writeTree(newTestWriter(), root, files(root, planB...), true)
	close(slow.release)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrBusy)
	assert.Contains(t, err.Error(), fmt.Sprintf("another yishi run (pid %d, since %s) is writing into %s; wait for it to finish", os.Getpid(), testNow.Local().Format("15:04:05"), root))

	require.NoError(t, <-first)
	assert.Equal(t, append([]string{ManifestName}, sorted(planA)...), tree(t, root), "the lock is gone, and only the first plan's cards are there")
}

// Two runs started together on the same folder never mix their files:
// each either fails because the other is writing or writes its whole set.
func TestConcurrentRunsDoNotMix(t *testing.T) {
	plans := [][]string{
		{"round-1/group-1/a1.html", "round-1/group-1/a2.html", "round-2/group-1/a3.html", "all-cards.html"},
		{"round-1/group-1/b1.html", "round-1/group-2/b2.html", "all-cards.html", "master.html"},
	}
	for i := range 20 {
		root := filepath.Join(t.TempDir(), "cards")
		start := make(chan struct{})
		errs := make([]error, len(plans))
		var wg sync.WaitGroup
		for j, plan := range plans {
			wg.Go(func() {
				<-start
				errs[j] = writeTree(newTestWriter(), root, files(root, plan...), true)
			})
		}
		close(start)
		wg.Wait()
		got := tree(t, root)
		ok := 0
		for j, err := range errs {
			if err == nil {
				ok++
				continue
			}
			require.ErrorIs(t, err, ErrBusy, "run %d of try %d", j, i)
		}
		require.NotZero(t, ok, "try %d: one run at least gets the folder", i)
		assert.Condition(t, func() bool {
			for _, plan := range plans {
				if assert.ObjectsAreEqual(append([]string{ManifestName}, sorted(plan)...), got) {
					return true
				}
			}
			return false
		}, "try %d: the folder holds one plan's files, not a mix: %v", i, got)
	}
}

// The lock of a run that was killed is not held by anyone: the next run
// takes it.
func TestKilledRunsLockIsFree(t *testing.T) {
	if !lockSurvivesKill {
		t.Skip("a killed run's lock file stays here until removed")
	}
	root := filepath.Join(t.TempDir(), "cards")
	writeFile(t, filepath.Join(root, LockName), "pid 99999\nhost elsewhere\nsince 2025-03-01T08:00:00Z\n")
	require.NoError(t, writeTree(newTestWriter(), root, files(root, "all-cards.html"), false))
	assert.Equal(t, []string{ManifestName, "all-cards.html"}, tree(t, root))
}
