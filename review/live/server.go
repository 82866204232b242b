package live

import (
	"time"
)

// AutoReleases are the entries that release, by the scenario's rule,
// every inject of the agenda marked Auto that is due at now and not yet
// released; made by "server", with Auto set. A group that is not running
// or paused gets none. The server calls it on a ticker and appends what
// it returns; s must be folded from the whole log, with no command's
// entries still to be appended, or a trainer's release and the ticker's
// may both be logged (the fold keeps the first).
func AutoReleases(a Agenda, s State, now time.Time) []Entry {
	if s.Status != StatusRunning && s.Status != StatusPaused {
		return nil
	}
	var out []Entry
	for _, in := range s.Due(now) {
		if ai, ok := a.Inject(in.ID); !ok || !ai.Auto {
			continue
		}
		out = append(out, Entry{
			At: now, Round: s.Team.Round, Group: s.Team.Group,
			Kind: KindInject, Inject: in.ID, By: BySystem, Auto: true,
		})
	}
	return out
}

// BySystem is the [Entry.By] of the entries the server makes by itself:
// automatic releases and outages.
const BySystem = "server"

// OutageText is the Text of the pause and resume that cover an outage.
const OutageText = "outage"

// Outage is the pause and resume that cover a time the server was down,
// from its last heartbeat (from) to its restart (to), for a group that was
// running then. s is the group's state as the server left it: folded from
// the entries made before to. Appended whenever the trainer so chooses,
// even after entries made since the restart, they keep the outage out of
// the drill time (see [Fold]). An entry logged after the last heartbeat
// moves the pause's start to it. A group that was not running (waiting,
// paused, finished), or a span that is not forward in time, gets none.
func Outage(s State, from, to time.Time) []Entry {
	if s.Last != nil && s.Last.At.After(from) {
		from = s.Last.At
	}
	if s.Status != StatusRunning || !to.After(from) {
		return nil
	}
	mk := func(k Kind, at time.Time) Entry {
		return Entry{At: at, Round: s.Team.Round, Group: s.Team.Group, Kind: k, Text: OutageText, By: BySystem}
	}
	return []Entry{mk(KindPause, from), mk(KindResume, to)}
}
