package roles

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenario"
)

// Weights of the role-casting cost. A required place is worth more than
// everything else together, so it is always filled when an eligible member
// exists; rotation outweighs the rest, so nobody hosts or records twice
// while an eligible member of the group has not yet; playing a part a second
// time outweighs preferences.
const (
	costRequired = -1000.0
	costRotation = 100.0
	// costSameRole keeps a trainee from playing the same part twice: they
	// would know its confidential brief already, and the round is wasted.
	costSameRole   = 60.0
	costPreferBg   = -20.0 // the scenario's wish; a trainee's own wish (below) weighs more
	costPreference = -25.0
	// costObserver makes observing the last of the optional places, after
	// the optional stakeholder roles.
	costObserver = 3.0
	costJitter   = 0.5
	// costKeepRole is the amended plan's bonus for a role a member had
	// before: more than a second turn of a part (costSameRole) and every
	// preference and jitter together, so a member keeps their part when
	// nothing above it says otherwise.
	costKeepRole = -(costSameRole + costPreference*-1 + costPreferBg*-1 + costObserver + costJitter + 1)
	// costRotationAmend is a turn of hosting or recording in an amended
	// plan, which must outweigh costKeepRole.
	costRotationAmend = -costKeepRole + costRotation
)

// castHistory remembers who played what in earlier rounds.
type castHistory struct {
	leading map[string]int            // trainee id -> host and recorder turns
	played  map[string]map[string]int // trainee id -> role id -> times
}

func newCastHistory() *castHistory {
	return &castHistory{leading: map[string]int{}, played: map[string]map[string]int{}}
}

func (h *castHistory) record(id string, r scenario.Role) {
	if r.Function == scenario.FunctionHost || r.Function == scenario.FunctionRecorder {
		h.leading[id]++
	}
	if h.played[id] == nil {
		h.played[id] = map[string]int{}
	}
	h.played[id][r.ID]++
}

// slot is one place in a group's cast.
type slot struct {
	role     int // index into scenario roles
	required bool
}

// eligible reports whether a trainee of background bg (see [vocabularyID])
// may play r.
func eligible(r scenario.Role, bg string) bool {
	return !slices.Contains(r.AvoidBackground, bg)
}

// vocabularyID is the id of t's background in the scenario's vocabulary,
// which casting rules (avoid_background, prefer_background) name, or ""
// for a background the scenario did not foresee: its label matches none
// of the listed ids, whatever it says.
func vocabularyID(t roster.Trainee) string {
	if t.Unforeseen {
		return ""
	}
	return t.Background
}

// prefers reports whether the trainee asked for role r, by function or id.
func prefers(t roster.Trainee, r scenario.Role) bool {
	p := strings.TrimSpace(t.Prefers)
	return p != "" && (p == r.ID || p == r.Function)
}

// castResult is the outcome of casting one group.
type castResult struct {
	roles []string           // role id per member; "" when none could be given
	notes []scenario.Message // per member, why a preference was not met
	unmet []scenario.Message // rules the group could not keep
}

// castGroup gives every member of a group a role by a minimum-cost
// assignment: required places first, only to eligible members, rotation of
// host and recorder across rounds, then background and personal preferences.
// Ties are broken by rng, so the same seed gives the same cast.
func castGroup(s *scenario.Scenario, members []roster.Trainee, h *castHistory, rng *rand.Rand) castResult {
	return castGroupKeeping(s, members, h, rng, nil)
}

// castGroupKeeping is [castGroup] for an amended plan: keep holds, by
// trainee id, the role a member had before, which they keep where they
// can. The order of the cost is then: required places first; then
// rotation, at costRotationAmend a turn, so that nobody hosts or records
// twice to keep a role when another member of the group has not led (an
// absent host's place goes to a member who has not led, and a member who
// led in an amended earlier round gives up a later turn); then the role
// kept, at costKeepRole, above playing a part twice and every preference,
// so that members who lost nobody keep their parts. With keep nil it is
// castGroup.
func castGroupKeeping(s *scenario.Scenario, members []roster.Trainee, h *castHistory, rng *rand.Rand, keep map[string]string) castResult {
	m := len(members)
	res := castResult{roles: make([]string, m), notes: make([]scenario.Message, m)}
	if m == 0 {
		return res
	}
	slots, required := castSlots(s, m)
	cost := castCost(s, members, slots, h, rng)
	if keep != nil {
		keepCost(s, members, slots, h, keep, cost)
	}
	got := minCostAssignment(cost)
	filled := make([]bool, len(slots))
	for i, j := range got {
		if j < 0 || slots[j].role < 0 {
			res.unmet = append(res.unmet, scenario.Msg("%s (%s) has no role: every place left is one their background %q may not play", members[i].Name, members[i].ID, members[i].Background))
			continue
		}
		filled[j] = true
		r := s.Roles[slots[j].role]
		res.roles[i] = r.ID
		h.record(members[i].ID, r)
	}
	for j, sl := range slots {
		if sl.required && !filled[j] {
			res.unmet = append(res.unmet, unfilledRole(s.Roles[sl.role], m, required))
		}
	}
	// Say why a stated preference was not met.
	for i, t := range members {
		if strings.TrimSpace(t.Prefers) == "" || res.roles[i] == "" {
			continue
		}
		got, _ := s.Role(res.roles[i])
		if prefers(t, got) {
			continue
		}
		res.notes[i] = preferenceNote(s, t, members, res.roles, h)
	}
	return res
}

