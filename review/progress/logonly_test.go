package progress

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/review"
	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// logOnlyDay is one round of one group, T1 hosting, T2 a stakeholder and
// T3 the peer observer, with a drill log in which T1 and T2 speak and no
// scoresheet at all, made into a report the way review makes one.
func logOnlyDay(t *testing.T, lang string) *Cohort {
	t.Helper()
	id := map[string]string{"en": "elevator-retrofit", "zh": "square-dance-noise"}[lang]
	s := bundled(t, id)
	p := &plan.Plan{
		Version: 1, Kind: plan.Kind, Scenario: plan.ScenarioRef{ID: s.ID, Title: s.Title, Language: s.Language, Source: "bundled"},
		Rounds: []plan.Round{{Round: 1, Groups: []plan.Group{{Group: 1, Members: []plan.Member{
			{ID: "T1", Name: "Ann Lee", Role: firstRole(t, s, scenario.FunctionHost)},
			{ID: "T2", Name: "Bo Wang", Role: firstRole(t, s, scenario.FunctionStakeholder)},
			{ID: "T3", Name: "Cai Min", Role: firstRole(t, s, scenario.FunctionObserver)},
		}}}}},
	}
	start := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	var log []live.Entry
	add := func(min int, e live.Entry) {
		e.Seq, e.At, e.Round, e.Group = int64(len(log)+1), start.Add(time.Duration(min)*time.Minute), 1, 1
		log = append(log, e)
	}
	add(0, live.Entry{Kind: live.KindPhaseStart, Phase: 1})
	add(0, live.Entry{Kind: live.KindTurn, Member: "T1"})
	add(3, live.Entry{Kind: live.KindTurn, Member: "T2"})
	add(2, live.Entry{Kind: live.KindNote, Text: logNote, By: "trainer"})
	add(4, live.Entry{Kind: live.KindPhaseEnd, Phase: 1})
	rep := review.BuildReportLog(p, s, nil, log)
	require.Len(t, rep.Rounds, 1)
	require.NotNil(t, rep.Rounds[0].Groups[0].Measures)
	require.Len(t, rep.Rounds[0].Groups[0].LogNotes, 1, "the report carries the trainer's note")
	return Build(p, s, rep)
}

// logNote is the trainer's note in logOnlyDay's drill log.
const logNote = "Ann cut Bo off twice; talk to her about it after the round."

// TestLogNotesStayOffTraineePages: the trainer's notes in the drill log
// are in the report, never on a trainee's page or in its JSON, nor in
// the cohort view.
func TestLogNotesStayOffTraineePages(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			files, err := logOnlyDay(t, lang).Files()
			require.NoError(t, err)
			require.NotEmpty(t, files)
			for _, f := range files {
				assert.NotContains(t, string(f.Data), "cut Bo off", f.Path)
			}
		})
	}
}

// firstRole is the id of the scenario's first role of function fn.
func firstRole(t *testing.T, s *scenario.Scenario, fn string) string {
	t.Helper()
	for _, r := range s.Roles {
		if r.Function == fn {
			return r.ID
		}
	}
	t.Fatalf("no %s role in %s", fn, s.ID)
	return ""
}

// TestLogWithoutScores: a group with a drill log and no scoresheet is
// not scored on its members' pages, which say no reviewer scored it and
// show neither an empty table of scores nor a list of reviewers, but do
// show the member's speaking share.
func TestLogWithoutScores(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			c := logOnlyDay(t, lang)
			t1 := trainee(t, c, "T1")
			require.Len(t, t1.Rounds, 1)
			r := t1.Rounds[0]
			assert.False(t, r.Scored)
			assert.Empty(t, r.Reviewers)
			require.NotNil(t, r.Speaking, "the log gives the host's speaking")
			assert.Equal(t, 2, r.Speaking.Members, "the observer is not counted among the members")
			files, err := c.Files()
			require.NoError(t, err)
			page := string(fileData(t, files, t1.Page))
			assert.Contains(t, page, words.In(lang, "not_scored"))
			assert.NotContains(t, page, words.In(lang, "owned"), "no table of scores")
			assert.NotContains(t, page, words.In(lang, "weighted_all"))
			assert.NotContains(t, page, words.In(lang, "reviewers")+words.In(lang, "colon"))
		})
	}
}

// TestObserverPage: the observer's page says they observed the round and
// gives no speaking share, in English and in Chinese.
func TestObserverPage(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			c := logOnlyDay(t, lang)
			t3 := trainee(t, c, "T3")
			require.Len(t, t3.Rounds, 1)
			assert.Equal(t, scenario.FunctionObserver, t3.Rounds[0].Function)
			assert.Nil(t, t3.Rounds[0].Speaking, "an observer has no speaking share")
			files, err := c.Files()
			require.NoError(t, err)
			page := string(fileData(t, files, t3.Page))
			assert.Contains(t, page, words.In(lang, "observed"))
			assert.NotContains(t, page, words.In(lang, "no_log"), "the group has a log")
		})
	}
}

// A drill log of phase times alone says nothing of who spoke: no trainee's
// page shows a speaking share, and the cohort view takes no Gini or host
// share from it (a zero would read as perfectly equal talk).
func TestPhaseOnlyLog(t *testing.T) {
	s := bundled(t, "elevator-retrofit")
	p := &plan.Plan{
		Version: 1, Kind: plan.Kind, Scenario: plan.ScenarioRef{ID: s.ID, Title: s.Title, Language: s.Language, Source: "bundled"},
		Rounds: []plan.Round{{Round: 1, Groups: []plan.Group{{Group: 1, Members: []plan.Member{
			{ID: "T1", Name: "Ann Lee", Role: firstRole(t, s, scenario.FunctionHost)},
			{ID: "T2", Name: "Bo Wang", Role: firstRole(t, s, scenario.FunctionStakeholder)},
		}}}}},
	}
	start := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	log := []live.Entry{
		{Seq: 1, At: start, Round: 1, Group: 1, Kind: live.KindPhaseStart, Phase: 1},
		{Seq: 2, At: start.Add(7 * time.Minute), Round: 1, Group: 1, Kind: live.KindPhaseEnd, Phase: 1},
	}
	c := Build(p, s, review.BuildReportLog(p, s, nil, log))
	for _, tr := range c.Trainees {
		require.Len(t, tr.Rounds, 1)
		assert.Nil(t, tr.Rounds[0].Speaking, "%s has no speaking share", tr.ID)
	}
	require.Len(t, c.Rounds, 1)
	for _, m := range c.Rounds[0].Measures {
		switch m.ID {
		case scenario.MeasureGini, scenario.MeasureHostShare:
			assert.Nil(t, m.Mean, "%s is not taken from a log without turns", m.ID)
			assert.Zero(t, m.N)
		case scenario.MeasurePunctuality:
			assert.NotNil(t, m.Mean, "the rhythm is")
		}
	}
}
