package roles

import (
	"slices"

	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenario"
)

// Earlier is what a cohort's earlier training days say about its trainees,
// for [AssignOptions.Earlier]: who sat together and who played what. The
// ids are trainee ids of the roster; ids not on the roster are ignored.
type Earlier struct {
	// Groups are the trainee ids of each earlier group, one entry per
	// group of every round of every earlier day. Two trainees who sat in
	// one of them met before: the plan avoids putting them together again
	// as it avoids a pair from an earlier round of its own.
	Groups [][]string
	// Played holds, by trainee id, the role ids they played, oldest first.
	Played map[string][]string
	// Functions holds, by trainee id, the functions of those roles (host,
	// recorder, stakeholder, observer), oldest first: a trainee who hosted
	// or recorded before leads again only after those who have not.
	Functions map[string][]string
}

// earlierPast turns e's groups into past rounds of the grouping problem
// over r's trainees (sorted by id), each earlier group a round of its own
// in which only its members on r took part. Groups with fewer than two
// members on r are left out: they make no pair.
func earlierPast(e *Earlier, r *roster.Roster) [][]int {
	if e == nil {
		return nil
	}
	index := make(map[string]int, len(r.Trainees))
	for i, t := range r.Trainees {
		index[t.ID] = i
	}
	var out [][]int
	for _, g := range e.Groups {
		row := make([]int, len(r.Trainees))
		for i := range row {
			row[i] = -1
		}
		n := 0
		for _, id := range g {
			if i, ok := index[id]; ok && row[i] < 0 {
				row[i] = 0
				n++
			}
		}
		if n >= 2 {
			out = append(out, row)
		}
	}
	return out
}

// earlierHistory is the casting history that e gives r's trainees: their
// host and recorder turns and the roles they played, as if played in
// earlier rounds of this plan. Trainees not on r are left out, so that a
// history of others changes nothing.
func earlierHistory(e *Earlier, r *roster.Roster) *castHistory {
	h := newCastHistory()
	if e == nil {
		return h
	}
	for _, t := range r.Trainees {
		for _, f := range e.Functions[t.ID] {
			if f == scenario.FunctionHost || f == scenario.FunctionRecorder {
				h.leading[t.ID]++
			}
		}
		for _, id := range e.Played[t.ID] {
			if h.played[t.ID] == nil {
				h.played[t.ID] = map[string]int{}
			}
			h.played[t.ID][id]++
		}
	}
	return h
}

// pastWithEarlier is the past rounds of a round of the plan: the earlier
// days' groups first, then the plan's own rounds, so that the last is
// still the round before.
func (a *assignment) pastWithEarlier(in *roundInput) [][]int {
	own := in.pastOf(a.past)
	if len(a.earlier) == 0 {
		return own
	}
	out := make([][]int, 0, len(a.earlier)+len(own))
	for _, row := range a.earlier {
		mapped := make([]int, len(in.index))
		for i, full := range in.index {
			mapped[i] = row[full]
		}
		out = append(out, mapped)
	}
	return slices.Concat(out, own)
}
