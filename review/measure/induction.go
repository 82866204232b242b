package measure

import (
	"slices"

	"github.com/yishi-council/yishi/review/live"
)

// induction counts the host summaries inside the drill by the agenda
// phase running when each was made and times the first. Summaries sort
// before the phase ends and starts of their moment, so one made as a
// phase ends counts in that phase; one made between phases counts in the
// phase starting at that same moment, if any, else only in the total.
// Only a host's summaries count: one naming no member, or a member among
// hosts; a summary logged by another member is left out.
func (d *drill) induction(phases int, hosts []string) Induction {
	in := Induction{PerPhase: make([]int, phases)}
	for i, e := range d.entries {
		if e.Kind != live.KindSummary || !d.within(e.At) {
			continue
		}
		if e.Member != "" && !slices.Contains(hosts, e.Member) {
			continue
		}
		if in.Total == 0 {
			first := d.active(d.started, e.At)
			in.First = &first
		}
		in.Total++
		d.summaries = append(d.summaries, e.At)
		if p := d.phaseAt(i); p > 0 {
			in.PerPhase[p-1]++
		}
	}
	return in
}

// phaseAt is the agenda phase running at entry i or, when none is, the
// one that starts at that same moment; 0 for neither.
func (d *drill) phaseAt(i int) int {
	if d.phase[i] > 0 {
		return d.phase[i]
	}
	for j := i + 1; j < len(d.entries) && d.entries[j].At.Equal(d.entries[i].At); j++ {
		if d.entries[j].Kind == live.KindPhaseStart {
			return d.phase[j]
		}
	}
	return 0
}
