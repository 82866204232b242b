package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
	"github.com/yishi-council/yishi/scenarios"
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

// under lists the files of files that are under dir/, without the manifest.
func under(files []string, dir string) []string {
	var out []string
	for _, f := range files {
		if strings.HasPrefix(f, dir+"/") && filepath.Base(f) != output.ManifestName {
			out = append(out, f)
		}
	}
	return out
}

// twoPlans writes two plans of the same scenario, two rounds each: a's from
// the sample roster, b's from another roster, without its last six
// trainees, so that the two plans' cards differ.
func twoPlans(t *testing.T, dir string) (a, b string) {
	t.Helper()
	require.NoError(t, os.Mkdir(filepath.Join(dir, "a"), 0o755))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "b"), 0o755))
	data, err := fs.ReadFile(scenarios.FS(), scenarios.SampleRoster)
	require.NoError(t, err)
	lines := strings.SplitAfter(strings.TrimSuffix(string(data), "\n"), "\n")
	other := strings.Join(lines[:len(lines)-6], "")
	a = writeTestPlan(t, filepath.Join(dir, "a"), "shared-parking-charging", 2)
	b = writeTestPlanRoster(t, filepath.Join(dir, "b"), "shared-parking-charging", 2, []byte(other))
	return a, b
}

// A --round run into a folder of a whole day's cards replaces that round's
// cards whole, keeps the other rounds', and removes the whole-day
// all-cards and master sheet, which would still hold the old plan's
// briefs, saying so.
func TestCardsRoundIntoWholeDay(t *testing.T) {
	dir := t.TempDir()
	planA, planB := twoPlans(t, dir)
	cards, freshA, freshB := filepath.Join(dir, "cards"), filepath.Join(dir, "freshA"), filepath.Join(dir, "freshB")
	yishiOK(t, "cards", planA, "--out", cards)
	yishiOK(t, "cards", planA, "--out", freshA)
	yishiOK(t, "cards", planB, "--round", "1", "--out", freshB)

	code, _, errOut := yishi("cards", planB, "--round", "1", "--out", cards)
	assert.Equal(t, exitInvalid, code)
	assert.Contains(t, errOut, "use --force to overwrite", "round 1's cards and the whole-day files are the earlier run's")

	out := yishiOK(t, "cards", planB, "--round", "1", "--out", cards, "--force")
	assert.Contains(t, out, "removed the whole-day all-cards and master sheet, which may no longer match; run `yishi cards "+planB+" --out "+cards+"` without --round to make them again")

	got, a, b := listFiles(t, cards), listFiles(t, freshA), listFiles(t, freshB)
	assert.Equal(t, under(b, "round-1"), under(got, "round-1"), "round 1 holds the new plan's cards and no card of the old plan")
	assert.Equal(t, under(a, "round-2"), under(got, "round-2"), "round 2 keeps the old plan's cards")
	assert.NotContains(t, got, "all-cards.html", "the whole-day all-cards held the old plan's round 1")
	assert.NotContains(t, got, "master-sheet-TRAINER-ONLY.html")
	assert.NotContains(t, got, "round-1/"+output.ManifestName, "one manifest, at the top")

	// The manifest now names round 1 of the new plan and round 2 of the
	// old: a whole-day run replaces them all.
	yishiOK(t, "cards", planB, "--out", freshB+"-day")
	yishiOK(t, "cards", planB, "--out", cards, "--force")
	assert.Equal(t, listFiles(t, freshB+"-day"), listFiles(t, cards))

	// A --round run into a folder holding no whole-day files says nothing
	// of them.
	out = yishiOK(t, "cards", planA, "--round", "2", "--out", filepath.Join(dir, "rounds"))
	assert.NotContains(t, out, "removed the whole-day")
}

// With --output json, the whole-day files a --round run removed are listed.
func TestCardsRoundJSONListsRemoved(t *testing.T) {
	dir := t.TempDir()
	planA, planB := twoPlans(t, dir)
	cards := filepath.Join(dir, "cards")
	yishiOK(t, "cards", planA, "--out", cards)
	out := yishiOK(t, "cards", planB, "--round", "2", "--out", cards, "--force", "-o", "json")
	assert.Contains(t, out, `"removed": [`)
	assert.Contains(t, out, filepath.Join(cards, "all-cards.html"))
	assert.NoFileExists(t, filepath.Join(cards, "all-cards.html"))
}

// A whole-day run into a folder of --round runs' cards leaves exactly the
// new plan's files.
func TestCardsWholeDayAfterRounds(t *testing.T) {
	dir := t.TempDir()
	planA, planB := twoPlans(t, dir)
	cards, fresh := filepath.Join(dir, "cards"), filepath.Join(dir, "fresh")
	yishiOK(t, "cards", planA, "--round", "1", "--out", cards)
	yishiOK(t, "cards", planB, "--out", fresh)
	yishiOK(t, "cards", planB, "--out", cards, "--force")
	assert.Equal(t, listFiles(t, fresh), listFiles(t, cards))

	// A whole-day run in another format removes the old all-cards, and
	// writes its own: there is nothing to say.
	out := yishiOK(t, "cards", planB, "--out", cards, "--format", "md", "--force")
	assert.NotContains(t, out, "removed the whole-day")
	assert.FileExists(t, filepath.Join(cards, "all-cards.md"))
	assert.NoFileExists(t, filepath.Join(cards, "all-cards.html"))
}

