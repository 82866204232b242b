package roles_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// Availability: a trainee sits only the rounds their cell names, the plan
// says who sits out, and tokens that name no round are errors at the cell.
func TestAssignAvailability(t *testing.T) {
	s, r := loadBundled(t, scenarios.DefaultScenario)
	day := *s
	day.Schedule.Rounds = []scenario.RoundSlot{{Name: "上午"}, {Name: "下午"}}
	opts := roles.AssignOptions{Rounds: 2, Seed: 42, ScenarioSource: "bundled"}

	everyone := &roster.Roster{File: r.File, SHA256: r.SHA256, Columns: r.Columns, Numeric: r.Numeric, Trainees: slices.Clone(r.Trainees)}
	for i := range everyone.Trainees {
		everyone.Trainees[i].Rounds = []string{[]string{"全天", "1-2", "1,2", "all"}[i%4]}
	}
	a, err := plan.Marshal(assign(t, &day, r, opts))
	require.NoError(t, err)
	b, err := plan.Marshal(assign(t, &day, everyone, opts))
	require.NoError(t, err)
	assert.Equal(t, string(a), string(b), "a cell naming every round is no cell at all")

	part := &roster.Roster{File: r.File, SHA256: r.SHA256, Columns: r.Columns, Numeric: r.Numeric, Trainees: slices.Clone(r.Trainees)}
	part.Trainees[0].Rounds = []string{"上午"}
	part.Trainees[1].Rounds = []string{"第2轮"}
	part.Trainees[2].Rounds = []string{"１"}
	p := assign(t, &day, part, opts)
	require.Empty(t, p.Unmet)
	r1, r2 := seats(p.Rounds[0]), seats(p.Rounds[1])
	assert.Contains(t, r1, part.Trainees[0].ID)
	assert.NotContains(t, r2, part.Trainees[0].ID)
	assert.NotContains(t, r1, part.Trainees[1].ID)
	assert.Contains(t, r2, part.Trainees[1].ID)
	assert.Len(t, r1, 29)
	assert.Len(t, r2, 28)
	assert.Equal(t, []plan.Out{{ID: part.Trainees[1].ID, Name: part.Trainees[1].Name, Reason: plan.OutUnavailable}}, p.Rounds[0].Out)
	require.Len(t, p.Rounds[1].Out, 2)
	assert.Less(t, p.Rounds[1].Out[0].ID, p.Rounds[1].Out[1].ID, "sorted by id")
	for _, rd := range p.Rounds {
		for _, g := range rd.Groups {
			assert.Equal(t, "host", g.Members[0].Role)
		}
	}

	bad := &roster.Roster{File: r.File, Columns: r.Columns, Numeric: r.Numeric, Trainees: slices.Clone(r.Trainees)}
	bad.Trainees[0].Rounds = []string{"3"}
	bad.Trainees[0].RoundsPos = scenario.Pos{File: "r.xlsx", Line: 2, Col: 9}
	bad.Trainees[1].Rounds = []string{"晚上", "1"}
	bad.Trainees[1].RoundsPos = scenario.Pos{File: "r.xlsx", Line: 3, Col: 9}
	bad.Trainees[2].Rounds = []string{"2-1", "0"}
	bad.Trainees[2].RoundsPos = scenario.Pos{File: "r.xlsx", Line: 4, Col: 9}
	_, err = roles.Assign(context.Background(), &day, bad, opts)
	require.Error(t, err)
	assert.ErrorIs(t, err, scenario.ErrInvalid)
	assert.ErrorContains(t, err, fmt.Sprintf(`r.xlsx:2:9: %s (%s): "3" names round 3 of a day of 2 rounds; the rounds are 1 (上午), 2 (下午)`, bad.Trainees[0].Name, bad.Trainees[0].ID))
	assert.ErrorContains(t, err, fmt.Sprintf(`r.xlsx:3:9: %s (%s): "晚上" names no round; the rounds are 1 (上午), 2 (下午)`, bad.Trainees[1].Name, bad.Trainees[1].ID))

	assert.ErrorContains(t, err, `r.xlsx:4:9: `+bad.Trainees[2].Name+` (`+bad.Trainees[2].ID+`): "2-1" runs from round 2 back to round 1; write it as 1-2`)
	assert.ErrorContains(t, err, `r.xlsx:4:9: `+bad.Trainees[2].Name+` (`+bad.Trainees[2].ID+`): "0" names round 0 of a day of 2 rounds`)

	// Too few for the groups in a round is an error naming the round.
	few := &roster.Roster{File: r.File, Columns: r.Columns, Numeric: r.Numeric, Trainees: slices.Clone(r.Trainees)}
	for i := range few.Trainees[:20] {
		few.Trainees[i].Rounds = []string{"1"}
	}
	_, err = roles.Assign(context.Background(), &day, few, opts)
	require.Error(t, err)
	assert.ErrorContains(t, err, "rosters/sample-roster.csv: round 2: 10 trainees in 4 groups gives groups of 2, below the scenario's minimum of 5")
	assert.NotContains(t, err.Error(), "round 1:", "round 1 has all 30")
}

