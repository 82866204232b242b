package output

import (
	"github.com/yishi-council/yishi/scenario"

	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readFile reads a file that must be there.
func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(data)
}

// contents reads every file under root, by path with slashes.
func contents(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, rel := range tree(t, root) {
		out[rel] = readFile(t, filepath.Join(root, filepath.FromSlash(rel)))
	}
	return out
}

// The manifest's first line names the kind of run that wrote the folder.
func TestManifestNamesItsKind(t *testing.T) {
	root := filepath.Join(t.TempDir(), "cards")
	require.NoError(t, writeTree(newTestWriter(), root, files(root, "round-1/a.html", "all-cards.html"), false))
	assert.Equal(t, "# yishi cards\nall-cards.html\nround-1/a.html\n", readFile(t, filepath.Join(root, ManifestName)))
}

// A manifest written before manifests named their kind is read as before:
// a later run with force removes the files it lists and does not write.
func TestManifestWithoutKind(t *testing.T) {
	root := filepath.Join(t.TempDir(), "cards")
	writeFile(t, filepath.Join(root, "round-1/old.html"), "an old card")
	writeFile(t, filepath.Join(root, "all-cards.html"), "old cards")
	writeFile(t, filepath.Join(root, ManifestName), "all-cards.html\nround-1/old.html\n")
	writeFile(t, filepath.Join(root, "notes.txt"), "not yishi's")

	err := writeTree(newTestWriter(), root, files(root, "round-1/new.html", "all-cards.html"), false)
	assert.ErrorIs(t, err, ErrExist)
	require.NoError(t, writeTree(newTestWriter(), root, files(root, "round-1/new.html", "all-cards.html"), true))
	assert.Equal(t, []string{ManifestName, "all-cards.html", "notes.txt", "round-1/new.html"}, tree(t, root))
	assert.Equal(t, "# yishi cards\nall-cards.html\nround-1/new.html\n", readFile(t, filepath.Join(root, ManifestName)))
}

// A run never writes into a folder that holds the files of another kind of
// run, force or not, and touches nothing there; a manifest without its
// kind is told by KindOf.
func TestAnotherKindsFolder(t *testing.T) {
	demo := []string{".yishi-demo", "plan.yaml", "roster.csv", "cards/all-cards.html", "report.html"}
	demoKind := func(files []string) string {
		for _, f := range files {
			if f == ".yishi-demo" {
				return "yishi demo"
			}
		}
		return ""
	}
	for _, tt := range []struct {
		name     string
		manifest string
	}{
		{name: "named", manifest: "# yishi demo\n" + strings.Join(demo, "\n") + "\n"},
		{name: "told by its files", manifest: strings.Join(demo, "\n") + "\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root := filepath.Join(t.TempDir(), "yishi-demo")
			for _, f := range demo {
				writeFile(t, filepath.Join(root, f), f)
			}
			writeFile(t, filepath.Join(root, ManifestName), tt.manifest)
			before := contents(t, root)
			for _, force := range []bool{false, true} {
				_, err := newTestWriter().Tree(root, files(root, "round-1/a.html", "all-cards.html"), TreeOptions{
					Kind: "yishi cards", What: scenario.Msg("the cards"), Instead: "cards", Force: force, KindOf: demoKind,
				})
				require.Error(t, err)
				assert.ErrorIs(t, err, ErrOtherKind)
				assert.Equal(t, root+" holds the files of `yishi demo`; write the cards to another folder, such as "+filepath.Join(root, "cards"), err.Error())
				assert.Equal(t, before, contents(t, root), "nothing is touched (force %v)", force)
			}
			// The demo itself goes on.
			_, err := newTestWriter().Tree(root, files(root, demo...), TreeOptions{Kind: "yishi demo", Force: true, KindOf: demoKind})
			require.NoError(t, err)
		})
	}
	t.Run("none of its files is left", func(t *testing.T) {
		root := filepath.Join(t.TempDir(), "out")
		writeFile(t, filepath.Join(root, ManifestName), "# yishi demo\nplan.yaml\n")
		require.NoError(t, writeTree(newTestWriter(), root, files(root, "all-cards.html"), false))
		assert.Equal(t, "# yishi cards\nall-cards.html\n", readFile(t, filepath.Join(root, ManifestName)))
	})
}

// wholeDay and roundOne are the TreeOptions of a whole day's cards and of
// round 1's only.
var (
	wholeDay = TreeOptions{Kind: testKind, What: scenario.Msg("the cards"), Instead: "cards", Force: true}
	roundOne = TreeOptions{Kind: testKind, What: scenario.Msg("the cards"), Instead: "cards", Force: true,
		Part: func(rel string) bool { return strings.HasPrefix(rel, "round-1/") || rel == "all-cards.html" }}
)

