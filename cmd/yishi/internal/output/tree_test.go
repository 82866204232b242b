package output

import (
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
				err := newTestWriter().Tree(root, files(root, "round-1/a.html", "all-cards.html"), TreeOptions{
					Kind: "yishi cards", What: "the cards", Instead: "cards", Force: force, KindOf: demoKind,
				})
				require.Error(t, err)
				assert.ErrorIs(t, err, ErrOtherKind)
				assert.Equal(t, root+" holds the files of `yishi demo`; write the cards to another folder, such as "+filepath.Join(root, "cards"), err.Error())
				assert.Equal(t, before, contents(t, root), "nothing is touched (force %v)", force)
			}
			// The demo itself goes on.
			err := newTestWriter().Tree(root, files(root, demo...), TreeOptions{Kind: "yishi demo", Force: true, KindOf: demoKind})
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

// wholeDay is the TreeOptions of a whole day's cards.
var wholeDay = TreeOptions{Kind: testKind, What: "the cards", Instead: "cards", Force: true}

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
				opts.Inputs = []Input{{Path: in, What: "the plan"}}
				err := newTestWriter().Tree(root, files(root, tt.write...), opts)
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
		opts.Inputs = []Input{{Path: plan, What: "the plan"}}
		err := newTestWriter().Tree(root, files(root, "all-cards.txt"), opts)
		require.NoError(t, err)
		assert.Equal(t, "a plan", readFile(t, plan))
		assert.Equal(t, "all-cards.txt", readFile(t, filepath.Join(root, "all-cards.txt")))
	})
}
