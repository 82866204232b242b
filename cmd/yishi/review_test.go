package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReviewOptionsCheck(t *testing.T) {
	tests := []struct {
		name       string
		opts       reviewOptions
		wantFormat string
		wantUsage  bool
	}{
		{name: "stdout defaults to markdown", opts: reviewOptions{}, wantFormat: "md"},
		{name: "html by extension", opts: reviewOptions{Out: "r.HTML"}, wantFormat: "html"},
		{name: "json by extension", opts: reviewOptions{Out: "r.json"}, wantFormat: "json"},
		{name: "csv by extension", opts: reviewOptions{Out: "scores.csv"}, wantFormat: "csv"},
		{name: "no extension is html", opts: reviewOptions{Out: "report"}, wantFormat: "html"},
		{name: "flag beats extension", opts: reviewOptions{Out: "r.txt", Format: "md"}, wantFormat: "md"},
		{name: "unknown extension", opts: reviewOptions{Out: "r.docx"}, wantUsage: true},
		{name: "unknown format", opts: reviewOptions{Format: "pdf"}, wantUsage: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.opts.check()
			if tt.wantUsage {
				var u *usageError
				require.True(t, errors.As(err, &u), "want a usage error, got %v", err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantFormat, tt.opts.Format)
		})
	}
}

func TestScoresheetsOptionsCheck(t *testing.T) {
	ok := scoresheetsOptions{Reviewers: []string{"A"}, Format: "csv", Out: "x"}
	tests := []struct {
		name   string
		modify func(o *scoresheetsOptions)
		usage  bool
	}{
		{name: "ok", modify: func(o *scoresheetsOptions) {}},
		{name: "bad format", modify: func(o *scoresheetsOptions) { o.Format = "pdf" }, usage: true},
		{name: "no reviewer", modify: func(o *scoresheetsOptions) { o.Reviewers = nil }, usage: true},
		{name: "no out", modify: func(o *scoresheetsOptions) { o.Out = "" }, usage: true},
		{name: "group 0", modify: func(o *scoresheetsOptions) { o.Groups = []int{0} }, usage: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := ok
			tt.modify(&o)
			err := o.check()
			if !tt.usage {
				require.NoError(t, err)
				return
			}
			var u *usageError
			assert.True(t, errors.As(err, &u), "want a usage error, got %v", err)
		})
	}
}

// TestReviewArgs runs the whole command line: argv in, exit code and
// output out.
func TestReviewArgs(t *testing.T) {
	dir := t.TempDir()
	plan, err := os.ReadFile("../../review/testdata/plan.yaml")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "plan.yaml"), plan, 0o644))
	sheets, err := filepath.Glob("../../review/testdata/report/sheets/*")
	require.NoError(t, err)
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   string
		stderr   string
		wantFile string
	}{
		{name: "markdown to stdout", args: append([]string{"review", filepath.Join(dir, "plan.yaml"), "--allow-no-plan-id"}, sheets...), stdout: "# Debrief report"},
		{name: "html file", args: append([]string{"review", filepath.Join(dir, "plan.yaml"), "--allow-no-plan-id", "--out", filepath.Join(dir, "r.html")}, sheets...), stdout: "1 disagreement", wantFile: "r.html"},
		{name: "hand-made sheets need --allow-no-plan-id", args: append([]string{"review", filepath.Join(dir, "plan.yaml"), "--out", filepath.Join(dir, "refused.html")}, sheets...), code: exitInvalid, stderr: "give --allow-no-plan-id to take it anyway"},
		{name: "bad format", args: []string{"review", filepath.Join(dir, "plan.yaml"), sheets[0], "--format", "xls"}, code: exitUsage, stderr: "--format must be"},
		{name: "missing sheet", args: []string{"review", filepath.Join(dir, "plan.yaml"), filepath.Join(dir, "nope.csv")}, code: exitInvalid, stderr: "nope.csv"},
		{name: "scoresheets", args: []string{"scoresheets", filepath.Join(dir, "plan.yaml"), "-R", "王老师", "--format", "csv", "--out", filepath.Join(dir, "s")}, stdout: "4 blank scoresheets", wantFile: "s/scoresheet-王老师.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tt.args, strings.NewReader(""), &out, &errOut)
			assert.Equal(t, tt.code, code, "stderr: %s", errOut.String())
			assert.Contains(t, out.String(), tt.stdout)
			assert.Contains(t, errOut.String(), tt.stderr)
			if tt.wantFile != "" {
				assert.FileExists(t, filepath.Join(dir, tt.wantFile))
			}
		})
	}
}
