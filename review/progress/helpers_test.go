package progress

import (
	"flag"
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/review"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fixture loads one of the review package's small fixed plans and its
// bundled scenario.
func fixture(t testing.TB, file string) (*plan.Plan, *scenario.Scenario) {
	t.Helper()
	p, diags := plan.ReadFile(file)
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

// demo is the cohort of a plan with demo scoresheets by two reviewers.
func demo(t testing.TB, file string) (*plan.Plan, *scenario.Scenario, *review.Report) {
	t.Helper()
	p, s := fixture(t, file)
	sheets := review.DemoScoresheets(p, s, []string{"Reviewer A", "Reviewer B"}, 7)
	return p, s, review.BuildReport(p, s, sheets)
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

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

func intp(v int) *int         { return &v }
func f64p(v float64) *float64 { return &v }

// fileData is the content of the file at path among files.
func fileData(t testing.TB, files []File, path string) []byte {
	t.Helper()
	for _, f := range files {
		if f.Path == path {
			return f.Data
		}
	}
	require.Failf(t, "no file", "%s", path)
	return nil
}
