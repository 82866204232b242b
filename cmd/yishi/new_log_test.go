package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/scenario"
)

// TestNewLogFlags checks argv → options, and the usage errors.
func TestNewLogFlags(t *testing.T) {
	tests := []struct {
		name    string
		argv    []string
		want    newLogOptions
		wantErr string
	}{
		{name: "defaults", argv: []string{"plan.yaml", "--round", "1", "--group", "2"},
			want: newLogOptions{Plan: "plan.yaml", Round: 1, Group: 2, Format: "yaml"}},
		{name: "everything", argv: []string{"p.yaml", "--round", "2", "--group", "3", "--date", "2026-12-01", "-f", "csv", "-O", "x.csv", "--force"},
			want: newLogOptions{Plan: "p.yaml", Round: 2, Group: 3, Date: "2026-12-01", Format: "csv", Out: "x.csv", Force: true}},
		{name: "no round", argv: []string{"p.yaml", "--group", "1"}, wantErr: "new log needs --round R, the round the log is of"},
		{name: "no group", argv: []string{"p.yaml", "--round", "1"}, wantErr: "new log needs --group G, the group the log is of"},
		{name: "group 0", argv: []string{"p.yaml", "--round", "1", "--group", "0"}, wantErr: "--round and --group are numbered from 1"},
		{name: "bad format", argv: []string{"p.yaml", "--round", "1", "--group", "1", "--format", "xlsx"}, wantErr: `--format must be yaml or csv, not "xlsx"`},
		{name: "no plan", argv: []string{"--round", "1", "--group", "1"}, wantErr: "takes one plan file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _, _ := testFactory(nil)
			var got *newLogOptions
			cmd := newNewLogCmdRun(f, func(o *newLogOptions) error { got = o; return nil })
			cmd.SetArgs(tt.argv)
			cmd.SetOut(&bytes.Buffer{})
			cmd.SetErr(&bytes.Buffer{})
			err := cmd.Execute()
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				var u *usageError
				assert.ErrorAs(t, err, &u, "a usage error exits 2")
				assert.Nil(t, got)
				return
			}
			require.NoError(t, err)
			require.NotNil(t, got)
			got.IO, got.Writer, got.Now = nil, nil, nil
			assert.Equal(t, tt.want, *got)
		})
	}
}

// TestRunNewLog checks options → output: the file, today's date from the
// factory's clock, and nothing written on bad input.
func TestRunNewLog(t *testing.T) {
	dir := t.TempDir()
	planFile := filepath.Join(dir, "plan.yaml")
	data, err := os.ReadFile("../../review/drilllog/testdata/plan.yaml")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(planFile, data, 0o644))
	tests := []struct {
		name       string
		opts       newLogOptions
		file, want string
		invalid    string
	}{
		{name: "yaml, today", opts: newLogOptions{Round: 1, Group: 2, Format: "yaml"},
			file: "log-round-1-group-2.yaml", want: "date: \"" + testNow.Format("2006-01-02") + "\"\n"},
		{name: "csv, a date", opts: newLogOptions{Round: 2, Group: 1, Format: "csv", Date: "2026-12-01", Out: "r2.csv"},
			file: "r2.csv", want: "\n2,1,2026-12-01,,,phase_start,1,"},
		{name: "a group the round lacks", opts: newLogOptions{Round: 2, Group: 2, Format: "yaml", Out: "g.yaml"},
			file: "g.yaml", invalid: "round 2 of the plan has no group 2 (it has groups 1–1)"},
		{name: "a date that is none", opts: newLogOptions{Round: 1, Group: 1, Format: "yaml", Date: "2026-12-32", Out: "d.yaml"},
			file: "d.yaml", invalid: `--date "2026-12-32" is not a date; write it as 2026-12-01`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, stdout, _ := testFactory(nil)
			opts := tt.opts
			opts.IO, opts.Writer, opts.Now, opts.Plan = f.IO, f.writer(), f.Now, planFile
			out := filepath.Join(dir, tt.file)
			if opts.Out == "" {
				t.Chdir(dir)
			} else {
				opts.Out = out
			}
			err := runNewLog(&opts)
			if tt.invalid != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.invalid)
				assert.Equal(t, 1, exitCode(err))
				assert.NoFileExists(t, out)
				return
			}
			require.NoError(t, err)
			got, err := os.ReadFile(out)
			require.NoError(t, err)
			assert.Contains(t, string(got), tt.want)
			assert.True(t, strings.HasPrefix(stdout.String(), "wrote "), stdout.String())
			assert.ErrorIs(t, runNewLog(&opts), scenario.ErrInvalid, "a second run needs --force")
		})
	}
}
