package measure

import (
	"slices"
	"time"

	"github.com/yishi-council/yishi/review/live"
)

// participation measures who spoke and how the floor moved, and returns
// the turns for the timeline.
func (d *drill) participation(team live.Team, hosts []string) (Participation, []Turn) {
	p := Participation{Members: make([]MemberTalk, len(team.Members)), Silent: []string{}}
	index := make(map[string]int, len(team.Members))
	for i, m := range team.Members {
		p.Members[i] = MemberTalk{ID: m.ID, Name: m.Name, Role: m.Role}
		if _, dup := index[m.ID]; !dup {
			index[m.ID] = i
		}
	}
	turns := d.turns(index)
	for i, t := range turns {
		m := &p.Members[index[t.Member]]
		m.Turns++
		m.Speaking += d.active(t.From, t.To)
		if i > 0 && t.Member != turns[i-1].Member {
			p.FloorPasses++
		}
	}
	p.Turns = len(turns)
	if p.Turns > 1 {
		p.PassRate = float64(p.FloorPasses) / float64(p.Turns-1)
	}
	for _, e := range d.entries {
		if e.Kind != live.KindInterruption || !d.within(e.At) {
			continue
		}
		p.Interruptions++
		d.interruptions = append(d.interruptions, e.At)
		if i, ok := index[e.Member]; ok {
			p.Members[i].Interruptions++
		}
	}
	speaking := make([]float64, len(p.Members))
	isHost := map[string]bool{}
	for _, h := range hosts {
		isHost[h] = true
	}
	var hostTime time.Duration
	hosted := false
	for i, m := range p.Members {
		p.Speaking += m.Speaking
		speaking[i] = m.Speaking.Seconds()
		if m.Turns == 0 {
			p.Silent = append(p.Silent, m.ID)
		}
		if isHost[m.ID] {
			hosted = true
			hostTime += m.Speaking
		}
	}
	if p.Speaking > 0 {
		for i := range p.Members {
			p.Members[i].Share = p.Members[i].Speaking.Seconds() / p.Speaking.Seconds()
		}
		if hosted {
			share := hostTime.Seconds() / p.Speaking.Seconds()
			p.HostShare = &share
		}
	}
	p.Gini = Gini(speaking)
	return p, turns
}

// turns are the team's speaking turns inside the drill, in order, each
// from its start to its end: its own end if the log gives one (but no
// later than the next turn's start, and, should it fall in a pause, at
// the pause's start), else the next turn, silence or pause, and never
// after the drill's end.
func (d *drill) turns(index map[string]int) []Turn {
	var out []Turn
	for i, e := range d.entries {
		if e.Kind != live.KindTurn || !d.within(e.At) {
			continue
		}
		if _, ok := index[e.Member]; !ok {
			continue
		}
		explicit := e.End.After(e.At)
		to := d.finished
		for _, f := range d.entries[i+1:] {
			_, member := index[f.Member]
			if (f.Kind == live.KindTurn && member) || (f.Kind == live.KindSilence && !explicit) {
				to = earlier(to, f.At)
				break
			}
		}
		if explicit {
			to = earlier(to, e.End)
			if k, in := d.pauseHolding(to); in {
				to = d.pauses[k].From
			}
		} else if k, ok := d.nextPause(e.At); ok {
			to = earlier(to, d.pauses[k].From)
		}
		if to.Before(e.At) {
			to = e.At
		}
		out = append(out, Turn{Member: e.Member, From: e.At, To: to})
	}
	return out
}

// pauseHolding finds the pause that t falls in, after its start and up to
// its end.
func (d *drill) pauseHolding(t time.Time) (int, bool) {
	k, _ := slices.BinarySearchFunc(d.pauses, t, func(p live.Interval, t time.Time) int { return p.From.Compare(t) })
	// d.pauses[k-1] is the last pause starting before t.
	if k > 0 && !t.After(d.pauses[k-1].To) {
		return k - 1, true
	}
	return 0, false
}

// nextPause finds the first pause starting after t.
func (d *drill) nextPause(t time.Time) (int, bool) {
	k, found := slices.BinarySearchFunc(d.pauses, t, func(p live.Interval, t time.Time) int { return p.From.Compare(t) })
	if found {
		k++
	}
	return k, k < len(d.pauses)
}

// earlier is the earlier of a and b.
func earlier(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}