// A run that replaces part of a folder removes the stale files of that
// part only, keeps the rest in its manifest, and says what it removed.
func TestPart(t *testing.T) {
	root := filepath.Join(t.TempDir(), "cards")
	w := newTestWriter()
	_, err := w.Tree(root, files(root, "round-1/old.html", "round-2/b.html", "all-cards.html"), wholeDay)
	require.NoError(t, err)

	res, err := w.Tree(root, files(root, "round-1/new.html"), roundOne)
	require.NoError(t, err)
	assert.Equal(t, []string{filepath.Join(root, "all-cards.html"), filepath.Join(root, "round-1", "old.html")}, res.Removed)
	assert.Equal(t, []string{ManifestName, "round-1/new.html", "round-2/b.html"}, tree(t, root))
	assert.Equal(t, "# yishi cards\nround-1/new.html\nround-2/b.html\n", readFile(t, filepath.Join(root, ManifestName)))

	// Files of the part need force; the rest do not.
	roundTwo := wholeDay
	roundTwo.Force = false
	roundTwo.Part = func(rel string) bool { return strings.HasPrefix(rel, "round-2/") }
	_, err = w.Tree(root, files(root, "round-2/c.html"), roundTwo)
	assert.ErrorIs(t, err, ErrExist)
	assert.Contains(t, err.Error(), "holds 1 files of an earlier run")
	roundThree := roundTwo
	roundThree.Part = func(rel string) bool { return strings.HasPrefix(rel, "round-3/") }
	_, err = w.Tree(root, files(root, "round-3/d.html"), roundThree)
	require.NoError(t, err)

	// A whole-day run replaces everything.
	res, err = w.Tree(root, files(root, "all-cards.html"), wholeDay)
	require.NoError(t, err)
	assert.Len(t, res.Removed, 3)
	assert.Equal(t, []string{ManifestName, "all-cards.html"}, tree(t, root))
}

// The manifest an earlier yishi kept in a subfolder is taken over: its
// files count as the earlier run's, and it is removed.
func TestNested(t *testing.T) {
	nested := func(name string) bool { return strings.HasPrefix(name, "round-") }
	setup := func(t *testing.T) string {
		root := filepath.Join(t.TempDir(), "cards")
		writeFile(t, filepath.Join(root, "round-1/group-1/old.html"), "an old card")
		writeFile(t, filepath.Join(root, "round-1/all-cards.html"), "old cards")
		writeFile(t, filepath.Join(root, "round-1", ManifestName), "all-cards.html\ngroup-1/old.html\n")
		writeFile(t, filepath.Join(root, "round-2/group-1/other.html"), "another command's")
		writeFile(t, filepath.Join(root, "round-2", ManifestName), "# yishi other\ngroup-1/other.html\n")
		return root
	}
	t.Run("needs force", func(t *testing.T) {
		root := setup(t)
		opts := wholeDay
		opts.Force, opts.Nested = false, nested
		_, err := newTestWriter().Tree(root, files(root, "round-1/group-1/new.html"), opts)
		assert.ErrorIs(t, err, ErrExist)
		assert.Contains(t, err.Error(), "holds 2 files of an earlier run")
	})
	t.Run("replaced", func(t *testing.T) {
		root := setup(t)
		opts := wholeDay
		opts.Nested = nested
		_, err := newTestWriter().Tree(root, files(root, "round-1/group-1/new.html"), opts)
		require.NoError(t, err)
		assert.Equal(t, []string{ManifestName, "round-1/group-1/new.html", "round-2/" + ManifestName, "round-2/group-1/other.html"}, tree(t, root),
			"another kind's manifest is not taken over")
	})
	t.Run("not asked", func(t *testing.T) {
		root := setup(t)
		_, err := newTestWriter().Tree(root, files(root, "round-1/group-1/new.html"), wholeDay)
		require.NoError(t, err)
		assert.FileExists(t, filepath.Join(root, "round-1/group-1/old.html"))
	})
	t.Run("a linked subfolder is not read", func(t *testing.T) {
		root, outside := filepath.Join(t.TempDir(), "cards"), t.TempDir()
		writeFile(t, filepath.Join(outside, "x.html"), "someone else's file")
		writeFile(t, filepath.Join(outside, ManifestName), "x.html\n")
		require.NoError(t, os.MkdirAll(root, 0o755))
		symlink(t, outside, filepath.Join(root, "round-9"))
		opts := wholeDay
		opts.Nested = nested
		_, err := newTestWriter().Tree(root, files(root, "all-cards.html"), opts)
		require.NoError(t, err)
		assert.FileExists(t, filepath.Join(outside, "x.html"))
	})
}

