package history_test

import (
	"context"
	"io/fs"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/review"
	"github.com/yishi-council/yishi/review/history"
	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenarios"
)

func f(v float64) *float64 { return &v }

// twoDays are a cohort's two days, the later one first, so that the
// listing's order is seen to come from the dates.
//
// On 2026-03-10 (plan p-march) A hosted group 1 with B; C recorded group 2.
// On 2026-04-02 (plan p-april) A recorded and B hosted group 1; C was not
// there, D was.
func twoDays() []history.Day {
	april := history.Day{
		Plan: "p-april", Date: "2026-04-02", Scenario: "s2", Title: "Parking", Language: "en",
		Seats: []history.Seat{
			{Round: 1, Group: 1, Trainee: "B", Name: "Bo", Unit: "East", Role: "host", RoleTitle: "Host", Function: "host"},
			{Round: 1, Group: 1, Trainee: "A", Name: "Ai (new name)", Unit: "West", Role: "rec", RoleTitle: "Recorder", Function: "recorder"},
			{Round: 1, Group: 2, Trainee: "D", Name: "Di", Unit: "North", Role: "res", RoleTitle: "Resident", Function: "stakeholder"},
		},
		Scores: []history.GroupScore{
			{Round: 1, Group: 1, Dimension: "rhythm", Title: "Rhythm", Owner: "host", Mean: f(3), N: 2},
			{Round: 1, Group: 1, Dimension: "recording", Title: "Recording", Owner: "recorder", Mean: nil, N: 0},
			{Round: 1, Group: 2, Dimension: "rhythm", Title: "Rhythm", Owner: "host", Mean: f(2), N: 1},
		},
		Totals: []history.GroupTotal{{Round: 1, Group: 1, Weighted: f(3.25)}, {Round: 1, Group: 2, Weighted: nil}},
	}
	march := history.Day{
		Plan: "p-march", Date: "2026-03-10", Scenario: "s1", Title: "Elevator", Language: "en",
		Seats: []history.Seat{
			{Round: 2, Group: 1, Trainee: "A", Name: "Ai", Unit: "West", Role: "res", RoleTitle: "Resident", Function: "stakeholder"},
			{Round: 1, Group: 1, Trainee: "A", Name: "Ai", Unit: "West", Role: "host", RoleTitle: "Host", Function: "host"},
			{Round: 1, Group: 1, Trainee: "B", Name: "Bo", Unit: "East", Role: "res", RoleTitle: "Resident", Function: "stakeholder"},
			{Round: 1, Group: 2, Trainee: "C", Name: "Cai", Unit: "South", Role: "rec", RoleTitle: "Recorder", Function: "recorder"},
		},
		Scores: []history.GroupScore{
			{Round: 1, Group: 1, Dimension: "rhythm", Title: "Rhythm", Owner: "host", Mean: f(4.5), N: 2},
			{Round: 1, Group: 1, Dimension: "hosting", Title: "Hosting", Owner: "host", Mean: f(4), N: 2},
			{Round: 1, Group: 1, Dimension: "induction", Title: "Induction", Owner: "", Mean: f(3.5), N: 2},
			{Round: 1, Group: 2, Dimension: "recording", Title: "Recording", Owner: "recorder", Mean: f(5), N: 1},
			{Round: 2, Group: 1, Dimension: "rhythm", Title: "Rhythm", Owner: "host", Mean: f(1), N: 1},
		},
		Totals: []history.GroupTotal{{Round: 1, Group: 1, Weighted: f(4.1)}, {Round: 1, Group: 2, Weighted: f(4.8)}, {Round: 2, Group: 1, Weighted: f(1.5)}},
	}
	return []history.Day{april, march}
}

