package review

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fixture loads the small fixed plan of testdata and its bundled scenario.
func fixture(t testing.TB) (*plan.Plan, *scenario.Scenario) {
	t.Helper()
	p, diags := plan.ReadFile("testdata/plan.yaml")
	require.NoError(t, diags.Err())
	return p, bundled(t, p.Scenario.ID)
}

func bundled(t testing.TB, id string) *scenario.Scenario {
	t.Helper()
	data, name, err := scenarios.YAML(id)
	require.NoError(t, err)
	s, diags := scenario.ParseScenario(name, data, scenarios.Rubric)
	require.NoError(t, diags.Err())
	return s
}

// readSheets parses every file given, failing the test on an error.
func readSheets(t testing.TB, p *plan.Plan, s *scenario.Scenario, files ...string) []Scoresheet {
	t.Helper()
	var out []Scoresheet
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		sheets, diags := ParseScoresheets(filepath.ToSlash(f), data, p, s.Rubric.Rubric, ParseOptions{AllowNoPlanID: true})
		require.NoError(t, diags.Err(), "%s", f)
		out = append(out, sheets...)
	}
	require.NoError(t, CheckScoresheets(out).Err())
	return out
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
	require.Equal(t, string(want), string(got), "%s differs; run go test -update if the change is intended", file)
}

func intp(v int) *int { return &v }
