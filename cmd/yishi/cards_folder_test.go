package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
)

// yishi runs the command line in args and returns its exit code and what
// it printed.
func yishi(args ...string) (code int, stdout, stderr string) {
	f, out, errOut := testFactory(nil)
	code = execute(f, args)
	return code, out.String(), errOut.String()
}

// yishiOK runs the command line in args, which must succeed, and returns
// what it printed.
func yishiOK(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := yishi(args...)
	require.Equal(t, exitOK, code, "yishi %s: %s", strings.Join(args, " "), errOut)
	return out
}

// snapshot reads every file under root, by path with slashes.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, rel := range listFiles(t, root) {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		require.NoError(t, err)
		out[rel] = string(data)
	}
	return out
}

// cards never writes into a folder of another command's files, --force or
// not: yishi demo's folder holds its input (the plan), the scenario, the
// roster and the reports, which cards would remove. Nothing is touched.
func TestCardsRefuseTheDemosFolder(t *testing.T) {
	dir := t.TempDir()
	demo := filepath.Join(dir, "yishi-demo")
	yishiOK(t, "demo", "--out", demo)
	plan := filepath.Join(demo, "plan.yaml")
	before := snapshot(t, demo)

	for _, force := range []bool{false, true} {
		args := []string{"cards", plan, "--out", demo}
		if force {
			args = append(args, "--force")
		}
		code, out, errOut := yishi(args...)
		assert.Equal(t, exitInvalid, code, "force %v", force)
		assert.Empty(t, out)
		assert.Equal(t, "yishi: invalid input: "+demo+" holds the files of `yishi demo`; write the cards to another folder, such as "+filepath.Join(demo, "cards")+"\n", errOut, "force %v", force)
		assert.Equal(t, before, snapshot(t, demo), "nothing is removed or overwritten (force %v)", force)
	}

	// A demo folder written before manifests named their command is the
	// demo's too: its marker says so.
	manifest := filepath.Join(demo, output.ManifestName)
	data, err := os.ReadFile(manifest)
	require.NoError(t, err)
	first, rest, _ := strings.Cut(string(data), "\n")
	require.Equal(t, "# yishi demo", first)
	require.NoError(t, os.WriteFile(manifest, []byte(rest), 0o644))
	before = snapshot(t, demo)
	code, _, errOut := yishi("cards", plan, "--out", demo, "--force")
	assert.Equal(t, exitInvalid, code)
	assert.Contains(t, errOut, "holds the files of `yishi demo`")
	assert.Equal(t, before, snapshot(t, demo))

	// The folder the message names works, and a later demo still
	// replaces its own files.
	yishiOK(t, "cards", plan, "--out", filepath.Join(demo, "cards"), "--force")
	yishiOK(t, "demo", "--out", demo)
	assert.FileExists(t, plan)
}

// The demo never writes into a folder of cards.
func TestDemoRefusesACardsFolder(t *testing.T) {
	dir := t.TempDir()
	plan := writeTestPlan(t, dir, "shared-parking-charging", 1)
	cards := filepath.Join(dir, "cards")
	yishiOK(t, "cards", plan, "--out", cards)
	before := snapshot(t, cards)
	code, _, errOut := yishi("demo", "--out", cards, "--force")
	assert.Equal(t, exitInvalid, code)
	assert.Equal(t, "yishi: invalid input: "+cards+" holds the files of `yishi cards`; write the demo to another folder, such as "+filepath.Join(cards, "yishi-demo")+"\n", errOut)
	assert.Equal(t, before, snapshot(t, cards))
}

// cards never removes or overwrites the plan it reads, even with --force.
func TestCardsNeverTouchTheirPlan(t *testing.T) {
	t.Run("overwrite", func(t *testing.T) {
		dir := t.TempDir()
		cards := filepath.Join(dir, "cards")
		require.NoError(t, os.Mkdir(cards, 0o755))
		// A plan under the name of the all-cards file.
		src := writeTestPlan(t, dir, "shared-parking-charging", 1)
		plan := filepath.Join(cards, "all-cards.txt")
		require.NoError(t, os.Rename(src, plan))
		before := snapshot(t, dir)
		code, _, errOut := yishi("cards", plan, "--format", "txt", "--out", cards, "--force")
		assert.Equal(t, exitInvalid, code)
		assert.Contains(t, errOut, "yishi: invalid input: cannot overwrite "+plan+": it is the plan this run reads; write the cards to another folder")
		assert.Equal(t, before, snapshot(t, dir))
	})
	t.Run("the plan's scenario", func(t *testing.T) {
		dir := t.TempDir()
		demo, cards := filepath.Join(dir, "yishi-demo"), filepath.Join(dir, "cards")
		yishiOK(t, "demo", "--out", demo)
		// A plan whose scenario file has the name of the all-cards file.
		require.NoError(t, os.Mkdir(cards, 0o755))
		require.NoError(t, os.Rename(filepath.Join(demo, "scenario.yaml"), filepath.Join(cards, "all-cards.txt")))
		data, err := os.ReadFile(filepath.Join(demo, "plan.yaml"))
		require.NoError(t, err)
		plan := filepath.Join(dir, "plan.yaml")
		require.NoError(t, os.WriteFile(plan, []byte(strings.Replace(string(data), "source: scenario.yaml", "source: cards/all-cards.txt", 1)), 0o644))
		before := snapshot(t, cards)
		code, _, errOut := yishi("cards", plan, "--format", "txt", "--out", cards, "--force")
		assert.Equal(t, exitInvalid, code, errOut)
		assert.Contains(t, errOut, "cannot overwrite "+filepath.Join(cards, "all-cards.txt")+": it is the plan's scenario this run reads")
		assert.Equal(t, before, snapshot(t, cards))
	})
	t.Run("remove", func(t *testing.T) {
		dir := t.TempDir()
		cards := filepath.Join(dir, "cards")
		src := writeTestPlan(t, dir, "shared-parking-charging", 1)
		yishiOK(t, "cards", src, "--out", cards)
		// A manifest that names the plan, as a hand-edited or older one may.
		plan := filepath.Join(cards, "plan.yaml")
		data, err := os.ReadFile(src)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(plan, data, 0o644))
		f, err := os.OpenFile(filepath.Join(cards, output.ManifestName), os.O_APPEND|os.O_WRONLY, 0)
		require.NoError(t, err)
		_, err = f.WriteString("plan.yaml\n")
		require.NoError(t, err)
		require.NoError(t, f.Close())
		before := snapshot(t, dir)
		code, _, errOut := yishi("cards", plan, "--out", cards, "--force")
		assert.Equal(t, exitInvalid, code)
		assert.Contains(t, errOut, "yishi: invalid input: cannot remove "+plan+", a file of the earlier run: it is the plan this run reads; write the cards to another folder")
		assert.Equal(t, before, snapshot(t, dir))
	})
}
