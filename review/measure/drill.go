package measure

import (
	"slices"
	"time"

	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/scenario"
)

// Of computes the measures of one group's drill.
//
// It reads the entries of in.Team's round and group in order of time.
// Entries at the same moment go summaries first (so a summary logged at
// the minute a phase ends counts in that phase), then phase ends, pauses
// and resumes, phase starts, and the rest; entries at the same moment of
// the same kind keep the order they are given in. So entries that carry
// distinct times give the same measures in whatever order they come, and
// so do entries at equal times as long as those keep their order. The drill
// runs from the first phase start to the end of the last phase run (its
// phase end, or the last entry's time when it has none); a log without a
// phase start is measured over its entries' span, with no rhythm. Pauses,
// an outage's among them, are taken out of every time measured; a
// trainer's pause never resumed ends at the next phase start or phase
// end after it, or else at the drill's end. Turns,
// interruptions and summaries outside the drill are not counted, and
// turns by ids not in the team are ignored.
func Of(in Input) Group {
	d := newDrill(in)
	g := Group{
		Round:    in.Team.Round,
		Group:    in.Team.Group,
		Started:  d.started,
		Finished: d.finished,
		Drill:    d.active(d.started, d.finished),
		Pauses:   d.pauses,
		Values:   map[string]float64{},
	}
	g.Rhythm = d.rhythm(in.Agenda, in.Team)
	var turns []Turn
	g.Participation, turns = d.participation(in.Team, in.Hosts)
	g.Induction = d.induction(len(in.Agenda.Phases), in.Hosts)
	g.Participation.InterruptionsPer10 = per10(g.Participation.Interruptions, g.Drill)
	g.values(d)
	g.Timeline = Timeline{
		Start:         d.started,
		End:           d.finished,
		Phases:        g.Rhythm.Phases,
		Pauses:        d.pauses,
		Injects:       g.Rhythm.Injects,
		Turns:         turns,
		Members:       g.Participation.Members,
		Summaries:     d.summaries,
		Interruptions: d.interruptions,
	}
	return g
}

// per10 is n events per ten minutes of drill; 0 without drill time.
func per10(n int, drill time.Duration) float64 {
	if drill <= 0 {
		return 0
	}
	return float64(n) / (drill.Minutes() / 10)
}

// drill is one group's log sorted by time, with the drill's span, its
// phase runs and its pauses.
type drill struct {
	entries []live.Entry
	// phase is the agenda phase (from 1) running at each entry, 0 when
	// none is.
	phase []int
	// begun is whether a phase start began the drill.
	begun             bool
	started, finished time.Time
	runs              []run
	pauses            []live.Interval
	// summaries and interruptions are the times of those counted, filled
	// in by induction and participation.
	summaries, interruptions []time.Time
}

// run is one stretch of an agenda phase, from its phase start to its
// phase end, the next phase start, or the drill's end.
type run struct {
	phase    int // from 1
	from, to time.Time
}

// kindRank orders entries made at the same time: a summary comes first
// (on a log of whole minutes, a summary at a phase's end belongs to the
// phase that ends), then a phase end, then a pause or resume, then the
// next phase start, then anything else said at that moment.
func kindRank(k live.Kind) int {
	switch k {
	case live.KindSummary:
		return 0
	case live.KindPhaseEnd:
		return 1
	case live.KindPause, live.KindResume:
		return 2
	case live.KindPhaseStart:
		return 3
	}
	return 4
}

// newDrill sorts the group's entries and finds the drill's span, its
// phase runs and its pauses.
func newDrill(in Input) *drill {
	d := &drill{entries: make([]live.Entry, 0, len(in.Entries))}
	for _, e := range in.Entries {
		if e.Round == in.Team.Round && e.Group == in.Team.Group {
			d.entries = append(d.entries, e)
		}
	}
	slices.SortStableFunc(d.entries, func(a, b live.Entry) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		return kindRank(a.Kind) - kindRank(b.Kind)
	})
	if len(d.entries) == 0 {
		return d
	}
	d.phaseRuns(len(in.Agenda.Phases))
	d.collectPauses()
	return d
}

// last is the time of the latest thing the log records: an entry, or the
// end of a turn.
func (d *drill) last() time.Time {
	var t time.Time
	for _, e := range d.entries {
		if e.At.After(t) {
			t = e.At
		}
		if e.Kind == live.KindTurn && e.End.After(t) {
			t = e.End
		}
	}
	return t
}

// phaseRuns walks the log's phase starts and ends: the runs of each
// agenda phase, the phase running at each entry, and the drill's span.
func (d *drill) phaseRuns(phases int) {
	d.phase = make([]int, len(d.entries))
	cur := 0
	var from time.Time
	endedByPhaseEnd := false
	for i, e := range d.entries {
		switch e.Kind {
		case live.KindPhaseStart:
			if !d.begun {
				d.begun, d.started = true, e.At
			}
			if cur != 0 {
				d.runs = append(d.runs, run{phase: cur, from: from, to: e.At})
			}
			cur, from, endedByPhaseEnd = 0, e.At, false
			if e.Phase >= 1 && e.Phase <= phases {
				cur = e.Phase
			}
		case live.KindPhaseEnd:
			if cur != 0 && (e.Phase == cur || e.Phase == 0) {
				d.runs = append(d.runs, run{phase: cur, from: from, to: e.At})
				cur, endedByPhaseEnd = 0, true
				d.finished = e.At
			}
		}
		d.phase[i] = cur
	}
	if !d.begun {
		d.started, d.finished = d.entries[0].At, d.last()
		return
	}
	if !endedByPhaseEnd {
		d.finished = d.last()
	}
	if cur != 0 {
		d.runs = append(d.runs, run{phase: cur, from: from, to: d.finished})
	}
}