// Two rounds written one after the other are both kept, in one manifest,
// and need no --force; a whole-day run then replaces both.
func TestCardsTwoRoundsOneAfterTheOther(t *testing.T) {
	dir := t.TempDir()
	planA, planB := twoPlans(t, dir)
	cards, freshA, freshB := filepath.Join(dir, "cards"), filepath.Join(dir, "freshA"), filepath.Join(dir, "freshB")
	yishiOK(t, "cards", planA, "--round", "1", "--out", cards)
	yishiOK(t, "cards", planA, "--round", "2", "--out", cards)
	yishiOK(t, "cards", planA, "--round", "1", "--out", freshA)
	yishiOK(t, "cards", planA, "--round", "2", "--out", freshA+"2")

	got := listFiles(t, cards)
	assert.Equal(t, under(listFiles(t, freshA), "round-1"), under(got, "round-1"))
	assert.Equal(t, under(listFiles(t, freshA+"2"), "round-2"), under(got, "round-2"))
	assert.FileExists(t, filepath.Join(cards, "round-1", "all-cards.html"))
	assert.FileExists(t, filepath.Join(cards, "round-2", "master-sheet-TRAINER-ONLY.html"))
	manifest, err := os.ReadFile(filepath.Join(cards, output.ManifestName))
	require.NoError(t, err)
	assert.Contains(t, string(manifest), "round-1/all-cards.html\n")
	assert.Contains(t, string(manifest), "round-2/all-cards.html\n")

	yishiOK(t, "cards", planB, "--out", freshB)
	yishiOK(t, "cards", planB, "--out", cards, "--force")
	assert.Equal(t, listFiles(t, freshB), listFiles(t, cards))
}

// A folder of cards written by an earlier yishi, whose --round runs kept a
// manifest of their own in round-R/, is taken over whole: its stale cards
// are removed too.
func TestCardsOldRoundManifest(t *testing.T) {
	dir := t.TempDir()
	planA, planB := twoPlans(t, dir)
	cards, tmp, fresh := filepath.Join(dir, "cards"), filepath.Join(dir, "tmp"), filepath.Join(dir, "fresh")
	// What `cards --round 1 --out cards` wrote before: cards/round-1/ with
	// its own manifest, naming files from there.
	yishiOK(t, "cards", planA, "--round", "1", "--out", tmp)
	var old strings.Builder
	for _, f := range under(listFiles(t, tmp), "round-1") {
		old.WriteString(strings.TrimPrefix(f, "round-1/") + "\n")
	}
	require.NoError(t, os.MkdirAll(cards, 0o755))
	require.NoError(t, os.Rename(filepath.Join(tmp, "round-1"), filepath.Join(cards, "round-1")))
	require.NoError(t, os.WriteFile(filepath.Join(cards, "round-1", output.ManifestName), []byte(old.String()), 0o644))

	t.Run("a round", func(t *testing.T) {
		yishiOK(t, "cards", planB, "--round", "1", "--out", fresh+"1")
		c := filepath.Join(dir, "round")
		require.NoError(t, os.CopyFS(c, os.DirFS(cards)))
		code, _, errOut := yishi("cards", planB, "--round", "1", "--out", c)
		assert.Equal(t, exitInvalid, code, "the old cards are there: --force is needed")
		assert.Contains(t, errOut, "use --force")
		yishiOK(t, "cards", planB, "--round", "1", "--out", c, "--force")
		assert.Equal(t, listFiles(t, fresh+"1"), listFiles(t, c))
	})
	t.Run("the whole day", func(t *testing.T) {
		yishiOK(t, "cards", planB, "--out", fresh)
		yishiOK(t, "cards", planB, "--out", cards, "--force")
		assert.Equal(t, listFiles(t, fresh), listFiles(t, cards))
	})
}

// A whole-day run and a --round run into one folder at once: they take
// one lock, so the second fails at once, saying another run is writing
// there, and the folder holds the first run's files only.
func TestCardsWholeDayAndRoundAtOnce(t *testing.T) {
	for _, tt := range []struct {
		name          string
		first, second []string
	}{
		{name: "whole day first", first: nil, second: []string{"--round", "1"}},
		{name: "round first", first: []string{"--round", "2"}, second: nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			planA, planB := twoPlans(t, dir)
			cards, fresh := filepath.Join(dir, "cards"), filepath.Join(dir, "fresh")

			slow := blockFS{FS: output.OS, once: &sync.Once{}, entered: make(chan struct{}), release: make(chan struct{})}
			fA, _, errA := testFactory(slow)
			first := make(chan int, 1)
			go func() { first <- execute(fA, append([]string{"cards", planA, "--out", cards}, tt.first...)) }()
			<-slow.entered

			code, _, errOut := yishi(append([]string{"cards", planB, "--out", cards, "--force"}, tt.second...)...)
			close(slow.release)
			assert.Equal(t, exitIO, code)
			assert.Contains(t, errOut, "another yishi run (pid ")
			assert.Contains(t, errOut, "is writing into "+cards+"; wait for it to finish")

			require.Equal(t, exitOK, <-first, errA.String())
			yishiOK(t, append([]string{"cards", planA, "--out", fresh}, tt.first...)...)
			assert.Equal(t, listFiles(t, fresh), listFiles(t, cards), "only the first run's cards")
		})
	}
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