// The listing over two days, checked by hand: per trainee by id, their
// rounds in date order, each with the scores of the dimensions their role
// owns (none for a stakeholder) and their group's weighted total.
func TestTimeline(t *testing.T) {
	got := history.Timeline(twoDays())
	march := func(round, group int, role, title, function string, scores []history.Score, total *float64) history.Entry {
		return history.Entry{Date: "2026-03-10", Plan: "p-march", Scenario: "s1", Title: "Elevator", Language: "en",
			Round: round, Group: group, Role: role, RoleTitle: title, Function: function, Scores: scores, Weighted: total}
	}
	april := func(group int, role, title, function string, scores []history.Score, total *float64) history.Entry {
		return history.Entry{Date: "2026-04-02", Plan: "p-april", Scenario: "s2", Title: "Parking", Language: "en",
			Round: 1, Group: group, Role: role, RoleTitle: title, Function: function, Scores: scores, Weighted: total}
	}
	want := []history.TraineeHistory{
		{ID: "A", Name: "Ai (new name)", Unit: "West", Entries: []history.Entry{
			march(1, 1, "host", "Host", "host", []history.Score{
				{Dimension: "rhythm", Title: "Rhythm", Mean: f(4.5), N: 2},
				{Dimension: "hosting", Title: "Hosting", Mean: f(4), N: 2},
			}, f(4.1)),
			march(2, 1, "res", "Resident", "stakeholder", []history.Score{}, f(1.5)),
			april(1, "rec", "Recorder", "recorder", []history.Score{{Dimension: "recording", Title: "Recording", Mean: nil, N: 0}}, f(3.25)),
		}},
		{ID: "B", Name: "Bo", Unit: "East", Entries: []history.Entry{
			march(1, 1, "res", "Resident", "stakeholder", []history.Score{}, f(4.1)),
			april(1, "host", "Host", "host", []history.Score{{Dimension: "rhythm", Title: "Rhythm", Mean: f(3), N: 2}}, f(3.25)),
		}},
		{ID: "C", Name: "Cai", Unit: "South", Entries: []history.Entry{
			march(1, 2, "rec", "Recorder", "recorder", []history.Score{{Dimension: "recording", Title: "Recording", Mean: f(5), N: 1}}, f(4.8)),
		}},
		{ID: "D", Name: "Di", Unit: "North", Entries: []history.Entry{
			april(2, "res", "Resident", "stakeholder", []history.Score{}, nil),
		}},
	}
	assert.Equal(t, want, got)

	days := twoDays()
	days[0], days[1] = days[1], days[0]
	assert.Equal(t, want, history.Timeline(days), "the order of the days given decides nothing")
	assert.Empty(t, history.Timeline(nil))
}

func TestTable(t *testing.T) {
	tests := []struct {
		name string
		lang string
		want [][]string
	}{
		{"en", "en", [][]string{
			{"TRAINEE", "NAME", "DATE", "SCENARIO", "ROUND", "GROUP", "ROLE", "WEIGHTED TOTAL", "SCORES OF THE ROLE'S DIMENSIONS"},
			{"C", "Cai", "2026-03-10", "s1", "1", "2", "Recorder", "4.80", "Recording 5.00"},
			{"D", "Di", "2026-04-02", "s2", "1", "2", "Resident", "–", "–"},
		}},
		{"zh", "zh", [][]string{
			{"学员编号", "姓名", "日期", "情景", "轮次", "组", "角色", "加权总分", "本角色负责维度的得分"},
			{"C", "Cai", "2026-03-10", "s1", "1", "2", "Recorder", "4.80", "Recording 5.00"},
			{"D", "Di", "2026-04-02", "s2", "1", "2", "Resident", "–", "–"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, history.Table(history.Timeline(twoDays())[2:], tt.lang))
		})
	}
	rows := history.Table(history.Timeline(twoDays())[:1], "en")
	require.Len(t, rows, 4)
	assert.Equal(t, []string{"A", "Ai (new name)", "2026-03-10", "s1", "1", "1", "Host", "4.10", "Rhythm 4.50; Hosting 4.00"}, rows[1])
	assert.Equal(t, []string{"", "", "2026-04-02", "s2", "1", "1", "Recorder", "3.25", "Recording –"}, rows[3], "a trainee's id and name on their first row only")
}

