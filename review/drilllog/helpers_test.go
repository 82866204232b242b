package drilllog

import (
	"flag"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fixture loads a small fixed plan of testdata and its bundled scenario:
// plan.yaml (elevator-retrofit, round 1 timed from 09:00) or plan-zh.yaml.
func fixture(t testing.TB, file string) (*plan.Plan, *scenario.Scenario) {
	t.Helper()
	p, diags := plan.ReadFile(file)
	require.NoError(t, diags.Err())
	data, name, err := scenarios.YAML(p.Scenario.ID)
	require.NoError(t, err)
	s, diags := scenario.ParseScenario(name, data, scenarios.Rubric)
	require.NoError(t, diags.Err())
	return p, s
}

// golden compares got with the file, or rewrites it with -update.
func golden(t *testing.T, file string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(file, got, 0o644))
		return
	}
	want, err := os.ReadFile(file)
	require.NoError(t, err, "run go test -update to create it")
	require.Equal(t, string(want), string(got), "%s differs; run go test -update and read the diff", file)
}

// lines renders diagnostics one per line, as the CLI prints them.
func lines(d scenario.Diagnostics) []string {
	out := []string{}
	for _, x := range d {
		out = append(out, x.String())
	}
	return out
}
