package live

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"time"
)

// DemoBy is who made the entries of a demo log, so that nobody takes
// them for a real drill's.
const DemoBy = "demo"

// DemoLog makes up a plausible drill log for one group, for the demo and
// for trying the measures out: every agenda phase started and ended, some
// over their timebox and some under; speaking turns with the host and the
// others in proportions that differ from group to group (a group may have
// a member who hardly speaks); interruptions and host summaries; each
// inject released when it is due and answered a little later by a member
// it was aimed at; and in some groups a pause. The drill starts at start.
// hosts are the ids of the members who host. The same inputs and seed give
// the same entries, sorted by time; every entry is made by [DemoBy].
func DemoLog(a Agenda, t Team, hosts []string, start time.Time, seed uint64) []Entry {
	if len(a.Phases) == 0 || len(t.Members) == 0 {
		return nil
	}
	rng := rand.New(rand.NewPCG(seed, uint64(t.Round)<<32|uint64(t.Group)))
	d := demoDrill{t: t, rng: rng}
	// The group's style: how it keeps time, how much the host talks,
	// whether someone stays quiet, how often people cut in, how often the
	// host sums up.
	pace := 0.85 + 0.5*rng.Float64()
	weights := make([]float64, len(t.Members))
	host := -1
	for i, m := range t.Members {
		weights[i] = 0.6 + 0.8*rng.Float64()
		if slices.Contains(hosts, m.ID) {
			weights[i] = 1 + 3*rng.Float64()
			host = i
		}
	}
	if rng.Float64() < 0.4 && len(t.Members) > 2 {
		quiet := rng.IntN(len(t.Members))
		if quiet != host {
			weights[quiet] = 0.03
		}
	}
	cutIn := 0.02 + 0.12*rng.Float64()
	sumUp := 0.3 + 0.6*rng.Float64()

	// Drill time first; pauses are put in when the entries get their
	// wall-clock times.
	var at time.Duration
	for i, p := range a.Phases {
		d.add(at, Entry{Kind: KindPhaseStart, Phase: i + 1})
		length := time.Duration(float64(p.Planned) * pace * (0.85 + 0.3*rng.Float64())).Round(time.Second)
		end := at + length
		d.talk(at, end, weights, host, cutIn)
		if host >= 0 && rng.Float64() < sumUp && length > 2*time.Minute {
			d.add(end-70*time.Second, Entry{Kind: KindTurn, Member: t.Members[host].ID})
			d.add(end-time.Minute, Entry{Kind: KindSummary, Member: t.Members[host].ID})
		}
		d.add(end, Entry{Kind: KindPhaseEnd, Phase: i + 1})
		at = end
	}
	for _, in := range a.Injects {
		if in.At >= at {
			continue
		}
		d.add(in.At, Entry{Kind: KindInject, Inject: in.ID})
		var aimed []string
		for _, m := range t.Members {
			if slices.Contains(in.To, m.Role) {
				aimed = append(aimed, m.ID)
			}
		}
		if len(aimed) > 0 && rng.Float64() < 0.85 {
			after := time.Duration(30+rng.IntN(240)) * time.Second
			if in.At+after < at {
				d.add(in.At+after, Entry{Kind: KindTurn, Member: aimed[rng.IntN(len(aimed))], Inject: in.ID})
			}
		}
	}
	sort.SliceStable(d.entries, func(i, j int) bool { return d.entries[i].off < d.entries[j].off })

	// One group in three stops for a few minutes, mid-drill.
	var pauseAt, pauseFor time.Duration = -1, 0
	if rng.Float64() < 0.33 {
		pauseAt = (at / 3).Round(time.Minute)
		pauseFor = time.Duration(2+rng.IntN(4)) * time.Minute
	}
	out := make([]Entry, 0, len(d.entries)+2)
	paused := false
	for _, de := range d.entries {
		e, off := de.Entry, de.off
		if pauseAt >= 0 && !paused && off >= pauseAt {
			out = append(out, Entry{At: start.Add(pauseAt), Kind: KindPause})
			out = append(out, Entry{At: start.Add(pauseAt + pauseFor), Kind: KindResume})
			paused = true
		}
		if paused {
			off += pauseFor
		}
		e.At = start.Add(off)
		out = append(out, e)
	}
	for i := range out {
		out[i].Seq = int64(i + 1)
		out[i].Round, out[i].Group, out[i].By = t.Round, t.Group, DemoBy
	}
	return out
}

// demoDrill gathers a demo log's entries at their drill times.
type demoDrill struct {
	t       Team
	rng     *rand.Rand
	entries []demoEntry
}

// demoEntry is an entry at its drill time.
type demoEntry struct {
	Entry
	off time.Duration
}

func (d *demoDrill) add(at time.Duration, e Entry) {
	d.entries = append(d.entries, demoEntry{e, at})
}

// talk fills [from, to) with speaking turns: each member is chosen by
// weight, never twice in a row; turns last from a quarter of a minute to
// two and a half; now and then nobody speaks for a moment, or someone cuts
// in.
func (d *demoDrill) talk(from, to time.Duration, weights []float64, host int, cutIn float64) {
	last := -1
	at := from + time.Duration(5+d.rng.IntN(20))*time.Second
	for at < to-10*time.Second {
		who := d.choose(weights, last)
		if last < 0 && host >= 0 {
			who = host // the host opens each phase
		}
		d.add(at, Entry{Kind: KindTurn, Member: d.t.Members[who].ID})
		length := time.Duration(15+math.Min(135, d.rng.ExpFloat64()*45)) * time.Second
		if d.rng.Float64() < cutIn {
			by := d.choose(weights, who)
			d.add(at+(length/2).Truncate(time.Second), Entry{Kind: KindInterruption, Member: d.t.Members[by].ID})
		}
		at += length
		if d.rng.Float64() < 0.06 {
			d.add(at, Entry{Kind: KindSilence})
			at += time.Duration(8+d.rng.IntN(25)) * time.Second
		}
		last = who
	}
}

// choose picks a member by weight, other than not.
func (d *demoDrill) choose(weights []float64, not int) int {
	total := 0.0
	for i, w := range weights {
		if i != not {
			total += w
		}
	}
	x := d.rng.Float64() * total
	for i, w := range weights {
		if i == not {
			continue
		}
		if x < w {
			return i
		}
		x -= w
	}
	for i := len(weights) - 1; i >= 0; i-- {
		if i != not {
			return i
		}
	}
	return 0
}
