package measure

import (
	"time"

	"github.com/yishi-council/yishi/review/live"
)

// t0 is when every test drill's clock reads minute 0.
var t0 = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

// at is the time m minutes after t0.
func at(m float64) time.Time { return t0.Add(mins(m)) }

// mins is m minutes.
func mins(m float64) time.Duration { return time.Duration(m * float64(time.Minute)) }

// agenda is the test agenda: three phases of 10, 20 and 15 minutes, and
// two injects, rain aimed at the resident and fire at the owner and the
// tenant.
var agenda = live.Agenda{
	Phases: []live.Phase{
		{ID: "open", Title: "Opening", Planned: 10 * time.Minute},
		{ID: "views", Title: "Views", Planned: 20 * time.Minute},
		{ID: "decide", Title: "Decision", Planned: 15 * time.Minute},
	},
	Injects: []live.Inject{
		{ID: "rain", At: 5 * time.Minute, To: []string{"resident"}},
		{ID: "fire", At: 12 * time.Minute, To: []string{"owner", "tenant"}},
	},
}

// team is round 1, group 1: a host, a recorder, two residents and a
// member who may stay silent.
var team = live.Team{Round: 1, Group: 1, Members: []live.Member{
	{ID: "h", Name: "Han", Role: "host"},
	{ID: "r", Name: "Ren", Role: "recorder"},
	{ID: "a", Name: "An", Role: "resident"},
	{ID: "b", Name: "Bo", Role: "owner"},
	{ID: "s", Name: "Su", Role: "tenant"},
}}

// entry is an entry of round 1, group 1 made m minutes in.
func entry(k live.Kind, m float64) live.Entry {
	return live.Entry{Round: 1, Group: 1, Kind: k, At: at(m)}
}

func phaseStart(p int, m float64) live.Entry {
	e := entry(live.KindPhaseStart, m)
	e.Phase = p
	return e
}

func phaseEnd(p int, m float64) live.Entry {
	e := entry(live.KindPhaseEnd, m)
	e.Phase = p
	return e
}

func pause(m float64) live.Entry  { return entry(live.KindPause, m) }
func resume(m float64) live.Entry { return entry(live.KindResume, m) }

// outage is the pause and resume the room logs for an outage.
func outage(from, to float64) []live.Entry {
	p, r := pause(from), resume(to)
	p.Text, r.Text = live.OutageText, live.OutageText
	return []live.Entry{p, r}
}

func turn(member string, m float64) live.Entry {
	e := entry(live.KindTurn, m)
	e.Member = member
	return e
}

// turnTo is a turn whose end the log gives.
func turnTo(member string, m, end float64) live.Entry {
	e := turn(member, m)
	e.End = at(end)
	return e
}

func silence(m float64) live.Entry { return entry(live.KindSilence, m) }

func interruption(member string, m float64) live.Entry {
	e := entry(live.KindInterruption, m)
	e.Member = member
	return e
}

func summary(m float64) live.Entry {
	e := entry(live.KindSummary, m)
	e.Member = "h"
	return e
}

func inject(id string, m float64) live.Entry {
	e := entry(live.KindInject, m)
	e.Inject = id
	return e
}

// note is a note that names inject id ("" for none).
func note(id string, m float64) live.Entry {
	e := entry(live.KindNote, m)
	e.Inject = id
	return e
}

// log joins entries and lists of entries into one log.
func log(parts ...any) []live.Entry {
	var out []live.Entry
	for _, p := range parts {
		switch p := p.(type) {
		case live.Entry:
			out = append(out, p)
		case []live.Entry:
			out = append(out, p...)
		default:
			panic("log: not an entry")
		}
	}
	return out
}
