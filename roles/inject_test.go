package roles_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// An inject aimed only at roles a group may lack reaches nobody in a group
// where no one plays them; the plan says so for each such group, and for
// no other.
func TestAssignWarnsOfInjectsThatReachNobody(t *testing.T) {
	s, r := loadBundled(t, scenarios.DefaultScenario)
	observer, ok := s.Role("observer")
	require.True(t, ok)
	require.Zero(t, observer.MinPerGroup(), "the observer is optional")
	s.Injects = append(slices.Clone(s.Injects),
		scenario.Inject{ID: "watch-the-clock", At: scenario.Duration(25 * time.Minute), To: []string{"observer"}, Text: "Note when the host checks the time."},
		scenario.Inject{ID: "new-rule", At: scenario.Duration(40 * time.Minute), To: []string{"street-office-liaison", "middle-floor-owner"}, Text: "A new subsidy rule arrives."},
	)
	aimed := map[string][]string{"watch-the-clock": {"observer"}, "new-rule": {"street-office-liaison", "middle-floor-owner"}}
	messages := map[string]string{
		"watch-the-clock": "nobody plays Peer observer, so the inject at 0:25 reaches nobody",
		"new-rule":        "nobody plays Ms Chen, street office urban-renewal officer or Ms Li, flat 302 (young family), so the inject at 0:40 reaches nobody",
	}

	t.Run("groups with room for optional roles", func(t *testing.T) {
		p := assign(t, s, r, roles.AssignOptions{Groups: 4, Rounds: 2, Seed: 5})
		want := 0
		for _, rd := range p.Rounds {
			for _, g := range rd.Groups {
				for id, to := range aimed {
					reached := slices.ContainsFunc(g.Members, func(m plan.Member) bool { return slices.Contains(to, m.Role) })
					msg := fmt.Sprintf("round %d, group %d: %s", rd.Round, g.Group, messages[id])
					if reached {
						assert.NotContains(t, p.Warnings, msg)
					} else {
						want++
						assert.Contains(t, p.Warnings, msg)
					}
				}
			}
		}
		assert.Positive(t, want, "some group lacks a role an inject is aimed at")
	})

	t.Run("groups with only the required roles", func(t *testing.T) {
		p := assign(t, s, r, roles.AssignOptions{Groups: 6, Seed: 5})
		for g := 1; g <= 6; g++ {
			assert.Contains(t, p.Warnings, fmt.Sprintf("round 1, group %d: %s", g, messages["watch-the-clock"]))
			assert.Contains(t, p.Warnings, fmt.Sprintf("round 1, group %d: %s", g, messages["new-rule"]))
		}
	})

	t.Run("an inject that reaches a required role", func(t *testing.T) {
		// deadline-moves is aimed at the host and the optional liaison:
		// every group has a host, so it always reaches someone.
		p := assign(t, s, r, roles.AssignOptions{Groups: 6, Seed: 5})
		for _, w := range p.Warnings {
			if strings.Contains(w, "reaches nobody") {
				assert.Regexp(t, `inject at 0:(25|40) `, w)
			}
		}
	})
}
