package scenario

import (
	"fmt"
	"math"
	"strconv"
	"time"
)

// Limits on the numbers a person types into a scenario or a rubric: as much
// as a drill can mean, and far less than would wrap round when added up.
// Validation reports a number past them at its place; both JSON Schemas
// carry the same bounds; code that adds them up after validation (the
// timetable, the roles' places per group, a report's grid of scores) can
// rely on them.
const (
	// MaxDrillMinutes bounds a drill's duration, and with it the agenda's
	// total and an inject's time: a day.
	MaxDrillMinutes = 24 * 60
	// MaxPhaseMinutes bounds the timebox of one agenda phase: a working day.
	MaxPhaseMinutes = 8 * 60
	// MaxStakeValue bounds a stake's range and a bottom line, either side
	// of 0: a hundred billion, past any sum a community trades.
	MaxStakeValue = 1e11
	// MaxRoleCount bounds a role's count, min and max: how many members of
	// one group play it.
	MaxRoleCount = 100
	// MaxGroupSize bounds grouping.size, a quota's min and max, and the
	// places the roles need in one group.
	MaxGroupSize = 200
	// MaxGroups bounds grouping.groups.
	MaxGroups = 100
	// MaxRounds bounds the rounds of one training day.
	MaxRounds = 20
	// MaxWeight bounds the weight of a mix rule and of a rubric dimension.
	MaxWeight = 100
	// MinScore and MaxScore bound a rubric's scale and its levels' scores,
	// so that a scale spans at most 10 points: a grid a reviewer can read
	// and a report can draw.
	MinScore = 0
	MaxScore = 10
)

// atMost reports v above limit at path, and tells whether v is within it.
func (c checker) atMost(path string, v, limit int) bool {
	if v > limit {
		c.errorf(path, "%s%s: %d is more than a drill can use (at most %d)", c.prefix, path, v, limit)
		return false
	}
	return true
}

// weight checks a weight: from 0 to [MaxWeight].
func (c checker) weight(path string, w float64) {
	switch {
	case w < 0:
		c.errorf(path, "%s%s: must not be negative", c.prefix, path)
	case w > MaxWeight:
		c.errorf(path, "%s%s: %s is more than a drill can use (at most %d)", c.prefix, path, strconv.FormatFloat(w, 'f', -1, 64), MaxWeight)
	}
}

// drillTime checks a span of drill time (a duration or an inject's time)
// against [MaxDrillMinutes], and tells whether it is within it.
func (c checker) drillTime(path string, d Duration) bool {
	if time.Duration(d) > MaxDrillMinutes*time.Minute {
		shown := d.String()
		if time.Duration(d)%time.Hour == 0 {
			shown = fmt.Sprintf("%dh", time.Duration(d)/time.Hour) // as a person who means days writes it
		}
		c.errorf(path, "%s: %s is more than a drill can use (at most %s)", path, shown, drillLimitText)
		return false
	}
	return true
}

// drillDuration tells whether the scenario's duration is one a drill can
// have, against which the agenda and the injects can be checked.
func (s *Scenario) drillDuration() bool {
	return s.Duration > 0 && time.Duration(s.Duration) <= MaxDrillMinutes*time.Minute
}

// roleCountsInRange tells whether no role's count, min or max is above
// [MaxRoleCount], so that their sums mean something. (A negative one is
// reported on its own and leaves the sums as they were.)
func (s *Scenario) roleCountsInRange() bool {
	for _, r := range s.Roles {
		for _, v := range []*int{r.Count, r.Min, r.Max} {
			if v != nil && *v > MaxRoleCount {
				return false
			}
		}
	}
	return true
}

// usable tells whether the scale lies within [MinScore]..[MaxScore]
// with max above min, so that levels can be checked against it.
func (s Scale) usable() bool {
	return s.Min >= MinScore && s.Max <= MaxScore && s.Max > s.Min
}

// drillLimitText is [MaxDrillMinutes] as a person writes it.
var drillLimitText = fmt.Sprintf("%dh", MaxDrillMinutes/60)

// addCapped adds two whole numbers, stopping at the largest and smallest
// int instead of wrapping round.
func addCapped(a, b int) int {
	switch {
	case b > 0 && a > math.MaxInt-b:
		return math.MaxInt
	case b < 0 && a < math.MinInt-b:
		return math.MinInt
	}
	return a + b
}