// castSlots lists the places of a group of m: each role's required places,
// then its optional ones, then "no role" places until there are at least m,
// as the assignment needs; required is the number of required places.
func castSlots(s *scenario.Scenario, m int) (slots []slot, required int) {
	for ri, r := range s.Roles {
		lo, hi := r.MinPerGroup(), r.MaxPerGroup()
		for k := 0; k < lo; k++ {
			slots = append(slots, slot{role: ri, required: true})
		}
		required += lo
		extra := m
		if hi != scenario.Unlimited {
			extra = min(hi-lo, m)
		}
		for k := 0; k < extra; k++ {
			slots = append(slots, slot{role: ri})
		}
	}
	for len(slots) < m {
		slots = append(slots, slot{role: -1})
	}
	return slots, required
}

// castCost is the cost of giving member i place j: infinite where the
// member may not play the role, otherwise the weights above with a little
// of rng's jitter to break ties.
func castCost(s *scenario.Scenario, members []roster.Trainee, slots []slot, h *castHistory, rng *rand.Rand) [][]float64 {
	cost := make([][]float64, len(members))
	for i, t := range members {
		cost[i] = make([]float64, len(slots))
		for j, sl := range slots {
			if sl.role < 0 {
				cost[i][j] = 10 * costRotation // no role at all: the last resort
				continue
			}
			r := s.Roles[sl.role]
			if !eligible(r, vocabularyID(t)) {
				cost[i][j] = math.Inf(1)
				continue
			}
			c := rng.Float64() * costJitter
			if sl.required {
				c += costRequired
			}
			if r.Function == scenario.FunctionHost || r.Function == scenario.FunctionRecorder {
				c += costRotation * float64(h.leading[t.ID])
			}
			if slices.Contains(r.PreferBackground, vocabularyID(t)) {
				c += costPreferBg
			}
			if prefers(t, r) {
				c += costPreference
			}
			if r.Function == scenario.FunctionObserver {
				c += costObserver
			}
			c += costSameRole * float64(h.played[t.ID][r.ID])
			cost[i][j] = c
		}
	}
	return cost
}

// keepCost turns castCost into the cost of an amended group (see
// [castGroupKeeping]): rotation weighs costRotationAmend a turn, and the
// role a member had before costs costKeepRole less.
func keepCost(s *scenario.Scenario, members []roster.Trainee, slots []slot, h *castHistory, keep map[string]string, cost [][]float64) {
	for i, t := range members {
		for j, sl := range slots {
			if sl.role < 0 || math.IsInf(cost[i][j], 1) {
				continue
			}
			r := s.Roles[sl.role]
			if r.Function == scenario.FunctionHost || r.Function == scenario.FunctionRecorder {
				cost[i][j] += (costRotationAmend - costRotation) * float64(h.leading[t.ID])
			}
			if id, ok := keep[t.ID]; ok && id == r.ID {
				cost[i][j] += costKeepRole
			}
		}
	}
}

// unfilledRole says why a required place of r stayed empty in a group of m
// members with required places in all.
func unfilledRole(r scenario.Role, m, required int) scenario.Message {
	switch {
	case m < required:
		return scenario.Msg("role %q is not filled: the group has %d members for %d required places", r.DisplayTitle(), m, required)
	case len(r.AvoidBackground) > 0:
		return scenario.Msg("role %q is not filled: no member of the group may play it (it is not played by %s)", r.DisplayTitle(), strings.Join(r.AvoidBackground, ", "))
	}
	return scenario.Msg("role %q is not filled: no member of the group may play it", r.DisplayTitle())
}

// preferenceNote says why t did not get the role they preferred.
func preferenceNote(s *scenario.Scenario, t roster.Trainee, members []roster.Trainee, cast []string, h *castHistory) scenario.Message {
	var wanted []scenario.Role
	for _, r := range s.Roles {
		if prefers(t, r) {
			wanted = append(wanted, r)
		}
	}
	if len(wanted) == 0 {
		return scenario.Msg("preferred %q, which this scenario has no role for", t.Prefers)
	}
	r := wanted[0]
	if !eligible(r, vocabularyID(t)) {
		return scenario.Msg("preferred %s, but in this scenario that role is played by someone of another background, to practise a perspective not their own", r.DisplayTitle())
	}
	if (r.Function == scenario.FunctionHost || r.Function == scenario.FunctionRecorder) && h.leading[t.ID] > leadsNow(s, t, members, cast) {
		return scenario.Msg("preferred %s, but has already hosted or recorded; the turn went to a member who had not", r.DisplayTitle())
	}
	for i, other := range members {
		if cast[i] == r.ID && other.ID != t.ID {
			return scenario.Msg("preferred %s, which went to %s (%s)", r.DisplayTitle(), other.Name, other.ID)
		}
	}
	return scenario.Msg("preferred %s, but the group's required roles had to be filled first", r.DisplayTitle())
}

// leadsNow is 1 when t hosts or records in the cast being made, else 0, so
// that the history can be read as "before this round".
func leadsNow(s *scenario.Scenario, t roster.Trainee, members []roster.Trainee, cast []string) int {
	for i, m := range members {
		if m.ID != t.ID {
			continue
		}
		if r, ok := s.Role(cast[i]); ok && (r.Function == scenario.FunctionHost || r.Function == scenario.FunctionRecorder) {
			return 1
		}
	}
	return 0
}
