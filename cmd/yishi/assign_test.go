package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles/plan"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestAssignFlags checks argv → options, and the usage errors (exit 2).
// What the options produce is checked by testdata/script/assign.txtar.
func TestAssignFlags(t *testing.T) {
	// No timing flag: the scenario's schedule decides.
	untimed := plan.Timing{Break: -1}
	tests := []struct {
		name    string
		argv    []string
		want    assignOptions
		wantErr string
	}{
		{name: "defaults", argv: []string{"--scenario", "s", "--roster", "r.csv", "--out", "p.yaml"},
			want: assignOptions{Scenario: "s", Roster: "r.csv", Out: "p.yaml", Seed: 1, Budget: 30 * time.Second, Timing: untimed}},
		{name: "everything", argv: []string{"-s", "my.yaml", "-r", "报名表.xlsx", "--sheet", "第一期", "-g", "5", "--rounds", "3", "--seed", "7",
			"--budget", "5s", "--iterations", "1000", "--dry-run", "--force"},
			want: assignOptions{Scenario: "my.yaml", Roster: "报名表.xlsx", Sheet: "第一期", Groups: 5, Rounds: 3, Seed: 7,
				Budget: 5 * time.Second, Iterations: 1000, DryRun: true, Force: true, Timing: untimed}},
		{name: "strict backgrounds", argv: []string{"-s", "s", "-r", "r", "--strict-backgrounds", "--dry-run"},
			want: assignOptions{Scenario: "s", Roster: "r", Seed: 1, Budget: 30 * time.Second, DryRun: true, StrictBackgrounds: true, Timing: untimed}},
		{name: "history", argv: []string{"-s", "s", "-r", "r", "--history", "cohort.db", "--dry-run"},
			want: assignOptions{Scenario: "s", Roster: "r", Seed: 1, Budget: 30 * time.Second, DryRun: true, History: "cohort.db", Timing: untimed}},
		{name: "size", argv: []string{"-s", "s", "-r", "r", "--size", "6", "--dry-run"},
			want: assignOptions{Scenario: "s", Roster: "r", Size: 6, Seed: 1, Budget: 30 * time.Second, DryRun: true, Timing: untimed}},
		{name: "timing", argv: []string{"-s", "s", "-r", "r", "--start", "9：00", "--break", "15", "--tables", "A1，A2、 东厅", "--dry-run"},
			want: assignOptions{Scenario: "s", Roster: "r", Seed: 1, Budget: 30 * time.Second, DryRun: true,
				Timing: plan.Timing{Start: "9：00", Break: 15, Tables: []string{"A1", "A2", "东厅"}}}},
		{name: "bad break", argv: []string{"-s", "s", "-r", "r", "--break", "-5m", "--dry-run"}, wantErr: `--break "-5m": give whole minutes`},
		{name: "no roster", argv: []string{"-s", "s", "--out", "p"}, wantErr: "assign needs --scenario and --roster"},
		{name: "no out", argv: []string{"-s", "s", "-r", "r"}, wantErr: "needs --out FILE for the plan, or --dry-run"},
		{name: "groups and size", argv: []string{"-s", "s", "-r", "r", "-g", "2", "--size", "4", "--dry-run"}, wantErr: "give --groups or --size, not both"},
		{name: "negative", argv: []string{"-s", "s", "-r", "r", "--rounds", "-1", "--dry-run"}, wantErr: "must not be negative"},
		{name: "argument", argv: []string{"extra", "-s", "s", "-r", "r", "--dry-run"}, wantErr: "takes no arguments"},
		{name: "bad seed", argv: []string{"-s", "s", "-r", "r", "--seed", "-3", "--dry-run"}, wantErr: "invalid argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _, _ := testFactory(nil)
			var got *assignOptions
			cmd := newAssignCmdRun(f, func(o *assignOptions) error { got = o; return nil })
			cmd.SetArgs(tt.argv)
			cmd.SetOut(&bytes.Buffer{})
			cmd.SetErr(&bytes.Buffer{})
			cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err: err} })
			err := cmd.Execute()
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				var u *usageError
				assert.ErrorAs(t, err, &u, "a usage error exits 2")
				return
			}
			require.NoError(t, err)
			require.NotNil(t, got)
			got.ctx = nil
			assert.NotNil(t, got.Writer, "the command writes through the factory's file system")
			got.Writer = nil
			require.NotNil(t, got.Now, "the budget is measured by the factory's clock")
			got.Now = nil
			tt.want.IO = f.IO
			assert.Equal(t, tt.want, *got)
		})
	}
}

// Colour only on a terminal, never with NO_COLOR set (https://no-color.org).
func TestColourOnlyOnATerminal(t *testing.T) {
	var buf bytes.Buffer
	assert.False(t, colorWanted(&buf), "a buffer is not a terminal")
	s := newStreams(nil, &buf, &buf)
	assert.Equal(t, trusted("plain"), s.paint(ansiRed, "plain"))
	s.Color = true
	assert.Equal(t, trusted(ansiRed+"red"+ansiReset), s.paint(ansiRed, "red"))
	assert.Equal(t, trusted("out"), s.paintOut(ansiRed, "out"), "stdout has its own setting: a redirected stdout gets no colour")

	devNull, err := os.Open(os.DevNull)
	require.NoError(t, err)
	defer devNull.Close()
	assert.False(t, colorWanted(devNull), "/dev/null is a character device but not a terminal")

	t.Setenv("NO_COLOR", "")
	assert.False(t, colorWanted(&buf))
}

// The summary says how the roster was read, so that a trainer sees a
// wrong guess of its encoding.
func TestAssignSaysHowTheRosterWasRead(t *testing.T) {
	dir := t.TempDir()
	latin := "id,name,unit,background\n"
	for i, n := range []string{"Renée Dupont", "José Martín", "Zoë Li", "Ana Núñez", "Søren Wu", "Chloé Ma"} {
		latin += fmt.Sprintf("T%02d,%s,Unit %d,%s\n", i+1, n, i%3, []string{"discussion class", "social worker", "resident rep"}[i%3])
	}
	cp1252, err := charmap.Windows1252.NewEncoder().String(latin)
	require.NoError(t, err)
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(testRoster)
	require.NoError(t, err)
	tests := []struct {
		file, data, groups, want string
	}{
		{"utf8.csv", testRoster, "2", "read %s (utf-8, 12 trainees)"},
		{"excel-zh.csv", gb, "2", "read %s (gb18030, 12 trainees)"},
		{"excel-fr.csv", cp1252, "1", "read %s (windows-1252, 6 trainees)"},
		{"roster.yaml", "version: 1\nkind: roster\ntrainees:\n" + yamlTrainees(testRoster), "2", "read %s (yaml, 12 trainees)"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			require.NoError(t, os.WriteFile(path, []byte(tt.data), 0o644))
			f, stdout, stderr := testFactory(nil)
			code := execute(f, []string{"assign", "--scenario", "elevator-retrofit", "--roster", path, "--groups", tt.groups, "--dry-run"})
			require.Equal(t, exitOK, code, stderr.String())
			assert.Contains(t, stdout.String(), fmt.Sprintf(tt.want, path))
		})
	}
}

// yamlTrainees turns CSV rows of id, name, unit and background into YAML
// list items.
func yamlTrainees(csv string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(csv), "\n")[1:] {
		c := strings.Split(line, ",")
		fmt.Fprintf(&b, "  - {id: %s, name: %s, unit: %s, background: %s}\n", c[0], c[1], c[2], c[3])
	}
	return b.String()
}
