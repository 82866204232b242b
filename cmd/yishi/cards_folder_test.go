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