// A run never overwrites nor removes a file it reads, under whatever name,
// force or not, and touches nothing.
func TestInputs(t *testing.T) {
	for _, tt := range []struct {
		name     string
		manifest string // of the earlier run
		write    []string
		input    string // where the plan is, under root
		via      string // the name the run is given, under root; "" is input
		want     string
	}{
		{name: "overwrite", write: []string{"all-cards.txt"}, input: "all-cards.txt",
			want: "cannot overwrite ROOT/all-cards.txt: it is the plan this run reads; write the cards to another folder"},
		{name: "remove", manifest: "# yishi cards\nplan.yaml\nall-cards.txt\n", write: []string{"all-cards.txt"}, input: "plan.yaml",
			want: "cannot remove ROOT/plan.yaml, a file of the earlier run: it is the plan this run reads; write the cards to another folder"},
		{name: "another name", write: []string{"all-cards.txt"}, input: "all-cards.txt", via: "round-1/../all-cards.txt",
			want: "cannot overwrite ROOT/all-cards.txt"},
		{name: "a hard link", write: []string{"all-cards.txt"}, input: "all-cards.txt", via: "../plan.yaml",
			want: "cannot overwrite ROOT/all-cards.txt"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root := filepath.Join(t.TempDir(), "cards")
			writeFile(t, filepath.Join(root, tt.input), "a plan")
			require.NoError(t, os.Mkdir(filepath.Join(root, "round-1"), 0o755))
			if tt.manifest != "" {
				writeFile(t, filepath.Join(root, ManifestName), tt.manifest)
			}
			in := filepath.Join(root, tt.input)
			if tt.via != "" {
				in = filepath.Join(root, tt.via)
				if _, err := os.Lstat(in); err != nil {
					if err := os.Link(filepath.Join(root, tt.input), in); err != nil {
						t.Skipf("cannot make hard links here: %v", err)
					}
				}
			}
			before := contents(t, root)
			for _, force := range []bool{false, true} {
				opts := wholeDay
				opts.Force = force
				opts.Inputs = []Input{{Path: in, What: scenario.Msg("the plan")}}
				_, err := newTestWriter().Tree(root, files(root, tt.write...), opts)
				require.Error(t, err)
				assert.ErrorIs(t, err, ErrInput)
				assert.Contains(t, err.Error(), strings.ReplaceAll(tt.want, "ROOT", root))
				assert.Equal(t, before, contents(t, root), "force %v", force)
			}
		})
	}
	t.Run("a link to the input is replaced, not the input", func(t *testing.T) {
		root, dir := filepath.Join(t.TempDir(), "cards"), t.TempDir()
		plan := filepath.Join(dir, "plan.yaml")
		writeFile(t, plan, "a plan")
		require.NoError(t, os.Mkdir(root, 0o755))
		symlink(t, plan, filepath.Join(root, "all-cards.txt"))
		opts := wholeDay
		opts.Inputs = []Input{{Path: plan, What: scenario.Msg("the plan")}}
		_, err := newTestWriter().Tree(root, files(root, "all-cards.txt"), opts)
		require.NoError(t, err)
		assert.Equal(t, "a plan", readFile(t, plan))
		assert.Equal(t, "all-cards.txt", readFile(t, filepath.Join(root, "all-cards.txt")))
	})
}

// A run that replaces part of a folder, killed at any moment, leaves
// nothing that the next run of that part keeps, and the rest is kept.
func TestKilledPartRunLeavesNothingStale(t *testing.T) {
	planA := []string{"round-1/group-1/a1.html", "round-1/group-1/a2.html", "round-2/group-1/a3.html", "all-cards.html"}
	planB := []string{"round-1/group-1/b1.html", "round-1/group-2/b2.html"}
	planC := []string{"round-1/group-1/c1.html"}
	for n := 1; ; n++ {
		base := t.TempDir()
		root, photo := filepath.Join(base, "cards"), filepath.Join(base, "photo")
		_, err := newTestWriter().Tree(root, files(root, planA...), wholeDay)
		require.NoError(t, err)

		renames := 0
		killed := New(crashFS{FS: OS, t: t, root: root, photo: photo, n: n, renames: &renames}, nil)
		_, err = killed.Tree(root, files(root, planB...), roundOne)
		require.NoError(t, err)
		if renames < n {
			break
		}
		require.NoError(t, os.RemoveAll(root))
		require.NoError(t, os.Rename(photo, root))

		_, err = newTestWriter().Tree(root, files(root, planC...), roundOne)
		require.NoError(t, err, "killed before rename %d", n)
		assert.Equal(t, []string{ManifestName, "round-1/group-1/c1.html", "round-2/group-1/a3.html"}, tree(t, root), "killed before rename %d", n)
		assert.Equal(t, "# yishi cards\nround-1/group-1/c1.html\nround-2/group-1/a3.html\n", readFile(t, filepath.Join(root, ManifestName)), "killed before rename %d", n)
	}
}
