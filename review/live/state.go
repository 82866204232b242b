package live

import (
	"slices"
	"time"
)

// Status is where a group is in its drill.
type Status string

// The statuses of a group.
const (
	// StatusWaiting is a group whose drill has not started.
	StatusWaiting Status = "waiting"
	// StatusRunning is a group whose clock runs.
	StatusRunning Status = "running"
	// StatusPaused is a group whose clock the trainer (or an outage) has
	// stopped.
	StatusPaused Status = "paused"
	// StatusFinished is a group that has ended the last agenda phase.
	StatusFinished Status = "finished"
)

// Interval is a span of wall-clock time; To is zero while it is open.
type Interval struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to,omitzero"`
}

// Open reports whether the interval has not ended.
func (iv Interval) Open() bool { return iv.To.IsZero() }

// State is one group's drill folded from its log: where the group is in
// the agenda, its clock with every pause, the injects released, and the
// speaking turns. Make it with [Fold].
type State struct {
	Team Team `json:"team"`
	// Agenda is the agenda the state was folded against.
	Agenda Agenda `json:"agenda"`
	Status Status `json:"status"`
	// Phase is the current agenda phase, from 1; 0 before the start and,
	// after the finish, the last phase.
	Phase int `json:"phase"`
	// Started is when the first phase started, PhaseStarted when the
	// current one did, and Finished when the last one ended; each is zero
	// until it has happened.
	Started      time.Time `json:"started,omitzero"`
	PhaseStarted time.Time `json:"phase_started,omitzero"`
	Finished     time.Time `json:"finished,omitzero"`
	// Pauses are every pause, in order; the last may be open.
	Pauses []Interval `json:"pauses"`
	// Injects are the agenda's injects, in its order, with whether each
	// has been released.
	Injects []InjectState `json:"injects"`
	// Turns counts the speaking turns started by each member, by trainee
	// id; every member of the team is there, a silent one with 0.
	Turns map[string]int `json:"turns"`
	// Speaker is the member speaking now, "" if nobody is.
	Speaker       string `json:"speaker,omitempty"`
	Interruptions int    `json:"interruptions"`
	Summaries     int    `json:"summaries"`
	// LastSeq is the Seq of the latest entry folded, and Last that entry,
	// for the console's "last action"; nil when the log is empty.
	LastSeq int64  `json:"last_seq"`
	Last    *Entry `json:"last,omitempty"`
}

// InjectState is one inject of the agenda and whether it has been
// released: when, and whether by the scenario's rule (ReleasedAuto)
// rather than the trainer.
type InjectState struct {
	Inject
	Released     bool      `json:"released"`
	ReleasedAt   time.Time `json:"released_at,omitzero"`
	ReleasedAuto bool      `json:"released_auto,omitempty"`
}

// Fold folds one group's log into its state. The entries are those of
// t's round and group (any other is skipped), in Seq order. An entry that
// does not fit the state it meets (a resume while running, a second
// release of an inject) changes nothing but the last entry. Time does not
// go backwards in a group: an entry whose At is before that of an entry
// before it counts as made at that later time, so no span comes out
// negative. The one exception is an outage counted as a pause ([Outage]):
// decided after the restart, it is logged after what happened since, and
// its pause goes back to where it was.
func Fold(a Agenda, t Team, entries []Entry) State {
	s := State{
		Team:    t,
		Agenda:  a,
		Status:  StatusWaiting,
		Injects: make([]InjectState, len(a.Injects)),
		Turns:   make(map[string]int, len(t.Members)),
	}
	for i, in := range a.Injects {
		s.Injects[i] = InjectState{Inject: in}
	}
	for _, m := range t.Members {
		s.Turns[m.ID] = 0
	}
	var clock, outageFrom time.Time
	for _, e := range entries {
		if e.Round != t.Round || e.Group != t.Group {
			continue
		}
		last := e
		s.Last = &last
		s.LastSeq = e.Seq
		// An outage counted as a pause is appended when the trainer says
		// so, after entries made since the restart: its two entries keep
		// their own times and put the interval where it was.
		if e.Text == OutageText && e.Kind == KindPause {
			outageFrom = e.At
			continue
		}
		if e.Text == OutageText && e.Kind == KindResume {
			if !outageFrom.IsZero() {
				s.addPause(Interval{From: outageFrom, To: e.At})
			}
			outageFrom = time.Time{}
			continue
		}
		at := e.At
		if at.Before(clock) {
			at = clock
		}
		clock = at
		s.fold(e, at)
	}
	return s
}

