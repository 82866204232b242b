package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles/grouping/mdgplib"
)

func TestParseArgs(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr bool
		check   func(t *testing.T, o any)
	}{
		{name: "mdgp defaults", args: []string{"mdgp", "--instances", "x"}, check: func(t *testing.T, o any) {
			assert.Equal(t, mdgpOptions{Instances: "x", Scale: 1, Seed: 1}, o)
		}},
		{name: "mdgp all flags", args: []string{"mdgp", "--instances", "d", "--best", "b.csv", "--filter", "RanReal_n120", "--scale", "0.5", "--seed", "7"}, check: func(t *testing.T, o any) {
			assert.Equal(t, mdgpOptions{Instances: "d", Best: "b.csv", Filter: "RanReal_n120", Scale: 0.5, Seed: 7}, o)
		}},
		{name: "mdgp needs instances", args: []string{"mdgp"}, wantErr: true},
		{name: "mdgp bad scale", args: []string{"mdgp", "--instances", "d", "--scale", "0"}, wantErr: true},
		{name: "categorical defaults", args: []string{"categorical"}, check: func(t *testing.T, o any) {
			assert.Equal(t, categoricalOptions{Sizes: []int{30, 200, 1000, 10000, 100000}, MinAttrs: 2, MaxAttrs: 5, Seed: 1}, o)
		}},
		{name: "categorical one attr count", args: []string{"categorical", "--sizes", "30, 60", "--attrs", "3"}, check: func(t *testing.T, o any) {
			assert.Equal(t, categoricalOptions{Sizes: []int{30, 60}, MinAttrs: 3, MaxAttrs: 3, Seed: 1}, o)
		}},
		{name: "categorical bad attrs", args: []string{"categorical", "--attrs", "0..9"}, wantErr: true},
		{name: "categorical bad size", args: []string{"categorical", "--sizes", "1"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			var o any
			var err error
			switch tt.args[0] {
			case "mdgp":
				o, err = parseMDGPArgs(tt.args[1:], &stderr)
			default:
				o, err = parseCategoricalArgs(tt.args[1:], &stderr)
			}
			if tt.wantErr {
				require.Error(t, err)
				assert.NotEmpty(t, stderr.String())
				return
			}
			require.NoError(t, err)
			tt.check(t, o)
		})
	}
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	// 4 elements, 2 groups of 2: the best split pairs (0,1) and (2,3): 10+10.
	inst := "4 2 ss 2 2 2 2\n0 1 10\n0 2 1\n0 3 1\n1 2 1\n1 3 1\n2 3 10\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "Tiny_n004_ss_01.txt"), []byte(inst), 0o644))
	best := filepath.Join(dir, "best.csv")
	require.NoError(t, os.WriteFile(best, []byte("instance,recomputed_obj_of_TPSDP_best_solution\nTiny_n004_ss_01,20.000\n"), 0o644))

	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  []string // substrings of stdout
		wantErr  string   // substring of stderr
	}{
		{name: "no args", args: nil, wantCode: exitUsage, wantErr: "usage"},
		{name: "unknown", args: []string{"nope"}, wantCode: exitUsage, wantErr: `unknown benchmark "nope"`},
		{name: "mdgp", args: []string{"mdgp", "--instances", dir, "--best", best, "--scale", "0.01"}, wantCode: exitOK,
			wantOut: []string{`"instance":"Tiny_n004_ss_01"`, `"objective":20`, `"gap_pct":0`, `"summary":"Tiny"`}},
		{name: "mdgp missing folder", args: []string{"mdgp", "--instances", filepath.Join(dir, "none")}, wantCode: exitFailure, wantErr: "no *.txt instances"},
		{name: "categorical", args: []string{"categorical", "--sizes", "30", "--attrs", "2"}, wantCode: exitOK,
			wantOut: []string{`"n":30`, `"attrs":2`, `"groups":4`, `"gap_pct":0`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			assert.Equal(t, tt.wantCode, code, stderr.String())
			for _, w := range tt.wantOut {
				assert.Contains(t, stdout.String(), w)
			}
			if tt.wantErr != "" {
				assert.Contains(t, stderr.String(), tt.wantErr)
			}
			for _, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
				if line != "" {
					assert.True(t, json.Valid([]byte(line)), "JSON line %q", line)
				}
			}
		})
	}
}

// The benchmark reads the real MDGPLIB files: an instance and the
// best-known values by their column names. One instance for three
// thousandths of its budget checks the formats, not the optimiser.
func TestRunOnMDGPLIB(t *testing.T) {
	root := mdgplib.Dir(t, "")
	var stdout, stderr bytes.Buffer
	code := run([]string{"mdgp", "--instances", filepath.Join(root, "instances"), "--best", filepath.Join(root, "best_known_copied.csv"),
		"--filter", "RanReal_n120_ss_01", "--scale", "0.003"}, &stdout, &stderr)
	require.Equal(t, exitOK, code, stderr.String())
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	require.Len(t, lines, 2, "one instance and its class summary")
	var r mdgpResult
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &r))
	assert.Equal(t, "RanReal_n120_ss_01", r.Instance)
	assert.Equal(t, 120, r.N)
	require.NotNil(t, r.BestKnown, "the best-known value is found")
	assert.Positive(t, *r.BestKnown)
	assert.Contains(t, lines[1], `"summary":"RanReal"`)
}