// collectPauses pairs each pause with the resume after it, an outage's
// pair apart from the trainer's (so one inside the other loses neither),
// keeps them within the drill and merges those that overlap. A trainer's
// pause still open at a later phase start or phase end ends there, as the
// phase moving on shows the clock ran again (a resume after it is then
// ignored); an outage waits for its resume. A pause open at the drill's
// end lasts to it.
func (d *drill) collectPauses() {
	type tracker struct {
		open bool
		from time.Time
	}
	var trainer, outage tracker
	var all []live.Interval
	for _, e := range d.entries {
		if (e.Kind == live.KindPhaseStart || e.Kind == live.KindPhaseEnd) && trainer.open && e.At.After(trainer.from) {
			// The phase moved on, so the clock ran again.
			all = append(all, live.Interval{From: trainer.from, To: e.At})
			trainer.open = false
		}
		if e.Kind != live.KindPause && e.Kind != live.KindResume {
			continue
		}
		t := &trainer
		if e.Text == live.OutageText {
			t = &outage
		}
		switch {
		case e.Kind == live.KindPause && !t.open:
			t.open, t.from = true, e.At
		case e.Kind == live.KindResume && t.open:
			all = append(all, live.Interval{From: t.from, To: e.At})
			t.open = false
		}
	}
	for _, t := range []tracker{trainer, outage} {
		if t.open {
			all = append(all, live.Interval{From: t.from, To: d.finished})
		}
	}
	var kept []live.Interval
	for _, p := range all {
		if p.From.Before(d.started) {
			p.From = d.started
		}
		if p.To.After(d.finished) {
			p.To = d.finished
		}
		if p.To.After(p.From) {
			kept = append(kept, p)
		}
	}
	slices.SortFunc(kept, func(a, b live.Interval) int { return a.From.Compare(b.From) })
	for _, p := range kept {
		if n := len(d.pauses); n > 0 && !p.From.After(d.pauses[n-1].To) {
			if p.To.After(d.pauses[n-1].To) {
				d.pauses[n-1].To = p.To
			}
			continue
		}
		d.pauses = append(d.pauses, p)
	}
}

// active is the time from from to to less the pauses within it; never
// negative.
func (d *drill) active(from, to time.Time) time.Duration { return live.Active(d.pauses, from, to) }

// within reports whether t falls inside the drill, its ends included.
func (d *drill) within(t time.Time) bool {
	return !t.Before(d.started) && !t.After(d.finished)
}

// values fills in the measures by id, leaving out each that the log
// cannot give, as [Group.Values] says.
func (g *Group) values(d *drill) {
	begun := d.begun
	v := g.Values
	r, p, in := g.Rhythm, g.Participation, g.Induction
	if begun && len(r.Phases) > 0 {
		v[scenario.MeasurePunctuality] = r.Punctuality
		v[scenario.MeasurePhasesSkipped] = float64(r.Skipped)
		if r.Planned > 0 {
			v[scenario.MeasureOverrun] = max(r.Over, 0).Seconds() / r.Planned.Seconds()
		}
	}
	// Whether an observer was logging the talk: without a turn, a log of
	// phase times says nothing of who spoke, and an inject's answer is
	// missing from it, not missing from the room.
	talk := p.Turns > 0
	var after time.Duration
	counted := 0
	for _, ir := range r.Injects {
		switch {
		case ir.Responded:
			after += ir.After
			counted++
		case talk:
			// A lower bound on its response time: ignoring an inject
			// must read slow, not drop out of the mean.
			after += d.active(ir.Released, d.finished)
			counted++
		}
	}
	if counted > 0 {
		v[scenario.MeasureInjectResponse] = after.Minutes() / float64(counted)
	}
	if talk {
		if p.Speaking > 0 {
			v[scenario.MeasureGini] = p.Gini
		}
		v[scenario.MeasureSilentMembers] = float64(len(p.Silent))
		if p.HostShare != nil {
			v[scenario.MeasureHostShare] = *p.HostShare
		}
		if p.Turns >= 2 {
			v[scenario.MeasureFloorPasses] = p.PassRate
		}
	}
	// Interruptions and summaries the log has are counted, and so is
	// their absence in a log of the talk.
	if (talk || p.Interruptions > 0) && g.Drill > 0 {
		v[scenario.MeasureInterruptionsPer10] = p.InterruptionsPer10
	}
	if talk || in.Total > 0 {
		v[scenario.MeasureSummaries] = float64(in.Total)
	}
	if in.First != nil {
		v[scenario.MeasureFirstSummary] = in.First.Minutes()
	}
}