// addPause puts a closed pause that happened in the past among the
// pauses, in order of time, merged with any it overlaps, and within the
// drill (from its start to its finish).
func (s *State) addPause(p Interval) {
	if !s.started() || !p.To.After(p.From) {
		return
	}
	if p.From.Before(s.Started) {
		p.From = s.Started
	}
	if !s.Finished.IsZero() && p.To.After(s.Finished) {
		p.To = s.Finished
	}
	if !p.To.After(p.From) {
		return
	}
	var out []Interval
	for _, q := range s.Pauses {
		qTo := q.To
		switch {
		case !q.Open() && qTo.Before(p.From), q.From.After(p.To):
			out = append(out, q)
			continue
		}
		// Overlapping: the merged pause spans both; an open one stays open.
		if q.From.Before(p.From) {
			p.From = q.From
		}
		if q.Open() {
			p.To = time.Time{}
		} else if !p.Open() && qTo.After(p.To) {
			p.To = qTo
		}
	}
	out = append(out, p)
	slices.SortFunc(out, func(a, b Interval) int { return a.From.Compare(b.From) })
	s.Pauses = out
}

// fold applies one entry, made at at, to the state.
func (s *State) fold(e Entry, at time.Time) {
	switch e.Kind {
	case KindPhaseStart:
		switch s.Status {
		case StatusWaiting:
			s.Status, s.Started = StatusRunning, at
			s.Phase, s.PhaseStarted = max(e.Phase, 1), at
		case StatusRunning, StatusPaused:
			s.Phase, s.PhaseStarted = max(e.Phase, 1), at
		}
	case KindPhaseEnd:
		if (s.Status == StatusRunning || s.Status == StatusPaused) && e.Phase >= len(s.Agenda.Phases) {
			s.closePause(at)
			s.Status, s.Finished, s.Speaker = StatusFinished, at, ""
		}
	case KindPause:
		if s.Status == StatusRunning {
			s.Status = StatusPaused
			s.Pauses = append(s.Pauses, Interval{From: at})
		}
	case KindResume:
		if s.Status == StatusPaused {
			s.closePause(at)
			s.Status = StatusRunning
		}
	case KindInject:
		for i := range s.Injects {
			if in := &s.Injects[i]; in.ID == e.Inject && !in.Released {
				in.Released, in.ReleasedAt, in.ReleasedAuto = true, at, e.Auto
				break
			}
		}
	case KindTurn:
		if e.Member != "" && e.Member != s.Speaker {
			s.Turns[e.Member]++
			s.Speaker = e.Member
		}
	case KindSilence:
		s.Speaker = ""
	case KindInterruption:
		s.Interruptions++
	case KindSummary:
		s.Summaries++
	}
}

// closePause ends the open pause, if there is one, at at.
func (s *State) closePause(at time.Time) {
	if n := len(s.Pauses); n > 0 && s.Pauses[n-1].Open() {
		s.Pauses[n-1].To = at
	}
}

// started reports whether the group's drill has started.
func (s State) started() bool { return s.Status != StatusWaiting && !s.Started.IsZero() }

// Active is the drill time at now: the time since the start less every
// pause (an open one counts until now). It is 0 before the start and
// stops at the finish.
func (s State) Active(now time.Time) time.Duration {
	if !s.started() {
		return 0
	}
	return s.activeSince(s.Started, now)
}

// PhaseElapsed is the drill time at now since the current phase started,
// less the pauses within it.
func (s State) PhaseElapsed(now time.Time) time.Duration {
	if !s.started() {
		return 0
	}
	return s.activeSince(s.PhaseStarted, now)
}

