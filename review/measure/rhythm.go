package measure

import (
	"slices"

	"github.com/yishi-council/yishi/review/live"
)

// rhythm measures the phases against their timeboxes and the group's
// answers to the injects, aimed at the roles of team's members. Before a drill has begun no phase counts as
// skipped and the punctuality is 0.
func (d *drill) rhythm(a live.Agenda, team live.Team) Rhythm {
	r := Rhythm{Phases: make([]PhaseTime, len(a.Phases))}
	for i, p := range a.Phases {
		r.Phases[i] = PhaseTime{Phase: i + 1, ID: p.ID, Title: p.Title, Planned: p.Planned}
	}
	ran := make([]bool, len(a.Phases))
	for _, ru := range d.runs {
		pt := &r.Phases[ru.phase-1]
		pt.Actual += d.active(ru.from, ru.to)
		if !ran[ru.phase-1] {
			pt.Start = ru.from
		}
		pt.End = ru.to
		ran[ru.phase-1] = true
	}
	var deviation float64
	for i := range r.Phases {
		pt := &r.Phases[i]
		r.Planned += pt.Planned
		r.Actual += pt.Actual
		if pt.Planned > 0 {
			pt.Overrun = (pt.Actual - pt.Planned).Seconds() / pt.Planned.Seconds()
		}
		switch {
		case !ran[i]:
			pt.Skipped = d.begun
			deviation++
		case pt.Planned > 0:
			deviation += min(abs(pt.Overrun), 1)
		case pt.Actual > 0:
			deviation++
		}
		if pt.Skipped {
			r.Skipped++
		}
	}
	r.Over = r.Actual - r.Planned
	if d.begun && len(r.Phases) > 0 {
		r.Punctuality = 1 - deviation/float64(len(r.Phases))
	}
	r.Injects = d.injects(a, team)
	return r
}

// injects finds each inject's release (its first inject entry) and the
// group's response: the first entry after it that names the inject or,
// with none, the first turn after it by a member of team whose role the
// agenda's inject is aimed at.
func (d *drill) injects(a live.Agenda, team live.Team) []InjectResponse {
	var out []InjectResponse
	var release []int // the index in d.entries of each release in out
	at := map[string]int{}
	for k, e := range d.entries {
		if e.Inject == "" {
			continue
		}
		i, released := at[e.Inject]
		switch {
		case e.Kind == live.KindInject && !released:
			at[e.Inject] = len(out)
			out = append(out, InjectResponse{ID: e.Inject, Released: e.At})
			release = append(release, k)
		case e.Kind != live.KindInject && released && !out[i].Responded:
			out[i].Responded = true
			out[i].After = d.active(out[i].Released, e.At)
		}
	}
	for i := range out {
		if out[i].Responded {
			continue
		}
		in, ok := a.Inject(out[i].ID)
		if !ok {
			continue
		}
		for _, e := range d.entries[release[i]+1:] {
			if e.Kind != live.KindTurn {
				continue
			}
			if m, ok := team.Member(e.Member); ok && slices.Contains(in.To, m.Role) {
				out[i].Responded = true
				out[i].After = d.active(out[i].Released, e.At)
				break
			}
		}
	}
	return out
}

// abs is the absolute value of x.
func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
