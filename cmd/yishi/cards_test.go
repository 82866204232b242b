package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/roles/cards"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// TestCardsFlags checks argv → options, and the usage errors.
func TestCardsFlags(t *testing.T) {
	tests := []struct {
		name    string
		argv    []string
		want    cardsOptions
		wantErr string
	}{
		{name: "defaults", argv: []string{"plan.yaml", "--out", "cards"},
			want: cardsOptions{Plan: "plan.yaml", Out: "cards", Format: "html", Paper: "a4"}},
		{name: "everything", argv: []string{"p.yaml", "-O", "d", "--format", "MD", "--round", "2", "--paper", "A5", "--force"},
			want: cardsOptions{Plan: "p.yaml", Out: "d", Format: "md", Paper: "a5", Round: 2, Force: true}},
		{name: "bad format", argv: []string{"p.yaml", "--out", "d", "--format", "pdf"}, wantErr: `--format must be one of html, md, txt, json, not "pdf"`},
		{name: "bad paper", argv: []string{"p.yaml", "--out", "d", "--paper", "letter"}, wantErr: `--paper must be a5 or a4`},
		{name: "no out", argv: []string{"p.yaml"}, wantErr: "cards needs --out DIR"},
		{name: "no plan", argv: []string{"--out", "d"}, wantErr: "takes one plan file"},
		{name: "negative round", argv: []string{"p.yaml", "--out", "d", "--round", "-1"}, wantErr: "--round must not be negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _, _ := testFactory(nil)
			var got *cardsOptions
			cmd := newCardsCmdRun(f, func(o *cardsOptions) error { got = o; return nil })
			cmd.SetArgs(tt.argv)
			cmd.SetOut(&bytes.Buffer{})
			cmd.SetErr(&bytes.Buffer{})
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
			assert.NotNil(t, got.Writer, "the command writes through the factory's file system")
			got.Writer = nil
			tt.want.IO = f.IO
			assert.Equal(t, tt.want, *got)
		})
	}
}

// writeTestPlan assigns the sample roster to a bundled scenario and writes
// the plan into dir.
func writeTestPlan(t *testing.T, dir, id string, rounds int) string {
	t.Helper()
	rosterData, err := fs.ReadFile(scenarios.FS(), scenarios.SampleRoster)
	require.NoError(t, err)
	return writeTestPlanRoster(t, dir, id, rounds, rosterData)
}

// writeTestPlanRoster is writeTestPlan with another roster.
func writeTestPlanRoster(t *testing.T, dir, id string, rounds int, rosterData []byte) string {
	t.Helper()
	src, name, err := scenarios.YAML(id)
	require.NoError(t, err)
	s, diags := scenario.ParseScenario(name, src, scenarios.Rubric)
	require.NoError(t, diags.Err())
	rst, diags := roster.Parse("roster.csv", rosterData, s, roster.Options{})
	require.NoError(t, diags.Err())
	p, err := roles.Assign(context.Background(), s, rst, roles.AssignOptions{
		Rounds: rounds, Seed: 3, Iterations: 2000, ScenarioSource: "bundled", ScenarioSHA256: plan.Digest(src),
	})
	require.NoError(t, err)
	data, err := plan.Marshal(p)
	require.NoError(t, err)
	path := filepath.Join(dir, "plan.yaml")
	require.NoError(t, os.WriteFile(path, data, 0o644))
	return path
}

