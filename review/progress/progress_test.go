package progress

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/scenario"
)

func trainee(t *testing.T, c *Cohort, id string) *Trainee {
	t.Helper()
	for _, tr := range c.Trainees {
		if tr.ID == id {
			return tr
		}
	}
	require.Failf(t, "no trainee", "%s", id)
	return nil
}

func dimIDs(ss []Score) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.ID)
	}
	return out
}

func TestOwnedDimensions(t *testing.T) {
	f := newSmall(t, "en")
	c := Build(f.p, f.s, f.rep)
	tests := []struct {
		name     string
		id       string
		round    int
		function string
		dims     []string
		weighted float64
	}{
		{name: "host", id: "T1", round: 1, function: scenario.FunctionHost, dims: []string{"organization", "rhythm", "guidance", "induction", "hosting"}, weighted: 3.25},
		{name: "recorder", id: "T2", round: 1, function: scenario.FunctionRecorder, dims: []string{"recording"}, weighted: 3.25},
		{name: "stakeholder owns none and gets the weighted total", id: "T3", round: 1, function: scenario.FunctionStakeholder, weighted: 3.25},
		{name: "recorder in another group", id: "T1", round: 2, function: scenario.FunctionRecorder, dims: []string{"recording"}, weighted: 5},
		{name: "host of a group with a blank dimension", id: "T2", round: 2, function: scenario.FunctionHost, dims: []string{"organization", "rhythm", "guidance", "induction", "hosting"}, weighted: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := trainee(t, c, tt.id).Rounds[tt.round-1]
			assert.Equal(t, StatusPlayed, r.Status)
			assert.Equal(t, tt.function, r.Function)
			assert.True(t, r.Scored)
			assert.Equal(t, tt.dims, dimIDs(r.Dimensions))
			require.NotNil(t, r.Weighted)
			assert.InDelta(t, tt.weighted, *r.Weighted, 1e-9)
		})
	}
	// The rubric, not the code, says who owns what: the host's rhythm is
	// the group's mean and range over both reviewers.
	rhythm := trainee(t, c, "T1").Rounds[0].Dimensions[1]
	assert.Equal(t, Score{ID: "rhythm", Title: "Rhythm and timekeeping", Mean: f64p(2), Min: intp(2), Max: intp(2), N: 2}, rhythm)
	rec := trainee(t, c, "T3").Rounds[1].Dimensions
	assert.Equal(t, []Score{{ID: "recording", Title: "Recording results", N: 0}}, rec, "a blank score has no mean")
}

func TestRoundsSatOutAndNotPlanned(t *testing.T) {
	f := newSmall(t, "en")
	c := Build(f.p, f.s, f.rep)
	out := trainee(t, c, "T6").Rounds[1]
	assert.Equal(t, Round{Round: 2, Name: "Afternoon", Status: StatusOut, OutReason: "absent"}, out)
	late := trainee(t, c, "T7")
	assert.Equal(t, Round{Round: 1, Status: StatusNotPlanned}, late.Rounds[0])
	assert.Equal(t, "Gus Ma", late.Name, "the name comes from the round the trainee is in")
	assert.Equal(t, []string{"T1", "T2", "T3", "T4", "T5", "T6", "T7"}, ids(c))
}

func ids(c *Cohort) []string {
	var out []string
	for _, t := range c.Trainees {
		out = append(out, t.ID)
	}
	return out
}

func TestTraineeOrder(t *testing.T) {
	tests := []struct {
		name string
		a, b string
	}{
		{name: "digits by value", a: "T2", b: "T10"},
		{name: "letters first", a: "A9", b: "B1"},
		{name: "shorter prefix", a: "T", b: "T1"},
		{name: "same value, bytes decide", a: "T01", b: "T1"},
		{name: "runs after the number", a: "T2a", b: "T2b"},
		{name: "Chinese ids by bytes", a: "学员2", b: "学员10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.True(t, idLess(tt.a, tt.b))
			assert.False(t, idLess(tt.b, tt.a))
			assert.False(t, idLess(tt.a, tt.a))
		})
	}
}

func TestSpeakingIsTheTraineesOwn(t *testing.T) {
	f := newSmall(t, "en")
	c := Build(f.p, f.s, f.rep)
	t1 := trainee(t, c, "T1")
	assert.Equal(t, &Speaking{Share: 0.3, Turns: 10, Seconds: 90, Members: 3}, t1.Rounds[0].Speaking)
	assert.Equal(t, &Speaking{Share: 0.25, Turns: 7, Seconds: 75, Members: 3}, t1.Rounds[1].Speaking)
	assert.Nil(t, trainee(t, c, "T4").Rounds[0].Speaking, "round 1, group 2 has no log")
	assert.Equal(t, 0.44, trainee(t, c, "T4").Rounds[1].Speaking.Share)
}