// activeSince is the wall-clock time from from to now (or to the finish,
// if that is earlier) less the pauses within it; never negative.
func (s State) activeSince(from, now time.Time) time.Duration {
	end := now
	if !s.Finished.IsZero() && s.Finished.Before(end) {
		end = s.Finished
	}
	return Active(s.Pauses, from, end)
}

// Active is the wall-clock time from from to to less the part of each
// pause within it (an open pause lasting to to); never negative. The
// room's clock and the debrief's measures reckon drill time with it.
func Active(pauses []Interval, from, to time.Time) time.Duration {
	if !to.After(from) {
		return 0
	}
	d := to.Sub(from)
	for _, p := range pauses {
		pFrom, pTo := p.From, p.To
		if pFrom.Before(from) {
			pFrom = from
		}
		if p.Open() || pTo.After(to) {
			pTo = to
		}
		if pTo.After(pFrom) {
			d -= pTo.Sub(pFrom)
		}
	}
	return max(d, 0)
}

// CurrentPhase is the agenda phase the group is in; false before the
// start, or when the log names a phase the agenda lacks.
func (s State) CurrentPhase() (Phase, bool) {
	if s.Phase < 1 || s.Phase > len(s.Agenda.Phases) {
		return Phase{}, false
	}
	return s.Agenda.Phases[s.Phase-1], true
}

// PhasePlanned is the timebox of the current phase, 0 when there is
// none.
func (s State) PhasePlanned() time.Duration {
	p, _ := s.CurrentPhase()
	return p.Planned
}

// Light is the colour of a phase's clock on the console.
type Light string

// The lights of a phase's clock.
const (
	// LightNone is shown for a group that is not running or paused.
	LightNone Light = "none"
	// LightGreen is a phase within its timebox.
	LightGreen Light = "green"
	// LightAmber is a phase in the last minute of its timebox.
	LightAmber Light = "amber"
	// LightRed is a phase over its timebox.
	LightRed Light = "red"
)

// AmberWarning is how long before the end of a phase's timebox its light
// turns amber.
const AmberWarning = time.Minute

// Light is the colour of the current phase's clock at now: green within
// the timebox, amber in its last minute, red over it, and none when the
// group is not running or paused.
func (s State) Light(now time.Time) Light {
	p, ok := s.CurrentPhase()
	if !ok || (s.Status != StatusRunning && s.Status != StatusPaused) {
		return LightNone
	}
	switch el := s.PhaseElapsed(now); {
	case el > p.Planned:
		return LightRed
	case el >= p.Planned-AmberWarning:
		return LightAmber
	}
	return LightGreen
}

// DueAt is the wall-clock time at which the inject is, or was, due: when
// [State.Active] reaches in.At, so every pause before that moment moves it
// later by the pause's length. An inject not yet due is projected from now
// as if there were no further pause (an open pause is taken to end now).
// DueAt is zero when the group has not started, or finished before the
// inject came due.
func (s State) DueAt(in InjectState, now time.Time) time.Time {
	if !s.started() {
		return time.Time{}
	}
	cursor, left := s.Started, max(in.At, 0)
	for _, p := range s.Pauses {
		run := max(p.From.Sub(cursor), 0)
		if left <= run {
			return cursor.Add(left)
		}
		left -= run
		if p.Open() {
			base := p.From
			if now.After(base) {
				base = now
			}
			return base.Add(left)
		}
		cursor = p.To
	}
	due := cursor.Add(left)
	if !s.Finished.IsZero() && due.After(s.Finished) {
		return time.Time{}
	}
	return due
}

// Due are the injects that are due at now (the drill time has reached
// them) and not yet released, in agenda order.
func (s State) Due(now time.Time) []InjectState {
	if !s.started() {
		return nil
	}
	active := s.Active(now)
	var out []InjectState
	for _, in := range s.Injects {
		if !in.Released && active >= in.At {
			out = append(out, in)
		}
	}
	return out
}

// Overrun is how far the drill time at now is past the agenda's planned
// total; negative while there is time left.
func (s State) Overrun(now time.Time) time.Duration {
	return s.Active(now) - s.Agenda.Planned()
}
