package roles_test

import (
	"bytes"
	"io/fs"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenarios"
)

// The plan depends on the set of trainees and the seed, never on the order
// of the roster's rows: a trainer who sorts the sign-up sheet by name
// before importing it gets the same groups and roles.
func TestAssignIgnoresRowOrder(t *testing.T) {
	s, _, err := scenarios.Load(scenarios.DefaultScenario)
	require.NoError(t, err)
	data, err := fs.ReadFile(scenarios.FS(), scenarios.SampleRoster)
	require.NoError(t, err)
	lines := bytes.SplitAfter(bytes.TrimRight(data, "\n"), []byte("\n"))
	header, rows := lines[0], lines[1:]
	for i := range rows {
		rows[i] = append(bytes.TrimRight(rows[i], "\n"), '\n')
	}
	reordered := func(order func([][]byte)) []byte {
		rs := slices.Clone(rows)
		order(rs)
		return slices.Concat(append([][]byte{header}, rs...)...)
	}
	variants := map[string][]byte{
		"file order": data,
		"reversed":   reordered(slices.Reverse[[][]byte]),
		"by name":    reordered(func(rs [][]byte) { slices.SortFunc(rs, func(a, b []byte) int { return bytes.Compare(a[4:], b[4:]) }) }),
	}
	for seed := uint64(1); seed <= 3; seed++ {
		rng := rand.New(rand.NewPCG(seed, 99))
		variants["shuffled "+string(rune('0'+seed))] = reordered(func(rs [][]byte) {
			rng.Shuffle(len(rs), func(i, j int) { rs[i], rs[j] = rs[j], rs[i] })
		})
	}
	plans := map[string]string{}
	for name, csv := range variants {
		r, diags := roster.Parse(scenarios.SampleRoster, csv, s, roster.Options{})
		require.NoError(t, diags.Err(), name)
		p := assign(t, s, r, roles.AssignOptions{Rounds: 3, Seed: 11, ScenarioSource: "bundled"})
		require.Empty(t, p.Unmet, name)
		// The roster's digest is of the file's bytes, which differ.
		p.Roster.SHA256 = ""
		out, err := plan.Marshal(p)
		require.NoError(t, err)
		plans[name] = string(out)
	}
	for name, got := range plans {
		assert.Equal(t, plans["file order"], got, "%s gives the plan of the file's order", name)
	}
}