// TestRunCards checks options → output.
func TestRunCards(t *testing.T) {
	dir := t.TempDir()
	plan := writeTestPlan(t, dir, "shared-parking-charging", 2)
	tests := []struct {
		name       string
		opts       cardsOptions
		json       bool
		wantErr    string
		wantOut    []string
		wantFiles  []string
		wantAbsent []string
	}{
		{name: "html", opts: cardsOptions{Format: "html", Paper: "a5", Out: "all"},
			wantOut:   []string{"60 cards for 30 trainees in 2 rounds, html", "wrote 66 files", "master-sheet-TRAINER-ONLY.html", "trainer only"},
			wantFiles: []string{"all-cards.html", "master-sheet-TRAINER-ONLY.html", "round-1/group-1", "round-2/group-1"}},
		{name: "one round as md", opts: cardsOptions{Format: "md", Paper: "a5", Out: "r2", Round: 2},
			wantOut:    []string{"30 cards for 30 trainees in 1 round, md"},
			wantFiles:  []string{"round-2/all-cards.md", "round-2/master-sheet-TRAINER-ONLY.md"},
			wantAbsent: []string{"round-1", "all-cards.md"}},
		{name: "json output", opts: cardsOptions{Format: "txt", Paper: "a5", Out: "j"}, json: true},
		{name: "unknown round", opts: cardsOptions{Format: "html", Paper: "a5", Out: "nine", Round: 9},
			wantErr: "round 9: the plan has rounds 1–2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, out, errOut := testFactory(nil)
			if tt.json {
				f.IO.Output = "json"
			}
			opts := tt.opts
			opts.IO = f.IO
			opts.Writer = f.writer()
			opts.Plan = plan
			opts.Out = filepath.Join(dir, tt.opts.Out)
			err := runCards(&opts)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				assert.Equal(t, exitInvalid, exitCode(err))
				assert.NoDirExists(t, opts.Out, "nothing is written")
				return
			}
			require.NoError(t, err, errOut.String())
			for _, w := range tt.wantOut {
				assert.Contains(t, out.String(), w)
			}
			for _, f := range tt.wantFiles {
				_, err := os.Stat(filepath.Join(opts.Out, f))
				assert.NoError(t, err, "%s exists", f)
			}
			for _, f := range tt.wantAbsent {
				_, err := os.Stat(filepath.Join(opts.Out, f))
				assert.Error(t, err, "%s must not exist", f)
			}
			if tt.json {
				var res cardsResult
				require.NoError(t, json.Unmarshal(out.Bytes(), &res))
				assert.Equal(t, 60, res.Cards)
				assert.Equal(t, 30, res.Trainees)
				assert.Equal(t, []int{1, 2}, res.Rounds)
				assert.Len(t, res.Files, 62)
				assert.True(t, strings.HasSuffix(res.Master, "master-sheet-TRAINER-ONLY.txt"))
				for _, f := range res.Files {
					assert.FileExists(t, f)
				}
			}
		})
	}
	t.Run("refuses to overwrite, then --force", func(t *testing.T) {
		f, _, _ := testFactory(nil)
		opts := cardsOptions{IO: f.IO, Writer: f.writer(), Plan: plan, Format: "html", Paper: "a4", Out: filepath.Join(dir, "all")}
		err := runCards(&opts)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "use --force to overwrite")
		assert.Equal(t, exitInvalid, exitCode(err))
		opts.Force = true
		require.NoError(t, runCards(&opts))
		data, err := os.ReadFile(filepath.Join(dir, "all", "all-cards.html"))
		require.NoError(t, err)
		assert.Contains(t, string(data), "size: A4")
	})
}

// blockFS is the real file system that stops the first time a temporary
// file is opened, says so on entered, and goes on once release is closed.
type blockFS struct {
	output.FS
	once             *sync.Once
	entered, release chan struct{}
}

func (b blockFS) OpenFile(name string, flag int, perm fs.FileMode) (output.Handle, error) {
	if strings.Contains(filepath.Base(name), ".tmp-") {
		b.once.Do(func() {
			close(b.entered)
			<-b.release
		})
	}
	return b.FS.OpenFile(name, flag, perm)
}

