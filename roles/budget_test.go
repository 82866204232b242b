package roles_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenarios"
)

// fakeClock returns a clock that starts at a fixed instant and moves on by
// step at every reading.
func fakeClock(step time.Duration) func() time.Time {
	now := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	return func() time.Time {
		t := now
		now = now.Add(step)
		return t
	}
}

// The time budget is read from the clock in the options: a plan cut short
// by it says so, and a budget that is never reached changes nothing.
func TestAssignBudgetUsesTheClock(t *testing.T) {
	s, r := loadBundled(t, scenarios.DefaultScenario)
	s.Grouping.Require = nil // no quota to meet, so the optimiser has work left when the budget ends

	cut := assign(t, s, r, roles.AssignOptions{Rounds: 2, Seed: 3, Budget: time.Minute, Now: fakeClock(time.Hour)})
	assert.Contains(t, cut.Warnings, "round 1 stopped at the time budget of 1m0s; the same seed may give another plan on another machine")
	assert.Contains(t, cut.Warnings, "round 2 stopped at the time budget of 1m0s; the same seed may give another plan on another machine")

	free, err := plan.Marshal(assign(t, s, r, roles.AssignOptions{Rounds: 2, Seed: 3}))
	require.NoError(t, err)
	frozen, err := plan.Marshal(assign(t, s, r, roles.AssignOptions{Rounds: 2, Seed: 3, Budget: time.Nanosecond, Now: fakeClock(0)}))
	require.NoError(t, err)
	assert.Equal(t, string(free), string(frozen), "a clock that stands still never ends the budget")
}
