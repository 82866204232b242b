package measure

import "github.com/yishi-council/yishi/review/live"

// induction counts the host summaries inside the drill by the agenda
// phase running when each was made (one made between phases counts only
// in the total) and times the first.
func (d *drill) induction(phases int) Induction {
	in := Induction{PerPhase: make([]int, phases)}
	for i, e := range d.entries {
		if e.Kind != live.KindSummary || !d.within(e.At) {
			continue
		}
		if in.Total == 0 {
			first := d.active(d.started, e.At)
			in.First = &first
		}
		in.Total++
		d.summaries = append(d.summaries, e.At)
		if p := d.phase[i]; p > 0 {
			in.PerPhase[p-1]++
		}
	}
	return in
}
