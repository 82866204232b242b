package main

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/yishi-council/yishi/review/drilllog"
	"github.com/yishi-council/yishi/scenario/sheet"
)

// TestPaperLogGivesTheSameReport types one group's demo log in again as a
// trainer would from paper, in Excel: a CSV with Chinese headers, the
// rows in another order, times as Excel writes them, saved as GB18030,
// nobody's name in a "by" column. The report made with it is the report
// made with the demo's own log, to the byte: the measures depend on what
// happened, not on how it was written down.
func TestPaperLogGivesTheSameReport(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "demo")
	_, stderr, code := dayRun(t, nil, "demo", "--out", out)
	require.Equal(t, 0, code, stderr)
	planPath := filepath.Join(out, "plan.yaml")
	sheets, err := filepath.Glob(filepath.Join(out, "scoresheets-demo-filled", "*.csv"))
	require.NoError(t, err)
	logs, err := filepath.Glob(filepath.Join(out, "logs-demo", "*.yaml"))
	require.NoError(t, err)
	require.Len(t, logs, 10, "a log for each group of both rounds")

	report := func(logs []string) string {
		t.Helper()
		var both strings.Builder
		for _, format := range []string{"json", "html"} {
			stdout, stderr, code := dayRun(t, nil, append(append([]string{"review", planPath, "--format", format}, sheets...), logs...)...)
			require.Equal(t, 0, code, stderr)
			both.WriteString(stdout)
		}
		return both.String()
	}
	want := report(logs)
	assert.Contains(t, want, `"measures"`)

	// Group 2 of round 1 typed in from paper.
	data, err := os.ReadFile(filepath.Join(out, "logs-demo", "round-1-group-2.yaml"))
	require.NoError(t, err)
	l, diags := drilllog.Parse("round-1-group-2.yaml", data)
	require.Empty(t, diags)
	// Rows in another order, those logged at the same moment kept in
	// theirs: the order of a tie is all that says which came first.
	var (
		times []string
		at    = map[string][][]string{}
	)
	for _, e := range l.Entries {
		phase := ""
		if e.Phase > 0 {
			phase = strconv.Itoa(e.Phase)
		}
		when := e.At.Format("2006/1/2 15:04:05")
		if _, ok := at[when]; !ok {
			times = append(times, when)
		}
		at[when] = append(at[when], []string{"1", "2", when, string(e.Kind), phase, e.Inject, e.Member, ""})
	}
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(times), func(i, j int) { times[i], times[j] = times[j], times[i] })
	rows := [][]string{{"轮次", "组", "时间", "类型", "环节", "情景注入", "成员", "结束"}}
	for _, when := range times {
		rows = append(rows, at[when]...)
	}
	require.Greater(t, len(times), 50)
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(bytes.TrimPrefix(sheet.WriteCSV(rows), []byte(sheet.BOM)))
	require.NoError(t, err)
	paper := filepath.Join(dir, "第1轮第2组.csv")
	require.NoError(t, os.WriteFile(paper, gb, 0o644))

	var mixed []string
	for _, f := range logs {
		if filepath.Base(f) != "round-1-group-2.yaml" {
			mixed = append(mixed, f)
		}
	}
	assert.Equal(t, want, report(append(mixed, paper)), "the paper log gives the same report")
}