// seats maps each trainee of a round to their group and role.
func seats(rd plan.Round) map[string][2]string {
	out := map[string][2]string{}
	for _, g := range rd.Groups {
		for _, m := range g.Members {
			out[m.ID] = [2]string{fmt.Sprint(g.Group), m.Role}
		}
	}
	return out
}

// A range typed with spaces ("1 - 2", "1 至 2") reaches the availability
// as its pieces, since the roster splits cells on spaces: it is refused at
// the cell with the range it seems to mean, not read as its two ends.
func TestAvailabilityRangeSplitBySpaces(t *testing.T) {
	s, _ := loadBundled(t, scenarios.DefaultScenario)
	csv := "id,name,unit,background,rounds\n" +
		"T01,甲,石庄社区,议事班成员,1 - 2\n" +
		"T02,乙,石庄社区,议事班成员,1 至 2\n" +
		"T03,丙,石庄社区,议事班成员,1 -2\n" +
		"T04,丁,石庄社区,议事班成员,1-2\n"
	for i := 5; i <= 12; i++ {
		csv += fmt.Sprintf("T%02d,学员%d,社区%d,议事班成员,\n", i, i, i)
	}
	r, diags := roster.Parse("r.csv", []byte(csv), s, roster.Options{})
	require.NoError(t, diags.Err())
	require.Equal(t, []string{"1", "-", "2"}, r.Trainees[0].Rounds, "the roster splits the cell on spaces")
	_, err := roles.Assign(context.Background(), s, r, roles.AssignOptions{Rounds: 2, Groups: 2, Seed: 1})
	require.Error(t, err)
	assert.ErrorIs(t, err, scenario.ErrInvalid)
	assert.ErrorContains(t, err, `r.csv:2:18: 甲 (T01): a range is split by spaces around "-"; write it without them, as 1-2`)
	assert.ErrorContains(t, err, `r.csv:3:18: 乙 (T02): a range is split by spaces around "至"; write it without them, as 1-2`)
	assert.ErrorContains(t, err, `r.csv:4:18: 丙 (T03): "-2" is half a range; write a range without spaces, as 1-3`)
	assert.NotContains(t, err.Error(), "T04")
}

// A day where nobody sits every round: the number of groups follows the
// fullest round, not the whole roster, and each round's groups are sized
// from those who sit it. The scenario's named rounds give the number of
// rounds when none is asked for.
func TestAssignNobodySitsEveryRound(t *testing.T) {
	s, r := loadBundled(t, scenarios.DefaultScenario)
	day := *s
	day.Schedule.Rounds = []scenario.RoundSlot{{Name: "上午"}, {Name: "下午"}}
	split := &roster.Roster{File: r.File, SHA256: r.SHA256, Columns: r.Columns, Numeric: r.Numeric, Trainees: slices.Clone(r.Trainees)}
	for i := range split.Trainees {
		split.Trainees[i].Rounds = []string{[]string{"上午", "下午", "上午", "下午", "全天"}[i%5]}
	}
	p := assign(t, &day, split, roles.AssignOptions{Seed: 42, ScenarioSource: "bundled", AllowUnmet: true})
	require.Len(t, p.Rounds, 2, "two named rounds make a day of two")
	for _, rd := range p.Rounds {
		n := 0
		for _, g := range rd.Groups {
			n += len(g.Members)
			assert.GreaterOrEqual(t, len(g.Members), s.Grouping.Size.Min, "round %d, group %d", rd.Round, g.Group)
			assert.LessOrEqual(t, len(g.Members), s.Grouping.Size.Max, "round %d, group %d", rd.Round, g.Group)
		}
		assert.Equal(t, 18, n, "round %d: 12 half-day and 6 whole-day trainees", rd.Round)
		assert.Len(t, rd.Out, 12)
	}
}
