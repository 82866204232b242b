package roles

import (
	"errors"
	"fmt"
	"strings"

	"github.com/yishi-council/yishi/roles/grouping"
	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenario"
)

// explainInfeasible words the rules the optimiser's check found no
// grouping can keep in the trainer's terms: trainees by name and id, roles
// by title, quotas as the scenario wrote them. It returns nil when err holds
// no such rule, and the optimiser's own sentences for the rest.
func explainInfeasible(s *scenario.Scenario, r *roster.Roster, groups int, err error) []string {
	var ve *grouping.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	if len(ve.Issues) == 0 {
		return ve.Problems
	}
	g := groups
	who := func(idx []int) string {
		names := make([]string, 0, len(idx))
		for k, i := range idx {
			if k == 8 {
				names = append(names, fmt.Sprintf("and %d more", len(idx)-8))
				break
			}
			names = append(names, fmt.Sprintf("%s (%s)", r.Trainees[i].Name, r.Trainees[i].ID))
		}
		return strings.Join(names, ", ")
	}
	var out []string
	worded := map[string]bool{}
	for _, is := range ve.Issues {
		var msg string
		switch is.Rule {
		case grouping.RuleKeepTogether:
			msg = fmt.Sprintf("%d trainees must share one group through the together column (%s), but groups hold at most %d", is.Have, who(is.Elements), is.Want)
		case grouping.RuleKeepApart:
			msg = fmt.Sprintf("%s must share a group with %s through the together column, but one avoids the other", who(is.Elements[:1]), who(is.Elements[1:]))
		case grouping.RuleQuota:
			q, ok := is.Tag.(scenario.Quota)
			if !ok {
				continue
			}
			msg = fmt.Sprintf("every group needs at least %d trainee(s) with %s %q, %d in all for %d groups, but the roster has %d: %s; ask for fewer groups or lower the quota",
				q.Min, q.Attribute, q.Value, is.Want, g, is.Have, who(is.Elements))
		case grouping.RuleNeed:
			id, ok := is.Tag.(roleNeed)
			role, found := s.Role(string(id))
			if !ok || !found {
				continue
			}
			msg = fmt.Sprintf("every group needs %d %s (%s), %d in all for %d groups, but only %d trainees may play it: it is not played by %s; ask for fewer groups or change the role's avoid_background",
				role.MinPerGroup(), role.Title, role.ID, is.Want, g, is.Have, s.BackgroundLabels(role.AvoidBackground))
		default:
			continue
		}
		out = append(out, msg)
		worded[is.Text] = true
	}
	for _, p := range ve.Problems {
		if !worded[p] {
			out = append(out, p)
		}
	}
	return out
}
