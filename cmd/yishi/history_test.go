package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/cmd/yishi/internal/cohort"
	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
	"github.com/yishi-council/yishi/review/history"
)

// TestHistoryFlags checks argv → options of history and history add, and
// the usage errors (exit 2). What the options produce is checked by
// testdata/script/history.txtar and below.
func TestHistoryFlags(t *testing.T) {
	tests := []struct {
		name     string
		argv     []string
		wantList *historyOptions
		wantAdd  *historyAddOptions
		wantErr  string
	}{
		{name: "list", argv: []string{"--history", "c.db"}, wantList: &historyOptions{History: "c.db"}},
		{name: "one trainee", argv: []string{"--history", "c.db", "--trainee", "T01"}, wantList: &historyOptions{History: "c.db", Trainee: "T01"}},
		{name: "list without file", argv: nil, wantErr: "history needs --history FILE"},
		{name: "list with argument", argv: []string{"x", "--history", "c.db"}, wantErr: "takes no arguments"},
		{name: "add files", argv: []string{"add", "plan.yaml", "a.csv", "b.xlsx", "--history", "c.db", "--date", "2026-03-10", "--cohort", "桃源街道 2026 秋"},
			wantAdd: &historyAddOptions{History: "c.db", Cohort: "桃源街道 2026 秋", Date: "2026-03-10", Plan: "plan.yaml", Scoresheets: []string{"a.csv", "b.xlsx"}}},
		{name: "add hand-made sheets", argv: []string{"add", "plan.yaml", "a.yaml", "--history", "c.db", "--allow-no-plan-id"},
			wantAdd: &historyAddOptions{History: "c.db", Plan: "plan.yaml", Scoresheets: []string{"a.yaml"}, AllowNoPlanID: true}},
		{name: "add from the room", argv: []string{"add", "--db", "drill.db", "--history", "c.db"},
			wantAdd: &historyAddOptions{History: "c.db", DB: "drill.db"}},
		{name: "add without file", argv: []string{"add", "plan.yaml", "a.csv"}, wantErr: "history add needs --history FILE"},
		{name: "add without sheets", argv: []string{"add", "plan.yaml", "--history", "c.db"}, wantErr: "takes a plan file and at least one scoresheet"},
		{name: "add from the room with files", argv: []string{"add", "--db", "drill.db", "plan.yaml", "--history", "c.db"}, wantErr: "leave out the plan and scoresheet files"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _, _ := testFactory(nil)
			var list *historyOptions
			var add *historyAddOptions
			cmd := newHistoryCmdRun(f, func(o *historyOptions) error { list = o; return nil }, func(o *historyAddOptions) error { add = o; return nil })
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
			if tt.wantList != nil {
				require.NotNil(t, list)
				tt.wantList.IO = f.IO
				assert.Equal(t, tt.wantList, list)
				assert.Nil(t, add)
				return
			}
			require.NotNil(t, add)
			require.NotNil(t, add.Now, "today is the factory's clock")
			add.Now = nil
			tt.wantAdd.IO = f.IO
			assert.Equal(t, tt.wantAdd, add)
		})
	}
}