func TestJSON(t *testing.T) {
	a, err := history.JSON("Cohort", history.Timeline(twoDays()))
	require.NoError(t, err)
	b, err := history.JSON("Cohort", history.Timeline(twoDays()))
	require.NoError(t, err)
	assert.Equal(t, a, b)
	assert.Contains(t, string(a), `"kind": "history"`)
	assert.Contains(t, string(a), `"cohort": "Cohort"`)
	empty, err := history.JSON("x", nil)
	require.NoError(t, err)
	assert.Contains(t, string(empty), `"trainees": []`)
}

// Earlier lists every group of every round in date order, and each
// trainee's roles oldest first.
func TestEarlier(t *testing.T) {
	got := history.Earlier(twoDays())
	assert.Equal(t, [][]string{{"A", "B"}, {"C"}, {"A"}, {"B", "A"}, {"D"}}, got.Groups)
	assert.Equal(t, []string{"host", "res", "rec"}, got.Played["A"])
	assert.Equal(t, []string{"host", "stakeholder", "recorder"}, got.Functions["A"])
	assert.Equal(t, []string{"stakeholder", "host"}, got.Functions["B"])
	assert.Equal(t, []string{"A", "B", "C", "D"}, history.Trainees(twoDays()))
}

// A day made from a real plan and report: a seat for every member of
// every round with the scenario's role title and function, and the
// report's means, counts, owners and weighted totals of the groups it
// has scores for.
func TestDayOf(t *testing.T) {
	s, diags, err := scenarios.Load("elevator-retrofit")
	require.NoError(t, err)
	require.NoError(t, diags.Err())
	data, err := fs.ReadFile(scenarios.FS(), scenarios.SampleRoster)
	require.NoError(t, err)
	r, rdiags := roster.Parse(scenarios.SampleRoster, data, s, roster.Options{})
	require.NoError(t, rdiags.Err())
	p, err := roles.Assign(context.Background(), s, r, roles.AssignOptions{Groups: 5, Rounds: 2, Seed: 1})
	require.NoError(t, err)

	four, two := 4, 2
	dims := s.Rubric.Rubric.Dimensions
	sheets := []review.Scoresheet{
		{Reviewer: "Li", Round: 1, Group: 1, Scores: map[string]review.Score{dims[0].ID: {Value: &four}, dims[1].ID: {Value: &two}}},
		{Reviewer: "Chen", Round: 1, Group: 1, Scores: map[string]review.Score{dims[0].ID: {Value: &two}}},
	}
	rep := review.BuildReport(p, s, sheets)
	d := history.DayOf(p, s, rep, "2026-05-01")

	assert.Equal(t, p.ID(), d.Plan)
	assert.Equal(t, "2026-05-01", d.Date)
	assert.Equal(t, s.ID, d.Scenario)
	assert.Equal(t, s.Title, d.Title)
	assert.Len(t, d.Seats, 2*len(r.Trainees))
	for _, st := range d.Seats {
		role, ok := s.Role(st.Role)
		require.True(t, ok, st.Role)
		assert.Equal(t, role.DisplayTitle(), st.RoleTitle)
		assert.Equal(t, role.Function, st.Function)
	}
	assert.Len(t, d.Scores, len(dims), "the report has the scored group only")
	first := d.Scores[0]
	assert.Equal(t, history.GroupScore{Round: 1, Group: 1, Dimension: dims[0].ID, Title: dims[0].Title.In(s.Language), Owner: dims[0].Owner, Mean: f(3), N: 2}, first)
	assert.Equal(t, f(2), d.Scores[1].Mean)
	assert.Equal(t, 1, d.Scores[1].N)
	assert.Nil(t, d.Scores[2].Mean)
	require.Len(t, d.Totals, 1)
	assert.Equal(t, rep.Rounds[0].Groups[0].Weighted, d.Totals[0].Weighted)

	bare := history.DayOf(p, s, nil, "2026-05-01")
	assert.Equal(t, d.Seats, bare.Seats)
	assert.Empty(t, bare.Scores)
}
