package scenario

import (
	"fmt"
	"math"
	"strings"
)

// validateStakes checks the scenario's stakes and returns their ids.
func validateStakes(s *Scenario, c checker) []string {
	seen := map[string]string{}
	var ids []string
	for i, st := range s.Stakes {
		path := fmt.Sprintf("stakes[%d]", i)
		c.id(path+".id", st.ID, seen)
		ids = append(ids, st.ID)
		c.required(path+".title", st.Title, Msg("title"))
		c.bounds(path, st.Min, st.Max)
		switch {
		case st.Fact < 0 || st.Fact > len(s.Issue.PublicFacts):
			c.errorf(path+".fact", "%s.fact: there is no public fact %d (the scenario has %d; the first is 1)", path, st.Fact, len(s.Issue.PublicFacts))
		case st.Fact > 0 && st.Min == nil && st.Max == nil:
			c.errorf(path+".fact", "%s.fact: names the public fact that sets the stake's range, but the stake has no min or max", path)
		}
	}
	return ids
}

// validateRoleStakes checks each role's stakes and the dimensions its
// goals exercise.
func validateRoleStakes(s *Scenario, stakes, dims []string, c checker) {
	for i, r := range s.Roles {
		path := fmt.Sprintf("roles[%d]", i)
		seen := map[string]bool{}
		for j, rs := range r.Stakes {
			sp := fmt.Sprintf("%s.stakes[%d]", path, j)
			// Stakes that could not be read at all leave nothing to check against.
			check := c.required(sp+".stake", rs.Stake, Msg("stake")) && !c.reported("stakes")
			if check && c.ref(sp+".stake", rs.Stake, Msg("stake"), stakes) {
				if seen[rs.Stake] {
					c.errorf(sp+".stake", "%s.stake: stake %q is named twice for this role", sp, rs.Stake)
				}
				seen[rs.Stake] = true
			}
			c.bounds(sp, rs.Min, rs.Max)
		}
		for j, d := range r.Exercises {
			if dims != nil {
				c.ref(fmt.Sprintf("%s.exercises[%d]", path, j), d, Msg("rubric dimension"), dims)
			}
		}
	}
}

// bounds checks a min and max: numbers, not past any sense, min not above max.
func (c checker) bounds(path string, lo, hi *float64) {
	ok := true
	for _, b := range []struct {
		key string
		v   *float64
	}{{"min", lo}, {"max", hi}} {
		if b.v != nil && (math.IsNaN(*b.v) || math.IsInf(*b.v, 0) || math.Abs(*b.v) > MaxStakeValue) {
			c.errorf(path+"."+b.key, "%s.%s: %v is not a value a stake can have (at most %g either side of 0)", path, b.key, *b.v, float64(MaxStakeValue))
			ok = false
		}
	}
	if ok && lo != nil && hi != nil && *lo > *hi {
		c.errorf(path+".min", "%s: min %g is above max %g", path, *lo, *hi)
	}
}

// validateTrainerNotes checks the trainer's tips: none empty.
func validateTrainerNotes(s *Scenario, c checker) {
	for i, tip := range s.Trainer.Tips {
		c.required(fmt.Sprintf("trainer.tips[%d]", i), tip, Msg("tip"))
	}
}

// validateLintSettings checks the lint warnings the author accepts: a
// known check, a target the scenario has, and a reason.
func validateLintSettings(s *Scenario, dims []string, c checker) {
	var targets []string
	for _, r := range s.Roles {
		targets = append(targets, r.ID)
	}
	for _, p := range s.Agenda {
		targets = append(targets, p.ID)
	}
	for _, in := range s.Injects {
		if in.ID != "" {
			targets = append(targets, in.ID)
		}
	}
	for _, st := range s.Stakes {
		targets = append(targets, st.ID)
	}
	targets = append(targets, dims...)
	for i, ig := range s.Lint.Ignore {
		path := fmt.Sprintf("lint.ignore[%d]", i)
		if c.required(path+".check", ig.Check, Msg("check")) {
			c.ref(path+".check", ig.Check, Msg("lint check"), LintChecks)
		}
		if ig.Target != "" && dims != nil {
			c.ref(path+".target", ig.Target, Msg("target"), targets)
		}
		if strings.TrimSpace(ig.Reason) == "" {
			c.errorf(path+".reason", "%s.reason: say why this warning is right to ignore, so the next trainer knows", path)
		}
	}
}
