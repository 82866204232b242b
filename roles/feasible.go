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
func explainInfeasible(s *scenario.Scenario, r *roster.Roster, groups int, err error) []scenario.Message {
	var ve *grouping.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var out []scenario.Message
	if len(ve.Issues) == 0 {
		for i := range ve.Problems {
			out = append(out, problemText(ve, i))
		}
		return out
	}
	g := groups
	// who names trainees by name and id, the first eight of them.
	who := func(idx []int) scenario.Message {
		names := make([]string, 0, min(len(idx), 8))
		for _, i := range idx[:min(len(idx), 8)] {
			names = append(names, fmt.Sprintf("%s (%s)", r.Trainees[i].Name, r.Trainees[i].ID))
		}
		if len(idx) > 8 {
			return scenario.Msg("%s, and %d more", strings.Join(names, ", "), len(idx)-8)
		}
		return scenario.Msg("%s", strings.Join(names, ", "))
	}
	worded := map[string]bool{}
	for _, is := range ve.Issues {
		var msg scenario.Message
		switch is.Rule {
		case grouping.RuleKeepTogether:
			msg = scenario.Msg("%d trainees must share one group through the together column (%s), but groups hold at most %d", is.Have, who(is.Elements), is.Want)
		case grouping.RuleKeepApart:
			msg = scenario.Msg("%s must share a group with %s through the together column, but one avoids the other", who(is.Elements[:1]), who(is.Elements[1:]))
		case grouping.RuleQuota:
			q, ok := is.Tag.(scenario.Quota)
			if !ok {
				continue
			}
			if is.Have > is.Want {
				msg = scenario.Msg("every group may have at most %d trainee(s) with %s %q, %d in all for %d groups, but the roster has %d: %s; ask for more groups or raise the quota's max",
					q.Max, attributeWord(q.Attribute), quotaValue(s, q), is.Want, g, is.Have, who(is.Elements))
				break
			}
			// Fewer groups help only while the trainees still fit in
			// groups the scenario allows.
			first, last := newSizeLimits(s).groupRange(len(r.Trainees))
			last = min(last, g-1, is.Have/max(q.Min, 1))
			if first <= last {
				msg = scenario.Msg("every group needs at least %d trainee(s) with %s %q, %d in all for %d groups, but the roster has %d: %s; ask for %s, or lower the quota, or give --allow-unmet to write the plan with the groups left short listed",
					q.Min, attributeWord(q.Attribute), quotaValue(s, q), is.Want, g, is.Have, who(is.Elements), groupChoice(first, last))
				break
			}
			msg = scenario.Msg("every group needs at least %d trainee(s) with %s %q, %d in all for %d groups, but the roster has %d: %s; fewer groups would be larger than the scenario allows, so give --allow-unmet to write the plan with the groups left short listed, or lower the quota in the scenario (yishi scenarios export %s DIR)",
				q.Min, attributeWord(q.Attribute), quotaValue(s, q), is.Want, g, is.Have, who(is.Elements), s.ID)
		case grouping.RuleNeed:
			id, ok := is.Tag.(roleNeed)
			role, found := s.Role(string(id))
			if !ok || !found {
				continue
			}
			msg = scenario.Msg("every group needs %d %s (%s), %d in all for %d groups, but only %d trainees may play it: it is not played by %s; ask for fewer groups or change the role's avoid_background",
				role.MinPerGroup(), role.Title, role.ID, is.Want, g, is.Have, s.BackgroundLabels(role.AvoidBackground))
		default:
			continue
		}
		out = append(out, msg)
		worded[is.Text] = true
	}
	for i, p := range ve.Problems {
		if !worded[p] {
			out = append(out, problemText(ve, i))
		}
	}
	return out
}

// problemText is the optimiser's sentence for problem i as a message, its
// format kept so that a catalogue can print it in the reader's language.
func problemText(ve *grouping.ValidationError, i int) scenario.Message {
	if i < len(ve.Sentences) {
		return scenario.Message{Format: ve.Sentences[i].Format, Args: ve.Sentences[i].Args}
	}
	return scenario.Msg("%s", ve.Problems[i])
}

// groupChoice names the numbers of groups first to last: "3 groups",
// "3 to 4 groups".
func groupChoice(first, last int) scenario.Message {
	if first == last {
		return groups(first)
	}
	return scenario.Msg("%d to %d groups", first, last)
}