// A day recorded from the room's database: its plan and the scores the
// reviewers gave on their phones, on the day the room was opened unless
// --date says otherwise; and a date given as today's by the clock.
func TestHistoryAddFromRoom(t *testing.T) {
	dir := t.TempDir()
	in := func(name string) string { return filepath.Join(dir, name) }
	runOK := func(args ...string) string {
		t.Helper()
		f, stdout, stderr := testFactory(nil)
		code := execute(f, args)
		require.Equal(t, 0, code, "yishi %v\nstdout:\n%s\nstderr:\n%s", args, stdout, stderr)
		return stdout.String()
	}
	runOK("demo", "--out", in("demo"))
	runOK("serve", in("demo/plan.yaml"), "--db", in("drill.db"), "--print-links", in("links.html"))

	db, err := store.Open(in("drill.db"))
	require.NoError(t, err)
	at := time.Date(2026, 3, 10, 10, 0, 0, 0, time.UTC)
	_, err = db.ApplyScores([]store.ScoreChange{
		{Key: "k1", Reviewer: "Reviewer Li", Round: 1, Group: 2, Field: "score:hosting", Value: "5", At: at},
		{Key: "k2", Reviewer: "Reviewer Li", Round: 1, Group: 2, Field: "score:rhythm", Value: "2", At: at},
	})
	require.NoError(t, err)
	sp, err := db.Plan()
	require.NoError(t, err)
	require.NoError(t, db.Close())

	out := runOK("history", "add", "--db", in("drill.db"), "--history", in("cohort.db"))
	opened := sp.Created.Local().Format(time.DateOnly)
	assert.Contains(t, out, `(cohort "cohort"): `+opened+", 30 trainees, 1 group with scores")

	listing := runOK("history", "--history", in("cohort.db"), "-o", "json")
	var got history.Listing
	require.NoError(t, json.Unmarshal([]byte(listing), &got))
	assert.Equal(t, "cohort", got.Cohort, "the cohort is named for its file")
	require.Len(t, got.Trainees, 30)
	var host *history.Entry
	for _, th := range got.Trainees {
		for i, e := range th.Entries {
			assert.Equal(t, opened, e.Date)
			if e.Round == 1 && e.Group == 2 && e.Function == "host" {
				host = &th.Entries[i]
			}
		}
	}
	require.NotNil(t, host, "round 1, group 2 has a host")
	scores := map[string]float64{}
	for _, sc := range host.Scores {
		if sc.Mean != nil {
			scores[sc.Dimension] = *sc.Mean
		}
	}
	assert.Equal(t, map[string]float64{"hosting": 5, "rhythm": 2}, scores, "the host's dimensions, as the reviewer scored them")

	// Files without --date: today, by the command's clock.
	out = runOK("history", "add", in("demo/plan.yaml"), in("demo/scoresheets-demo-filled/scoresheet-Reviewer_Li.csv"), "--history", in("cohort.db"))
	assert.Contains(t, out, "replaced the day of plan", "the room ran the demo's plan: the same day")
	assert.Contains(t, out, testNow.Format(time.DateOnly))
}

