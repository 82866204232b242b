package roles_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// bigDay is a 300-trainee, 3-round plan of the demo's scenario, and the
// changes of a busy morning: 5 absent, all from group 1 of round 1,
// and 3 walk-ins.
func bigDay(tb testing.TB) (*scenario.Scenario, *roster.Roster, *plan.Plan, roles.AmendOptions) {
	tb.Helper()
	s, diags, err := scenarios.Load(scenarios.DefaultScenario)
	require.NoError(tb, err)
	require.NoError(tb, diags.Err())
	backgrounds := []string{"discussion-class", "property-manager", "social-worker", "resident-rep", "community-cadre", "grid-worker", "volunteer", "expert", "social-organisation", "jurisdiction-unit"}
	// A quarter are discussion-class members, enough for every group.
	trainee := func(id string, i int) roster.Trainee {
		bg := backgrounds[0]
		if i%4 != 0 {
			bg = backgrounds[1+(i*7)%(len(backgrounds)-1)]
		}
		return roster.Trainee{ID: id, Name: "学员" + id, Unit: fmt.Sprintf("社区%d", i%12), Background: bg,
			Pos: scenario.Pos{File: "big.csv", Line: i + 2}}
	}
	r := &roster.Roster{File: "big.csv", Columns: []string{"id", "name", "unit", "background"}}
	for i := range 300 {
		r.Trainees = append(r.Trainees, trainee(fmt.Sprintf("T%03d", i+1), i))
	}
	old, err := roles.Assign(context.Background(), s, r, roles.AssignOptions{Rounds: 3, Seed: 5})
	require.NoError(tb, err)
	require.Empty(tb, old.Unmet)
	add := &roster.Roster{File: "walk-ins.csv", Columns: r.Columns}
	for i := range 3 {
		add.Trainees = append(add.Trainees, trainee(fmt.Sprintf("W%d", i+1), 300+i))
	}
	var absent []string
	for _, m := range old.Rounds[0].Groups[0].Members[1:6] {
		absent = append(absent, m.ID)
	}
	return s, r, old, roles.AmendOptions{Absent: absent, Add: add}
}

func TestAmend300MovesTheBound(t *testing.T) {
	if testing.Short() {
		t.Skip("assigns a 300-trainee day")
	}
	s, r, old, opts := bigDay(t)
	p, rep, err := roles.Amend(context.Background(), s, r, old, opts)
	require.NoError(t, err)
	require.Empty(t, p.Unmet)
	for _, ar := range rep.Rounds {
		assert.Equal(t, ar.LowerBound, ar.Moved, "round %d", ar.Round)
		t.Logf("round %d: moved %d, lower bound %d, diversity %.0f of %.0f (%.2f%%)", ar.Round, ar.Moved, ar.LowerBound, ar.Diversity, ar.Bound, ar.Percent)
	}
	assert.Positive(t, rep.LowerBound, "five absent from one group and three walk-ins need someone to move")
}

func BenchmarkAmend300(b *testing.B) {
	s, r, old, opts := bigDay(b)
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := roles.Amend(context.Background(), s, r, old, opts); err != nil {
			b.Fatal(err)
		}
	}
}
