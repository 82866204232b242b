package roles_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// seat is where a trainee sits in one round of a plan.
type seat struct {
	group int
	role  string
}

// seatsIn maps trainee ids to their group and role in round of p.
func seatsIn(p *plan.Plan, round int) map[string]seat {
	out := map[string]seat{}
	for _, g := range p.Rounds[round-1].Groups {
		for _, m := range g.Members {
			out[m.ID] = seat{g.Group, m.Role}
		}
	}
	return out
}

// An earlier day where A hosted a group with B: the next day's plan, with
// the same seed that put them together and made A host, keeps them apart
// and gives the host's place to someone else.
func TestAssignEarlierDay(t *testing.T) {
	s, r := loadBundled(t, "elevator-retrofit")
	opts := roles.AssignOptions{Groups: 5, Rounds: 1, Seed: 3}
	before := assign(t, s, r, opts)
	g1 := before.Rounds[0].Groups[0]
	var a, b string
	for _, m := range g1.Members {
		if role, _ := s.Role(m.Role); role.Function == scenario.FunctionHost {
			a = m.ID
		} else if b == "" {
			b = m.ID
		}
	}
	require.NotEmpty(t, a, "group 1 has a host")
	require.NotEmpty(t, b)

	tests := []struct {
		name    string
		earlier *roles.Earlier
	}{
		{"A and B sat together, A hosted", &roles.Earlier{
			Groups:    [][]string{{a, b, "X99"}},
			Played:    map[string][]string{a: {"host"}, b: {"recorder"}},
			Functions: map[string][]string{a: {scenario.FunctionHost}, b: {scenario.FunctionRecorder}},
		}},
		{"a whole earlier day", earlierOf(t, s, before)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := opts
			o.Earlier, o.History = tt.earlier, "cohort.db"
			after := assign(t, s, r, o)
			got := seatsIn(after, 1)
			assert.NotEqual(t, got[a].group, got[b].group, "A and B sit apart")
			role, ok := s.Role(got[a].role)
			require.True(t, ok)
			assert.NotEqual(t, scenario.FunctionHost, role.Function, "A does not host again")
			assert.Equal(t, "cohort.db", after.Settings.History)

			again := assign(t, s, r, o)
			first, err := plan.Marshal(after)
			require.NoError(t, err)
			second, err := plan.Marshal(again)
			require.NoError(t, err)
			assert.Equal(t, string(first), string(second), "the same inputs give the same plan")
		})
	}
}

// earlierOf is the history of every group of every round of p.
func earlierOf(t *testing.T, s *scenario.Scenario, p *plan.Plan) *roles.Earlier {
	t.Helper()
	e := &roles.Earlier{Played: map[string][]string{}, Functions: map[string][]string{}}
	for _, rd := range p.Rounds {
		for _, g := range rd.Groups {
			var ids []string
			for _, m := range g.Members {
				ids = append(ids, m.ID)
				role, ok := s.Role(m.Role)
				require.True(t, ok)
				e.Played[m.ID] = append(e.Played[m.ID], role.ID)
				e.Functions[m.ID] = append(e.Functions[m.ID], role.Function)
			}
			e.Groups = append(e.Groups, ids)
		}
	}
	return e
}

// After a whole earlier day in 5 groups of 6, every pair of that day
// counts as a repeat, as a pair from an earlier round of the plan would:
// the new day's round 1 has as few as a later round of one plan could
// (each group must take two of some earlier group), and nobody who led
// leads again while someone who did not can.
func TestAssignEarlierDayRepeats(t *testing.T) {
	s, r := loadBundled(t, "elevator-retrofit")
	opts := roles.AssignOptions{Groups: 5, Rounds: 1, Seed: 3}
	before := assign(t, s, r, opts)
	o := opts
	o.Earlier = earlierOf(t, s, before)
	after := assign(t, s, r, o)

	was, now := seatsIn(before, 1), seatsIn(after, 1)
	repeats := 0
	for x := range now {
		for y := range now {
			if x < y && now[x].group == now[y].group && was[x].group == was[y].group {
				repeats++
			}
		}
	}
	assert.Equal(t, repeats, after.Rounds[0].Repeats, "the plan counts the pairs of the earlier day")
	assert.Equal(t, 5, repeats, "one pair again in each group, the fewest possible")

	for id, st := range now {
		role, _ := s.Role(st.role)
		before, _ := s.Role(was[id].role)
		if role.Function == scenario.FunctionHost || role.Function == scenario.FunctionRecorder {
			assert.NotContains(t, []string{scenario.FunctionHost, scenario.FunctionRecorder}, before.Function, "%s leads twice", id)
		}
	}
}

// A history of other trainees changes nothing: the plan is the one made
// without it, byte for byte.
func TestAssignEarlierOfOthers(t *testing.T) {
	s, r := loadBundled(t, "elevator-retrofit")
	opts := roles.AssignOptions{Groups: 5, Rounds: 2, Seed: 9}
	without := assign(t, s, r, opts)
	opts.Earlier = &roles.Earlier{
		Groups:    [][]string{{"X1", "X2", "X3"}},
		Played:    map[string][]string{"X1": {"host"}},
		Functions: map[string][]string{"X1": {scenario.FunctionHost}},
	}
	with := assign(t, s, r, opts)
	a, err := plan.Marshal(without)
	require.NoError(t, err)
	b, err := plan.Marshal(with)
	require.NoError(t, err)
	assert.Equal(t, string(a), string(b))
}
