package live

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yishi-council/yishi/scenario"
)

func TestDemoLog(t *testing.T) {
	a, team := fixtureAgenda(), fixtureTeam()
	hosts := []string{"t1"}
	log := DemoLog(a, team, hosts, t0, 7)
	require.NotEmpty(t, log)
	assert.Equal(t, log, DemoLog(a, team, hosts, t0, 7), "the same seed gives the same log")
	assert.NotEqual(t, log, DemoLog(a, team, hosts, t0, 8), "another seed gives another log")

	turns := map[string]int{}
	var starts, ends []int
	released := map[string]int{}
	for i, e := range log {
		assert.Equal(t, int64(i+1), e.Seq)
		assert.Equal(t, DemoBy, e.By)
		assert.Equal(t, 1, e.Round)
		assert.Equal(t, 2, e.Group)
		if i > 0 {
			assert.False(t, e.At.Before(log[i-1].At), "entry %d is not before the one above it", i)
		}
		switch e.Kind {
		case KindTurn, KindSummary, KindInterruption:
			_, ok := team.Member(e.Member)
			assert.True(t, ok, "entry %d is by a member of the team", i)
			if e.Kind == KindTurn {
				turns[e.Member]++
			}
		case KindPhaseStart:
			starts = append(starts, e.Phase)
		case KindPhaseEnd:
			ends = append(ends, e.Phase)
		case KindInject:
			released[e.Inject]++
		}
	}
	assert.Equal(t, []int{1, 2, 3, 4}, starts, "every phase starts, in order")
	assert.Equal(t, starts, ends, "and ends")
	assert.Positive(t, turns["t1"], "the host speaks")
	for id, n := range released {
		assert.Equal(t, 1, n, "inject %s is released once", id)
	}

	// The log folds to a finished drill, with no entry refused.
	s := Fold(a, team, log)
	assert.Equal(t, StatusFinished, s.Status)
	for _, in := range s.Injects {
		if in.At < s.Finished.Sub(s.Started) {
			assert.True(t, in.Released, "inject %s, due before the end, is released", in.ID)
		}
	}

	// Groups differ: over many seeds some run over their plan and some
	// under, and some have a pause.
	var over, under, paused bool
	for seed := range uint64(30) {
		l := DemoLog(a, team, hosts, t0, seed)
		s := Fold(a, team, l)
		drill := s.Finished.Sub(s.Started)
		for _, p := range s.Pauses {
			drill -= p.To.Sub(p.From)
		}
		over = over || drill > a.Planned()
		under = under || drill < a.Planned()
		paused = paused || slices.ContainsFunc(l, func(e Entry) bool { return e.Kind == KindPause })
	}
	assert.True(t, over && under && paused, "over %v, under %v, paused %v", over, under, paused)

	assert.Nil(t, DemoLog(Agenda{}, team, hosts, t0, 1), "no agenda, no log")
}

func TestSpeakers(t *testing.T) {
	s := scenarioWithObserver(t)
	team := Team{Round: 1, Group: 1, Members: []Member{{ID: "a", Role: "host"}, {ID: "b", Role: "observer"}, {ID: "c", Role: "resident"}}}
	got := team.Speakers(s)
	assert.Equal(t, []Member{{ID: "a", Role: "host"}, {ID: "c", Role: "resident"}}, got.Members)
	assert.Equal(t, 1, got.Round)
	assert.Equal(t, []string{"a"}, team.Hosts(s))
}

// scenarioWithObserver has a host, a resident and an observer.
func scenarioWithObserver(t *testing.T) *scenario.Scenario {
	t.Helper()
	return &scenario.Scenario{Roles: []scenario.Role{
		{ID: "host", Function: scenario.FunctionHost},
		{ID: "resident", Function: scenario.FunctionStakeholder},
		{ID: "observer", Function: scenario.FunctionObserver},
	}}
}

func TestActive(t *testing.T) {
	pauses := []Interval{{From: at(10 * minute), To: at(15 * minute)}, {From: at(40 * minute)}}
	tests := []struct {
		name     string
		from, to time.Duration
		want     time.Duration
	}{
		{"before any pause", 0, 10 * minute, 10 * minute},
		{"across the first pause", 0, 20 * minute, 15 * minute},
		{"from inside a pause", 12 * minute, 20 * minute, 5 * minute},
		{"into the open pause", 30 * minute, 50 * minute, 10 * minute},
		{"backwards", 20 * minute, 10 * minute, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Active(pauses, at(tt.from), at(tt.to)))
		})
	}
}
