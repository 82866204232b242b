package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenarios"
)

// TestChangesOnTheDay is the day issue 10 asks for: from the demo's plan,
// two trainees do not come and one walks in; amend moves no more seats than
// its lower bound, cards --changed-since writes exactly the cards whose
// seat, role or group changed, and scoresheets made from the old plan are
// taken by review for every group the change left alone and refused, with
// the group named, for the others.
func TestChangesOnTheDay(t *testing.T) {
	dir := t.TempDir()
	in := func(p string) string { return filepath.Join(dir, p) }
	env := map[string]string{}
	run := func(want int, args ...string) string {
		t.Helper()
		stdout, stderr, code := dayRun(t, env, args...)
		require.Equal(t, want, code, "yishi %s\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), stdout, stderr)
		return stdout + stderr
	}
	run(0, "demo", "--out", in("demo"))
	oldPath := in("demo/plan.yaml")
	old, diags := plan.ReadFile(oldPath)
	require.False(t, diags.HasErrors(), "%v", diags)

	// Two absent from different groups of round 1, and one walk-in.
	g1, g2 := old.Rounds[0].Groups[0].Members, old.Rounds[0].Groups[1].Members
	absent := []string{g1[len(g1)-1].ID, g2[len(g2)-1].ID}
	walkIns, err := fs.ReadFile(scenarios.FS(), scenarios.SampleWalkIns)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(in("walk-ins.csv"), walkIns, 0o644))

	// Blank sheets of the old plan, one per group, filled in.
	run(0, "scoresheets", oldPath, "--reviewer", "Li", "--format", "yaml", "--out", in("sheets"))
	sheets, err := filepath.Glob(in("sheets/*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, sheets)
	for _, f := range sheets {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		filled := regexp.MustCompile(`score: +# 1–5`).ReplaceAllString(string(data), "score: 3")
		require.NoError(t, os.WriteFile(f, []byte(filled), 0o644))
	}

	newPath := in("demo/plan-2.yaml")
	out := run(0, "amend", oldPath, "--absent", strings.Join(absent, ","), "--add", in("walk-ins.csv"), "--out", newPath)
	moved := regexp.MustCompile(`round (\d+): moved (\d+) seats?; no amendment could move fewer than (\d+)`).FindAllStringSubmatch(out, -1)
	require.Len(t, moved, len(old.Rounds), "a line per round changed:\n%s", out)
	for _, m := range moved {
		n, _ := strconv.Atoi(m[2])
		bound, _ := strconv.Atoi(m[3])
		assert.Equal(t, bound, n, "round %s moves no more seats than the lower bound (and none can move fewer)", m[1])
	}
	cur, diags := plan.ReadFile(newPath)
	require.False(t, diags.HasErrors(), "%v", diags)

	// The cards written are exactly those whose group (members and
	// roles, the trainee's own role among them) changed, worked out here
	// from the two plans.
	out = run(0, "cards", newPath, "--changed-since", oldPath, "--out", in("changed"))
	want := changedTrainees(old, cur)
	require.NotEmpty(t, want)
	var got []string
	require.NoError(t, filepath.WalkDir(in("changed"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(in("changed"), p)
		parts := strings.Split(filepath.ToSlash(rel), "/")
		if len(parts) == 3 && strings.HasPrefix(parts[0], "round-") {
			id, _, _ := strings.Cut(parts[2], "-")
			got = append(got, strings.TrimPrefix(parts[0], "round-")+"/"+id)
		}
		return nil
	}))
	sort.Strings(got)
	assert.Equal(t, want, got, "only the changed cards are written")
	for _, id := range absent {
		assert.Contains(t, out, "("+id+"): absent: card void")
	}

	// Sheets of the old plan: good for the groups left alone, refused
	// with the group named for the others.
	var keep, changed []string
	for _, f := range sheets {
		var r, g int
		_, err := fmt.Sscanf(filepath.Base(f), "scoresheet-Li-r%d-g%d.yaml", &r, &g)
		require.NoError(t, err)
		if old.GroupID(r, g) == cur.GroupID(r, g) {
			keep = append(keep, f)
		} else {
			changed = append(changed, f)
		}
	}
	require.NotEmpty(t, keep, "some groups are left alone")
	require.NotEmpty(t, changed, "some groups changed")
	run(0, append([]string{"review", newPath, "--out", in("report.html")}, keep...)...)
	refused := run(1, append([]string{"review", newPath, "--out", in("report-2.html")}, changed[0])...)
	assert.Regexp(t, `round \d+, group \d+ has changed since this sheet was made`, refused)
	assert.Contains(t, refused, "(Council host)", "members are named with their roles as the cards call them")
	assert.NoFileExists(t, in("report-2.html"))
}

// changedTrainees lists round/id of every trainee of cur whose group in
// that round differs from their group in old: another group, other
// members, other roles, or new.
func changedTrainees(old, cur *plan.Plan) []string {
	key := func(g *plan.Group) string {
		var s []string
		for _, m := range g.Members {
			s = append(s, m.ID+":"+m.Role)
		}
		sort.Strings(s)
		return fmt.Sprintf("%d|%s", g.Group, strings.Join(s, ","))
	}
	var out []string
	for _, rd := range cur.Rounds {
		ord, _ := old.Round(rd.Round)
		for gi := range rd.Groups {
			g := &rd.Groups[gi]
			for _, m := range g.Members {
				_, og, ok := ord.Member(m.ID)
				if !ok || key(og) != key(g) {
					out = append(out, fmt.Sprintf("%d/%s", rd.Round, m.ID))
				}
			}
		}
	}
	sort.Strings(out)
	return out
}
