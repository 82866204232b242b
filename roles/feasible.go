package roles

import (
	"fmt"
	"sort"
	"strings"

	"github.com/yishi-council/yishi/roles/grouping"
	"github.com/yishi-council/yishi/scenario"
)

// explainInfeasible finds the requests no grouping can meet and says why in
// the trainer's terms: trainees by name and id, roles by title, quotas as
// the scenario wrote them. The optimiser's own check stays behind it as a
// backstop, in terms of elements.
func explainInfeasible(s *scenario.Scenario, r *Roster, prob *grouping.Problem, info problemInfo) []string {
	var out []string
	g := len(prob.Groups)
	maxSize := 0
	for _, b := range prob.Groups {
		maxSize = max(maxSize, b.Max)
	}
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

	// Keep-together sets larger than a group, or holding a keep-apart pair.
	parent := make([]int, len(r.Trainees))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, pr := range prob.KeepTogether {
		parent[find(pr[0])] = find(pr[1])
	}
	sets := map[int][]int{}
	for i := range r.Trainees {
		sets[find(i)] = append(sets[find(i)], i)
	}
	var roots []int
	for root, members := range sets {
		if len(members) > 1 {
			roots = append(roots, root)
		}
	}
	sort.Slice(roots, func(a, b int) bool { return sets[roots[a]][0] < sets[roots[b]][0] })
	for _, root := range roots {
		if members := sets[root]; len(members) > maxSize {
			out = append(out, fmt.Sprintf("%d trainees must share one group through the together column (%s), but groups hold at most %d", len(members), who(members), maxSize))
		}
	}
	for _, pr := range prob.KeepApart {
		if find(pr[0]) == find(pr[1]) {
			out = append(out, fmt.Sprintf("%s must share a group with %s through the together column, but one avoids the other", who(pr[:1]), who(pr[1:])))
		}
	}

	// Quotas and roles every group needs, against who is on the roster.
	for qi, q := range prob.Quotas {
		sq := info.quotas[qi]
		var have []int
		for i, v := range prob.Categorical[q.Attr].Values {
			if v == q.Category {
				have = append(have, i)
			}
		}
		if q.Min*g > len(have) {
			out = append(out, fmt.Sprintf("every group needs at least %d trainee(s) with %s %q, %d in all for %d groups, but the roster has %d: %s; ask for fewer groups or lower the quota",
				q.Min, sq.Attribute, sq.Value, q.Min*g, g, len(have), who(have)))
		}
	}
	for _, nd := range prob.Needs {
		roleID := strings.TrimPrefix(nd.Name, "role ")
		role, ok := s.Role(roleID)
		if !ok {
			continue
		}
		have := 0
		for _, e := range nd.Eligible {
			if e {
				have++
			}
		}
		if nd.Count*g > have {
			out = append(out, fmt.Sprintf("every group needs %d %s (%s), %d in all for %d groups, but only %d trainees may play it: it is not played by %s; ask for fewer groups or change the role's avoid_background",
				nd.Count, role.Title, role.ID, nd.Count*g, g, have, s.BackgroundLabels(role.AvoidBackground)))
		}
	}
	return out
}