// A day recorded again under another plan id — from the room's database
// and then from its export, or a plan and its amended copy — and a day
// with scores replaced by one without are refused unless --force.
func TestCheckReplacing(t *testing.T) {
	score := 3.5
	seats := func(ids ...string) []history.Seat {
		var out []history.Seat
		for _, id := range ids {
			out = append(out, history.Seat{Round: 1, Group: 1, Trainee: id})
		}
		return out
	}
	kept := []history.Day{{Plan: "aaa", Date: "2026-03-10", Scenario: "elevator-retrofit", Title: "Elevator",
		Seats: seats("T1", "T2", "T3", "T4"), Totals: []history.GroupTotal{{Round: 1, Group: 1, Weighted: &score}, {Round: 1, Group: 2, Weighted: &score}}}}
	tests := []struct {
		name  string
		day   history.Day
		force bool
		want  string
	}{
		{"the same day under another plan", history.Day{Plan: "bbb", Date: "2026-03-10", Scenario: "elevator-retrofit", Seats: seats("T1", "T2", "T3", "T9")}, false,
			"c.db already keeps Elevator on 2026-03-10 (plan aaa), with most of these trainees: the same day, recorded again?"},
		{"kept both with --force", history.Day{Plan: "bbb", Date: "2026-03-10", Scenario: "elevator-retrofit", Seats: seats("T1", "T2", "T3", "T9")}, true, ""},
		{"another date", history.Day{Plan: "bbb", Date: "2026-03-11", Scenario: "elevator-retrofit", Seats: seats("T1", "T2", "T3", "T4")}, false, ""},
		{"another scenario", history.Day{Plan: "bbb", Date: "2026-03-10", Scenario: "square-dance-noise", Seats: seats("T1", "T2", "T3", "T4")}, false, ""},
		{"few of the same trainees", history.Day{Plan: "bbb", Date: "2026-03-10", Scenario: "elevator-retrofit", Seats: seats("T1", "T7", "T8", "T9")}, false, ""},
		{"scores replaced by none", history.Day{Plan: "aaa", Date: "2026-03-10", Scenario: "elevator-retrofit", Seats: seats("T1", "T2", "T3", "T4"),
			Totals: []history.GroupTotal{{Round: 1, Group: 1}}}, false, "c.db keeps plan aaa with scores for 2 groups, and these files hold none"},
		{"fewer groups scored", history.Day{Plan: "aaa", Date: "2026-03-10", Scenario: "elevator-retrofit", Seats: seats("T1", "T2", "T3", "T4"),
			Totals: []history.GroupTotal{{Round: 1, Group: 1, Weighted: &score}}}, false, "c.db keeps plan aaa with scores for 2 groups, and these files hold scores for 1 group"},
		{"scores replaced by none, forced", history.Day{Plan: "aaa", Date: "2026-03-10", Scenario: "elevator-retrofit", Seats: seats("T1", "T2", "T3", "T4")}, true, ""},
		{"scores replaced by scores", history.Day{Plan: "aaa", Date: "2026-03-10", Scenario: "elevator-retrofit", Seats: seats("T1", "T2", "T3", "T4"),
			Totals: []history.GroupTotal{{Round: 1, Group: 1, Weighted: &score}, {Round: 1, Group: 2, Weighted: &score}}}, false, ""},
		{"the same plan on another date", history.Day{Plan: "aaa", Date: "2026-03-11", Scenario: "elevator-retrofit", Seats: seats("T1", "T2", "T3", "T4"),
			Totals: []history.GroupTotal{{Round: 1, Group: 1, Weighted: &score}}}, false, "c.db keeps plan aaa on 2026-03-10; recording it on 2026-03-11 would replace that day"},
		{"the same plan on another date, forced", history.Day{Plan: "aaa", Date: "2026-03-11", Scenario: "elevator-retrofit", Seats: seats("T1", "T2", "T3", "T4")}, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkReplacing(&historyAddOptions{History: "c.db", Force: tt.force}, kept, tt.day)
			if tt.want == "" {
				assert.NoError(t, err)
			} else {
				assert.ErrorContains(t, err, tt.want)
			}
		})
	}
}

// Ids such as T01 are every roster's: a history whose shared ids are
// mostly other people's names is another cohort's.
func TestSameCohortByName(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	db, err := cohort.Open(path)
	require.NoError(t, err)
	day := history.Day{Plan: "aaa", Date: "2026-03-10", Seats: []history.Seat{
		{Round: 1, Group: 1, Trainee: "T01", Name: "王芳"}, {Round: 1, Group: 1, Trainee: "T02", Name: "李强"}, {Round: 1, Group: 1, Trainee: "T03", Name: "赵敏"}}}
	_, err = db.Record(day, "桃源", time.Date(2026, 3, 10, 18, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	defer db.Close()
	tests := []struct {
		name   string
		people map[string]string
		want   string
	}{
		{"the same people", map[string]string{"T01": "王芳", "T02": "李强", "T09": "新人"}, ""},
		{"one renamed of three", map[string]string{"T01": "王芳", "T02": "李强", "T03": "赵敏敏"}, ""},
		{"names typed in another case or width", map[string]string{"T01": "王 芳", "T02": "李强", "T03": "赵敏"}, ""},
		{"other people under the same ids", map[string]string{"T01": "甲", "T02": "乙", "T03": "赵敏"},
			"c.db keeps another cohort (桃源): 2 ids of the 3 ids on both are other people there, such as T01, 甲 here but 王芳 in the history"},
		{"no id in common", map[string]string{"X1": "甲"}, "c.db keeps another cohort (桃源, 3 trainees, none on this roster)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := sameCohort(path, db, tt.people)
			if tt.want == "" {
				assert.NoError(t, err)
			} else {
				assert.ErrorContains(t, err, tt.want)
			}
		})
	}
}
