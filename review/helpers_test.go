package review

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles/cards"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet/xlsx"
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

// withWorkbooks is opts with the XLSX reader the CLI gives.
func withWorkbooks(opts ParseOptions) ParseOptions {
	opts.Workbook = xlsx.Read
	return opts
}

// sheetFiles renders sheets as files of format, workbooks included, as
// `yishi scoresheets` writes them.
func sheetFiles(t testing.TB, p *plan.Plan, s *scenario.Scenario, sheets []Scoresheet, format string) []cards.File {
	t.Helper()
	if format != FormatXLSX {
		files, err := ScoresheetFiles(p, s, sheets, format)
		require.NoError(t, err)
		return files
	}
	var files []cards.File
	for _, wb := range ScoresheetWorkbooks(p, s, sheets) {
		data, err := xlsx.Write(wb.Book)
		require.NoError(t, err)
		files = append(files, cards.File{Path: wb.Path, Data: data})
	}
	return files
}
