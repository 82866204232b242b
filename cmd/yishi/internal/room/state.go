package room

import (
	"errors"
	"slices"
	"strconv"

	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/roles/plan"
)

// errNoGroup is a round or group the plan does not have.
var errNoGroup = errors.New("the plan has no such round or group")

// Settings the room keeps in its database.
const (
	settingRound   = "round"
	settingDebrief = "debrief"
	settingOutage  = "outage"  // "FROM_MS TO_MS;…" of the outages not yet decided on
	settingAmended = "amended" // what the last change on the day changed, a line each
)

// currentRound is the round the room shows trainees and the console:
// the one the trainer chose, else the first.
func (r *Room) currentRound() int {
	v, err := r.db.Get(settingRound)
	if n, e := strconv.Atoi(v); err == nil && e == nil && n >= 1 {
		return n
	}
	return 1
}

func (r *Room) debriefOpen() bool {
	v, err := r.db.Get(settingDebrief)
	return err == nil && v == "1"
}

// roundOf is round n of p, or nil.
func roundOf(p *plan.Plan, n int) *plan.Round {
	for i := range p.Rounds {
		if p.Rounds[i].Round == n {
			return &p.Rounds[i]
		}
	}
	return nil
}

// groupOf is group g of round n of p, or nil.
func groupOf(p *plan.Plan, n, g int) *plan.Group {
	rd := roundOf(p, n)
	if rd == nil {
		return nil
	}
	for i := range rd.Groups {
		if rd.Groups[i].Group == g {
			return &rd.Groups[i]
		}
	}
	return nil
}

// team is group g of round n as the console's state machine knows it.
func team(n int, g *plan.Group) live.Team { return live.TeamOf(n, g) }

// groupState folds the log of group g of round n.
func (r *Room) groupState(n, g int) (live.State, error) { return r.foldGroup(n, g, nil) }

// started is the set of groups with any entry in the log: those whose
// clock may run. A group not in it is waiting, and nothing of it need be
// read or folded.
func (r *Room) started() (map[store.GroupRef]bool, error) {
	gs, err := r.db.StartedGroups()
	if err != nil {
		return nil, err
	}
	out := make(map[store.GroupRef]bool, len(gs))
	for _, g := range gs {
		out[g] = true
	}
	return out, nil
}

// foldGroup folds the entries of group g of round n that keep accepts
// (every one when keep is nil).
func (r *Room) foldGroup(n, g int, keep func(live.Entry) bool) (live.State, error) {
	p, _, a := r.snapshot()
	grp := groupOf(p, n, g)
	if grp == nil {
		return live.State{}, errNoGroup
	}
	es, err := r.db.GroupEntries(n, g)
	if err != nil {
		return live.State{}, err
	}
	if keep != nil {
		es = slices.DeleteFunc(es, func(e live.Entry) bool { return !keep(e) })
	}
	return live.Fold(a, team(n, grp), es), nil
}

// appendEntries writes entries to the log and tells the open pages; with
// a key and no entries, it records only that the key was applied.
func (r *Room) appendEntries(key string, es []live.Entry) ([]live.Entry, error) {
	if len(es) == 0 && key == "" {
		return nil, nil
	}
	out, dup, err := r.db.Append(key, es)
	if err != nil {
		return nil, err
	}
	if !dup {
		r.hub.entries(out)
	}
	return out, nil
}

// memberOf returns the trainee's place in round n: their group and role.
func memberOf(p *plan.Plan, n int, id string) (*plan.Group, *plan.Member) {
	rd := roundOf(p, n)
	if rd == nil {
		return nil, nil
	}
	for gi := range rd.Groups {
		g := &rd.Groups[gi]
		for mi := range g.Members {
			if g.Members[mi].ID == id {
				return g, &g.Members[mi]
			}
		}
	}
	return nil, nil
}

// injectFor reports whether a released inject entry reaches trainee id:
// it is for their group in that round, and aimed at their role there.
func (r *Room) injectFor(id string, e live.Entry) bool {
	p, _, a := r.snapshot()
	g, m := memberOf(p, e.Round, id)
	if g == nil || g.Group != e.Group {
		return false
	}
	for _, in := range a.Injects {
		if in.ID == e.Inject {
			return slices.Contains(in.To, m.Role)
		}
	}
	return false
}

// reviews reports whether reviewer p scores group g of round n: a
// reviewer without groups of their own scores every group.
func reviews(groups []store.GroupRef, n, g int) bool {
	if len(groups) == 0 {
		return true
	}
	return slices.Contains(groups, store.GroupRef{Round: n, Group: g})
}