// Two cards runs into one folder at once: the second fails at once with
// exit 3, saying another run is writing there, and the folder holds the
// first plan's cards and nothing of the second's.
func TestCardsRunsIntoOneFolderAtOnce(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(dir, "a"), 0o755))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "b"), 0o755))
	planA := writeTestPlan(t, filepath.Join(dir, "a"), "shared-parking-charging", 1)
	planB := writeTestPlan(t, filepath.Join(dir, "b"), "shared-parking-charging", 2)
	cardsDir, fresh := filepath.Join(dir, "cards"), filepath.Join(dir, "fresh")

	slow := blockFS{FS: output.OS, once: &sync.Once{}, entered: make(chan struct{}), release: make(chan struct{})}
	fA, _, errA := testFactory(slow)
	first := make(chan int, 1)
	go func() { first <- execute(fA, []string{"cards", planA, "--out", cardsDir}) }()
	<-slow.entered

	fB, _, errB := testFactory(nil)
	code := execute(fB, []string{"cards", planB, "--out", cardsDir, "--force"})
	close(slow.release)
	assert.Equal(t, exitIO, code)
	assert.Contains(t, errB.String(), "another yishi run (pid ")
	assert.Contains(t, errB.String(), "is writing into "+cardsDir+"; wait for it to finish")

	require.Equal(t, exitOK, <-first, errA.String())
	fF, _, _ := testFactory(nil)
	require.Equal(t, exitOK, execute(fF, []string{"cards", planA, "--out", fresh}))
	assert.Equal(t, listFiles(t, fresh), listFiles(t, cardsDir), "only the first plan's cards")
}

// listFiles lists the files under root, with slashes, sorted.
func listFiles(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	require.NoError(t, filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(root, p)
		out = append(out, filepath.ToSlash(rel))
		return err
	}))
	sort.Strings(out)
	return out
}

// TestMasterSheetInScenarioLanguage: the notes, unmet rules and warnings a
// plan keeps in English are printed on a Chinese scenario's master sheet
// in Chinese, through the catalogue, and left as they are for an English
// scenario.
func TestMasterSheetInScenarioLanguage(t *testing.T) {
	for _, tc := range []struct {
		scenario string
		want     []string
	}{
		{"shared-parking-charging", []string{"希望担任议事会主持人，但这个角色给了刘建国（T02）", "不同组", "第 1 轮在时间上限 30s 处停止"}},
		{"elevator-retrofit", []string{"preferred 议事会主持人, which went to 刘建国 (T02)", "keep-apart", "round 1 stopped at the time budget of 30s"}},
	} {
		s, diags, err := scenarios.Load(tc.scenario)
		require.NoError(t, err)
		require.False(t, diags.HasErrors())
		p := &plan.Plan{
			Version: 1, Kind: plan.Kind, Seed: 1,
			Scenario: plan.ScenarioRef{ID: s.ID, Title: s.Title, Language: s.Language},
			Rounds: []plan.Round{{Round: 1, Groups: []plan.Group{{Group: 1, Members: []plan.Member{
				{ID: "T01", Name: "王淑芬", Unit: "石庄社区", Background: "discussion-class", Role: s.Roles[0].ID,
					Note: "preferred 议事会主持人, which went to 刘建国 (T02)"},
			}}}}},
			Unmet:    []plan.Unmet{{Round: 1, Group: 1, Rule: "keep-apart", Detail: "王淑芬 (T01) and 刘建国 (T02) must not share a group but are both in group 1: the avoid lists cannot all be kept with 1 groups"}},
			Warnings: []string{"round 1 stopped at the time budget of 30s; the same seed may give another plan on another machine"},
		}
		files, err := cards.Files(p, s, 0, cards.FormatMarkdown, cards.Options{Translate: contentTranslator(s)})
		require.NoError(t, err)
		master := string(files[len(files)-1].Data)
		for _, w := range tc.want {
			assert.Contains(t, master, w, tc.scenario)
		}
		if s.Language == "zh" {
			assert.Contains(t, master, "不同组：王淑芬 (T01) 和 刘建国 (T02) 不能同组")
			assert.NotContains(t, master, "preferred")
		}
	}
}