func TestCohortMeansAndChanges(t *testing.T) {
	f := newSmall(t, "en")
	c := Build(f.p, f.s, f.rep)
	require.Len(t, c.Rounds, 2)
	type row struct {
		mean, change *float64
		n            int
	}
	get := func(tr Trend) row { return row{tr.Mean, tr.Change, tr.N} }
	r1, r2 := c.Rounds[0], c.Rounds[1]
	assert.Equal(t, 2, r1.Groups)
	assert.Equal(t, 1, r1.Logs)
	assert.Equal(t, 2, r2.Logs)
	assert.True(t, c.Logs)
	tests := []struct {
		name string
		got  Trend
		want row
	}{
		{name: "organization, round 1", got: r1.Dimensions[0], want: row{f64p(2.75), nil, 2}},
		{name: "rhythm, round 1", got: r1.Dimensions[1], want: row{f64p(2), nil, 2}},
		{name: "organization, round 2", got: r2.Dimensions[0], want: row{f64p(4), f64p(1.25), 2}},
		{name: "rhythm, round 2", got: r2.Dimensions[1], want: row{f64p(4), f64p(2), 2}},
		{name: "recording, round 2: one group scored it", got: r2.Dimensions[4], want: row{f64p(5), f64p(2.25), 1}},
		{name: "weighted, round 1", got: r1.Weighted, want: row{f64p(2.625), nil, 2}},
		{name: "weighted, round 2", got: r2.Weighted, want: row{f64p(4), f64p(1.375), 2}},
		{name: "punctuality, round 1: one log", got: r1.Measures[0], want: row{f64p(0.8), nil, 1}},
		{name: "punctuality, round 2", got: r2.Measures[0], want: row{f64p(0.75), f64p(-0.05), 2}},
		{name: "gini, round 2", got: r2.Measures[1], want: row{f64p(0.25), f64p(0.05), 2}},
		{name: "host share, round 2: one log has none", got: r2.Measures[2], want: row{f64p(0.5), f64p(0.2), 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, get(tt.got))
		})
	}
	assert.Equal(t, []string{"punctuality", "gini", "host_share"}, []string{r1.Measures[0].ID, r1.Measures[1].ID, r1.Measures[2].ID})
}

func TestCohortWithoutLogs(t *testing.T) {
	f := newSmall(t, "en")
	for i := range f.rep.Rounds {
		for j := range f.rep.Rounds[i].Groups {
			f.rep.Rounds[i].Groups[j].Measures = nil
		}
	}
	c := Build(f.p, f.s, f.rep)
	assert.False(t, c.Logs)
	for _, r := range c.Rounds {
		assert.Empty(t, r.Measures)
	}
	for _, tr := range c.Trainees {
		for _, r := range tr.Rounds {
			assert.Nil(t, r.Speaking)
		}
	}
	files, err := c.Files()
	require.NoError(t, err)
	assert.NotContains(t, string(fileData(t, files, IndexName)), words.In("en", "measures"))
}

func TestNotesNameTheRole(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		f := newSmall(t, lang)
		c := Build(f.p, f.s, f.rep)
		tx := smallTexts[lang]
		texts := func(id string) []string {
			var out []string
			for _, n := range trainee(t, c, id).Rounds[0].Notes {
				out = append(out, n.Kind+": "+n.Reviewer+": "+n.Text)
			}
			return out
		}
		t.Run(lang+"/host", func(t *testing.T) {
			assert.Equal(t, []string{"evidence: Ann: " + tx["host"], "improvement: Bo: " + tx["both"]}, texts("T1"))
		})
		t.Run(lang+"/recorder", func(t *testing.T) {
			assert.Equal(t, []string{"evidence: Bo: " + tx["recorder"], "improvement: Bo: " + tx["both"]}, texts("T2"))
		})
		t.Run(lang+"/stakeholder", func(t *testing.T) {
			assert.Equal(t, []string{"evidence: Ann: " + sprintf(tx["stakeholder"], f.stake)}, texts("T3"))
		})
		t.Run(lang+"/other group", func(t *testing.T) {
			assert.Empty(t, texts("T4"), "round 1, group 2 has no notes")
		})
		n := trainee(t, c, "T1").Rounds[0].Notes[0]
		assert.Equal(t, Note{Kind: NoteEvidence, Dimension: "rhythm", Title: f.rep.Rubric.Dimensions[1].Title, Score: intp(2), Reviewer: "Ann", Text: tx["host"]}, n)
	}
}
