package live

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// step is a command given at an offset from t0.
type step struct {
	at time.Duration
	c  Command
}

// drive applies the steps in turn, each to the state folded from the
// entries before it, numbering the entries as the store would; every step
// must be accepted.
func drive(t testing.TB, a Agenda, team Team, steps ...step) (State, []Entry) {
	t.Helper()
	var log []Entry
	s := Fold(a, team, nil)
	for i, st := range steps {
		out, err := s.Apply(a, st.c, at(st.at), "trainer")
		require.NoError(t, err, "step %d: %s", i, st.c.Kind)
		log = appendLog(log, out...)
		s = Fold(a, team, log)
	}
	return s, log
}

// appendLog appends entries to the log, numbering them as the store would.
func appendLog(log []Entry, entries ...Entry) []Entry {
	for _, e := range entries {
		e.Seq = int64(len(log) + 1)
		log = append(log, e)
	}
	return log
}

func cmd(k CommandKind) Command { return Command{Kind: k} }

// upTo is the part of the log made by now.
func upTo(log []Entry, now time.Time) []Entry {
	var out []Entry
	for _, e := range log {
		if !e.At.After(now) {
			out = append(out, e)
		}
	}
	return out
}

func TestFoldEmpty(t *testing.T) {
	a, team := fixtureAgenda(), fixtureTeam()
	s := Fold(a, team, nil)
	assert.Equal(t, StatusWaiting, s.Status)
	assert.Zero(t, s.Phase)
	assert.Nil(t, s.Last)
	assert.Equal(t, map[string]int{"t1": 0, "t2": 0, "t3": 0}, s.Turns, "silent members count as zero")
	require.Len(t, s.Injects, 3)
	for i, in := range s.Injects {
		assert.Equal(t, a.Injects[i], in.Inject)
		assert.False(t, in.Released)
		assert.True(t, s.DueAt(in, at(time.Hour)).IsZero(), "no inject is due before the start")
	}
	assert.Zero(t, s.Active(at(time.Hour)))
	assert.Zero(t, s.PhaseElapsed(at(time.Hour)))
	assert.Empty(t, s.Due(at(time.Hour)))
	assert.Equal(t, LightNone, s.Light(at(time.Hour)))
	_, ok := s.CurrentPhase()
	assert.False(t, ok)
	assert.Equal(t, -50*minute, s.Overrun(at(time.Hour)))
}

// TestPauseShiftsInject is the fault of exercise consoles that kept a
// pause as a flag: an inject due 10 minutes into the drill, after a
// 7-minute pause at 5 minutes, is due 17 minutes after the start.
func TestPauseShiftsInject(t *testing.T) {
	a, team := fixtureAgenda(), fixtureTeam()
	_, log := drive(t, a, team,
		step{0, cmd(CommandStart)},
		step{5 * minute, cmd(CommandPause)},
		step{12 * minute, cmd(CommandResume)},
	)
	tests := []struct {
		name    string
		now     time.Duration
		active  time.Duration
		status  Status
		dueAt   time.Duration // of the inject at 10m
		due     bool
		pauseTo time.Duration // 0 while the pause is open
	}{
		{name: "before the pause", now: 3 * minute, active: 3 * minute, status: StatusRunning, dueAt: 10 * minute},
		{name: "as the pause starts", now: 5 * minute, active: 5 * minute, status: StatusPaused, dueAt: 10 * minute},
		{name: "during the pause, projected from now", now: 8 * minute, active: 5 * minute, status: StatusPaused, dueAt: 13 * minute},
		{name: "as the pause ends", now: 12 * minute, active: 5 * minute, status: StatusRunning, dueAt: 17 * minute, pauseTo: 12 * minute},
		{name: "a second before it is due", now: 17*minute - time.Second, active: 10*minute - time.Second, status: StatusRunning, dueAt: 17 * minute, pauseTo: 12 * minute},
		{name: "when it is due", now: 17 * minute, active: 10 * minute, status: StatusRunning, dueAt: 17 * minute, due: true, pauseTo: 12 * minute},
		{name: "later", now: 20 * minute, active: 13 * minute, status: StatusRunning, dueAt: 17 * minute, due: true, pauseTo: 12 * minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := at(tt.now)
			s := Fold(a, team, upTo(log, now))
			assert.Equal(t, tt.status, s.Status)
			assert.Equal(t, tt.active, s.Active(now))
			assert.Equal(t, at(tt.dueAt), s.DueAt(s.Injects[0], now))
			if tt.due {
				require.Len(t, s.Due(now), 1)
				assert.Equal(t, "rain", s.Due(now)[0].ID)
			} else {
				assert.Empty(t, s.Due(now))
			}
			if tt.now >= 5*minute {
				require.Len(t, s.Pauses, 1)
				assert.Equal(t, at(5*minute), s.Pauses[0].From)
				if tt.pauseTo == 0 {
					assert.True(t, s.Pauses[0].Open())
				} else {
					assert.Equal(t, at(tt.pauseTo), s.Pauses[0].To)
				}
			}
		})
	}
}

func TestTwoPauses(t *testing.T) {
	a, team := fixtureAgenda(), fixtureTeam()
	s, _ := drive(t, a, team,
		step{0, cmd(CommandStart)},
		step{5 * minute, cmd(CommandPause)},
		step{12 * minute, cmd(CommandResume)},
		step{20 * minute, cmd(CommandPause)},
		step{23 * minute, cmd(CommandResume)},
	)
	require.Equal(t, []Interval{{at(5 * minute), at(12 * minute)}, {at(20 * minute), at(23 * minute)}}, s.Pauses)
	tests := []struct {
		name   string
		now    time.Duration
		active time.Duration
	}{
		{name: "before the start", now: -time.Minute, active: 0},
		{name: "in the first pause", now: 10 * minute, active: 5 * minute},
		{name: "between the pauses", now: 15 * minute, active: 8 * minute},
		{name: "in the second pause", now: 21 * minute, active: 13 * minute},
		{name: "after both", now: 30 * minute, active: 20 * minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.active, s.Active(at(tt.now)))
		})
	}
	// 5m before the first pause, 8m between them, 12m after the second.
	assert.Equal(t, at(35*minute), s.DueAt(s.Injects[1], at(30*minute)))
	assert.Equal(t, at(17*minute), s.DueAt(s.Injects[0], at(30*minute)), "the first pause only")
	assert.Equal(t, at(55*minute), s.DueAt(s.Injects[2], at(30*minute)), "45m and both pauses")
}

func TestOpenPause(t *testing.T) {
	a, team := fixtureAgenda(), fixtureTeam()
	s, _ := drive(t, a, team,
		step{0, cmd(CommandStart)},
		step{3 * minute, cmd(CommandPause)},
	)
	assert.Equal(t, StatusPaused, s.Status)
	for _, now := range []time.Duration{3 * minute, 10 * minute, time.Hour} {
		assert.Equal(t, 3*minute, s.Active(at(now)), "the clock stands still at %s", now)
		assert.Equal(t, 3*minute, s.PhaseElapsed(at(now)))
		assert.Equal(t, LightGreen, s.Light(at(now)), "a paused phase keeps its light")
		assert.Equal(t, at(now+7*minute), s.DueAt(s.Injects[0], at(now)), "projected from now")
	}
}

func TestPhasesAndLight(t *testing.T) {
	a, team := fixtureAgenda(), fixtureTeam()
	_, log := drive(t, a, team,
		step{0, cmd(CommandStart)},
		step{6 * minute, cmd(CommandNext)},
		step{10 * minute, cmd(CommandPause)},
		step{12 * minute, cmd(CommandResume)},
		step{25 * minute, cmd(CommandNext)},
		step{46 * minute, cmd(CommandNext)},
		step{50 * minute, cmd(CommandNext)},
	)
	tests := []struct {
		name     string
		now      time.Duration
		status   Status
		phase    int
		started  time.Duration
		elapsed  time.Duration
		planned  time.Duration
		light    Light
		active   time.Duration
		overrun  time.Duration
		finished bool
	}{
		{name: "phase 1 early", now: 3 * minute, status: StatusRunning, phase: 1, elapsed: 3 * minute, planned: 5 * minute, light: LightGreen, active: 3 * minute, overrun: -47 * minute},
		{name: "phase 1 last minute", now: 4 * minute, status: StatusRunning, phase: 1, elapsed: 4 * minute, planned: 5 * minute, light: LightAmber, active: 4 * minute, overrun: -46 * minute},
		{name: "phase 1 at its timebox", now: 5 * minute, status: StatusRunning, phase: 1, elapsed: 5 * minute, planned: 5 * minute, light: LightAmber, active: 5 * minute, overrun: -45 * minute},
		{name: "phase 1 over", now: 5*minute + time.Second, status: StatusRunning, phase: 1, elapsed: 5*minute + time.Second, planned: 5 * minute, light: LightRed, active: 5*minute + time.Second, overrun: -45*minute + time.Second},
		{name: "phase 2 starts fresh", now: 6 * minute, status: StatusRunning, phase: 2, started: 6 * minute, elapsed: 0, planned: 15 * minute, light: LightGreen, active: 6 * minute, overrun: -44 * minute},
		{name: "phase 2 paused", now: 11 * minute, status: StatusPaused, phase: 2, started: 6 * minute, elapsed: 4 * minute, planned: 15 * minute, light: LightGreen, active: 10 * minute, overrun: -40 * minute},
		{name: "phase 2 last minute after the pause", now: 22 * minute, status: StatusRunning, phase: 2, started: 6 * minute, elapsed: 14 * minute, planned: 15 * minute, light: LightAmber, active: 20 * minute, overrun: -30 * minute},
		{name: "phase 2 over after the pause", now: 23*minute + time.Second, status: StatusRunning, phase: 2, started: 6 * minute, elapsed: 15*minute + time.Second, planned: 15 * minute, light: LightRed, active: 21*minute + time.Second, overrun: -29*minute + time.Second},
		{name: "phase 3 ignores phase 2's pause", now: 30 * minute, status: StatusRunning, phase: 3, started: 25 * minute, elapsed: 5 * minute, planned: 20 * minute, light: LightGreen, active: 28 * minute, overrun: -22 * minute},
		{name: "phase 4", now: 49 * minute, status: StatusRunning, phase: 4, started: 46 * minute, elapsed: 3 * minute, planned: 10 * minute, light: LightGreen, active: 47 * minute, overrun: -3 * minute},
		{name: "finished", now: 50 * minute, status: StatusFinished, phase: 4, started: 46 * minute, elapsed: 4 * minute, planned: 10 * minute, light: LightNone, active: 48 * minute, overrun: -2 * minute, finished: true},
		{name: "frozen after the finish", now: 90 * minute, status: StatusFinished, phase: 4, started: 46 * minute, elapsed: 4 * minute, planned: 10 * minute, light: LightNone, active: 48 * minute, overrun: -2 * minute, finished: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := at(tt.now)
			s := Fold(a, team, upTo(log, now))
			assert.Equal(t, tt.status, s.Status)
			assert.Equal(t, tt.phase, s.Phase)
			p, ok := s.CurrentPhase()
			require.True(t, ok)
			assert.Equal(t, a.Phases[tt.phase-1], p)
			assert.Equal(t, at(0), s.Started)
			assert.Equal(t, at(tt.started), s.PhaseStarted)
			assert.Equal(t, tt.elapsed, s.PhaseElapsed(now))
			assert.Equal(t, tt.planned, s.PhasePlanned())
			assert.Equal(t, tt.light, s.Light(now))
			assert.Equal(t, tt.active, s.Active(now))
			assert.Equal(t, tt.overrun, s.Overrun(now))
			assert.Equal(t, tt.finished, !s.Finished.IsZero())
		})
	}
}

func TestDueAtAfterFinish(t *testing.T) {
	a, team := fixtureAgenda(), fixtureTeam()
	s, _ := drive(t, a, team,
		step{0, cmd(CommandStart)},
		step{10 * minute, cmd(CommandNext)},
		step{20 * minute, cmd(CommandNext)},
		step{30 * minute, cmd(CommandNext)},
		step{40 * minute, cmd(CommandNext)},
	)
	require.Equal(t, StatusFinished, s.Status)
	now := at(2 * time.Hour)
	assert.Equal(t, at(10*minute), s.DueAt(s.Injects[0], now), "it was due before the finish")
	assert.Equal(t, at(25*minute), s.DueAt(s.Injects[1], now))
	assert.True(t, s.DueAt(s.Injects[2], now).IsZero(), "the drill ended before 45m")
	assert.Equal(t, []string{"rain", "inject-2"}, ids(s.Due(now)))
	assert.Empty(t, AutoReleases(a, s, now), "nothing is released by itself after the finish")
}

func ids(ins []InjectState) []string {
	var out []string
	for _, in := range ins {
		out = append(out, in.ID)
	}
	return out
}

func TestOutage(t *testing.T) {
	a, team := fixtureAgenda(), fixtureTeam()
	running, log := drive(t, a, team, step{0, cmd(CommandStart)}, step{2 * minute, cmd(CommandNext)})
	paused, _ := drive(t, a, team, step{0, cmd(CommandStart)}, step{4 * minute, cmd(CommandPause)})
	finished, _ := drive(t, a, team, step{0, cmd(CommandStart)}, step{1 * minute, cmd(CommandNext)},
		step{2 * minute, cmd(CommandNext)}, step{3 * minute, cmd(CommandNext)}, step{4 * minute, cmd(CommandNext)})
	tests := []struct {
		name     string
		s        State
		from, to time.Duration
		want     bool
		wantFrom time.Duration // when the pause starts, if not at from
	}{
		{name: "running", s: running, from: 8 * minute, to: 20 * minute, want: true},
		{name: "paused stays paused", s: paused, from: 8 * minute, to: 20 * minute},
		{name: "waiting", s: Fold(a, team, nil), from: 8 * minute, to: 20 * minute},
		{name: "finished", s: finished, from: 8 * minute, to: 20 * minute},
		{name: "back before it died", s: running, from: 8 * minute, to: 8 * minute},
		{name: "heartbeat before the last entry", s: running, from: time.Minute, to: 20 * minute, want: true, wantFrom: 2 * minute},
		{name: "back before the last entry", s: running, from: time.Minute, to: 90 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := Outage(tt.s, at(tt.from), at(tt.to))
			if !tt.want {
				assert.Empty(t, out)
				return
			}
			from := tt.from
			if tt.wantFrom != 0 {
				from = tt.wantFrom
			}
			assert.Equal(t, []Entry{
				{At: at(from), Round: 1, Group: 2, Kind: KindPause, Text: "outage", By: "server"},
				{At: at(tt.to), Round: 1, Group: 2, Kind: KindResume, Text: "outage", By: "server"},
			}, out)
		})
	}

	s := Fold(a, team, appendLog(log, Outage(running, at(8*minute), at(20*minute))...))
	assert.Equal(t, StatusRunning, s.Status)
	assert.Equal(t, []Interval{{at(8 * minute), at(20 * minute)}}, s.Pauses, "the outage is a pause of its length")
	assert.Equal(t, 13*minute, s.Active(at(25*minute)))
	assert.Equal(t, 11*minute, s.PhaseElapsed(at(25*minute)))
	assert.Equal(t, at(22*minute), s.DueAt(s.Injects[0], at(25*minute)))
	assert.Equal(t, "outage", s.Last.Text)
}

func TestAutoReleases(t *testing.T) {
	a, team := fixtureAgenda(), fixtureTeam()
	s, log := drive(t, a, team, step{0, cmd(CommandStart)})
	assert.Empty(t, AutoReleases(a, Fold(a, team, nil), at(time.Hour)), "not before the start")
	assert.Empty(t, AutoReleases(a, s, at(24*minute)), "the manual inject at 10m waits for the trainer")
	assert.Equal(t, []string{"rain"}, ids(s.Due(at(24*minute))))

	out := AutoReleases(a, s, at(26*minute))
	assert.Equal(t, []Entry{{At: at(26 * minute), Round: 1, Group: 2, Kind: KindInject, Inject: "inject-2", By: "server", Auto: true}}, out)
	log = appendLog(log, out...)
	s = Fold(a, team, log)
	assert.Empty(t, AutoReleases(a, s, at(26*minute)), "released once")
	assert.Empty(t, AutoReleases(a, s, at(30*minute)))
	in := s.Injects[1]
	assert.True(t, in.Released)
	assert.True(t, in.ReleasedAuto)
	assert.Equal(t, at(26*minute), in.ReleasedAt)
	assert.Equal(t, []string{"rain"}, ids(s.Due(at(30*minute))), "the manual inject is still due")

	// Paused before 45m, the last inject comes due only after the resume.
	log = appendLog(log, Entry{At: at(40 * minute), Round: 1, Group: 2, Kind: KindPause, By: "trainer"})
	s = Fold(a, team, log)
	assert.Empty(t, AutoReleases(a, s, at(50*minute)))
	log = appendLog(log, Entry{At: at(50 * minute), Round: 1, Group: 2, Kind: KindResume, By: "trainer"})
	s = Fold(a, team, log)
	assert.Empty(t, AutoReleases(a, s, at(54*minute)))
	out = AutoReleases(a, s, at(55*minute))
	assert.Equal(t, []string{"late"}, entryInjects(out))
	s = Fold(a, team, appendLog(log, out...))
	assert.Empty(t, AutoReleases(a, s, at(56*minute)))
	assert.Equal(t, []string{"rain"}, ids(s.Due(at(56*minute))))
}

func entryInjects(es []Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Inject)
	}
	return out
}

// TestBackwardsTime folds logs whose times go backwards, as a laptop's
// clock set back in the middle of a drill makes them.
func TestBackwardsTime(t *testing.T) {
	a, team := fixtureAgenda(), fixtureTeam()
	e := func(d time.Duration, k Kind, phase int) Entry {
		return Entry{At: at(d), Round: 1, Group: 2, Kind: k, Phase: phase}
	}
	tests := []struct {
		name   string
		log    []Entry
		now    time.Duration
		active time.Duration
		phase  time.Duration
	}{
		{name: "pause before the start", log: []Entry{e(10*minute, KindPhaseStart, 1), e(5*minute, KindPause, 0), e(2*minute, KindResume, 0)}, now: 20 * minute, active: 10 * minute, phase: 10 * minute},
		{name: "resume before the pause", log: []Entry{e(0, KindPhaseStart, 1), e(10*minute, KindPause, 0), e(4*minute, KindResume, 0)}, now: 20 * minute, active: 20 * minute, phase: 20 * minute},
		{name: "next phase before the last", log: []Entry{e(10*minute, KindPhaseStart, 1), e(3*minute, KindPhaseEnd, 1), e(3*minute, KindPhaseStart, 2)}, now: 12 * minute, active: 2 * minute, phase: 2 * minute},
		{name: "finish before the start", log: []Entry{e(10*minute, KindPhaseStart, 1), e(2*minute, KindPhaseEnd, 4)}, now: 20 * minute, active: 0, phase: 0},
		{name: "now before the start", log: []Entry{e(10*minute, KindPhaseStart, 1)}, now: 5 * minute, active: 0, phase: 0},
		{name: "now inside a pause gone backwards", log: []Entry{e(0, KindPhaseStart, 1), e(10*minute, KindPause, 0), e(12*minute, KindResume, 0), e(1*minute, KindPause, 0)}, now: 11 * minute, active: 10 * minute, phase: 10 * minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Fold(a, team, appendLog(nil, tt.log...))
			for _, p := range s.Pauses {
				assert.False(t, p.From.Before(s.Started), "a pause starts after the start")
				if !p.Open() {
					assert.False(t, p.To.Before(p.From), "a pause is not negative")
				}
			}
			assert.False(t, s.PhaseStarted.Before(s.Started))
			assert.Equal(t, tt.active, s.Active(at(tt.now)))
			assert.Equal(t, tt.phase, s.PhaseElapsed(at(tt.now)))
			for _, now := range []time.Duration{-time.Hour, 0, 5 * minute, 11 * minute, time.Hour} {
				assert.GreaterOrEqual(t, s.Active(at(now)), time.Duration(0))
				assert.GreaterOrEqual(t, s.PhaseElapsed(at(now)), time.Duration(0))
				assert.LessOrEqual(t, s.PhaseElapsed(at(now)), s.Active(at(now)))
				for _, in := range s.Injects {
					if d := s.DueAt(in, at(now)); !d.IsZero() {
						assert.False(t, d.Before(s.Started), "an inject is not due before the start")
					}
				}
			}
		})
	}
}

func TestFoldSkipsOtherGroups(t *testing.T) {
	a, team := fixtureAgenda(), fixtureTeam()
	log := appendLog(nil,
		Entry{At: at(0), Round: 1, Group: 2, Kind: KindPhaseStart, Phase: 1},
		Entry{At: at(1 * minute), Round: 1, Group: 3, Kind: KindPause},
		Entry{At: at(2 * minute), Round: 2, Group: 2, Kind: KindInject, Inject: "rain"},
	)
	s := Fold(a, team, log)
	assert.Equal(t, StatusRunning, s.Status)
	assert.Empty(t, s.Pauses)
	assert.False(t, s.Injects[0].Released)
	assert.Equal(t, int64(1), s.LastSeq)
}

func TestFoldTurns(t *testing.T) {
	a, team := fixtureAgenda(), fixtureTeam()
	turn := func(m string) step { return step{minute, Command{Kind: CommandTurn, Member: m}} }
	s, log := drive(t, a, team,
		step{0, cmd(CommandStart)},
		turn("t1"), turn("t2"), turn("t1"),
		step{2 * minute, Command{Kind: CommandInterruption, Member: "t3"}},
		step{2 * minute, cmd(CommandInterruption)},
		step{3 * minute, Command{Kind: CommandSummary, Member: "t1"}},
		step{4 * minute, cmd(CommandSilence)},
		step{5 * minute, Command{Kind: CommandNote, Text: "  the host summed up well \n"}},
	)
	assert.Equal(t, map[string]int{"t1": 2, "t2": 1, "t3": 0}, s.Turns)
	assert.Equal(t, "", s.Speaker)
	assert.Equal(t, 2, s.Interruptions)
	assert.Equal(t, 1, s.Summaries)
	assert.Equal(t, int64(len(log)), s.LastSeq)
	require.NotNil(t, s.Last)
	assert.Equal(t, Entry{Seq: int64(len(log)), At: at(5 * minute), Round: 1, Group: 2, Kind: KindNote, Text: "the host summed up well", By: "trainer"}, *s.Last)

	s = Fold(a, team, appendLog(log, Entry{At: at(6 * minute), Round: 1, Group: 2, Kind: KindTurn, Member: "t3"}))
	assert.Equal(t, "t3", s.Speaker)
	s = Fold(a, team, appendLog(log,
		Entry{At: at(6 * minute), Round: 1, Group: 2, Kind: KindTurn, Member: "t3"},
		Entry{At: at(7 * minute), Round: 1, Group: 2, Kind: KindPhaseEnd, Phase: 4}))
	assert.Equal(t, StatusFinished, s.Status)
	assert.Equal(t, "", s.Speaker, "nobody speaks after the finish")
}

// TestOutageAfterWhatFollowed is the outage answered late: after the
// restart the room released an automatic inject, an observer tapped and
// the trainer paused and typed a note before choosing to count the outage
// as a pause. The pause goes back to where the outage was, whatever was
// logged in between.
func TestOutageAfterWhatFollowed(t *testing.T) {
	a, team := fixtureAgenda(), fixtureTeam()
	_, log := drive(t, a, team, step{0, cmd(CommandStart)}, step{2 * minute, cmd(CommandNext)})
	before := Fold(a, team, log) // as the server left it
	// Down from 8m to 20m; since the restart: a turn, a pause and a note.
	s := Fold(a, team, log)
	for _, st := range []step{{21 * minute, Command{Kind: CommandTurn, Member: "t1"}}, {22 * minute, cmd(CommandPause)}, {23 * minute, Command{Kind: CommandNote, Text: "back"}}} {
		out, err := s.Apply(a, st.c, at(st.at), "trainer")
		require.NoError(t, err)
		log = appendLog(log, out...)
		s = Fold(a, team, log)
	}
	log = appendLog(log, Outage(before, at(8*minute), at(20*minute))...)
	s = Fold(a, team, log)
	assert.Equal(t, StatusPaused, s.Status, "the trainer's pause still holds")
	assert.Equal(t, []Interval{{at(8 * minute), at(20 * minute)}, {From: at(22 * minute)}}, s.Pauses)
	assert.Equal(t, 10*minute, s.Active(at(25*minute)), "8m before the outage and 2m after it")
	assert.Equal(t, 1, s.Turns["t1"])

	// An outage that overlaps a pause already there is merged with it,
	// never counted twice.
	p := Fold(a, team, nil)
	p.Status, p.Started = StatusRunning, at(0)
	p.Pauses = []Interval{{at(5 * minute), at(10 * minute)}}
	p.addPause(Interval{at(8 * minute), at(15 * minute)})
	assert.Equal(t, []Interval{{at(5 * minute), at(15 * minute)}}, p.Pauses)
	assert.Equal(t, 10*minute, p.Active(at(20*minute)))
	// One before the start is cut to the start.
	p.addPause(Interval{at(-5 * minute), at(1 * minute)})
	assert.Equal(t, []Interval{{at(0), at(1 * minute)}, {at(5 * minute), at(15 * minute)}}, p.Pauses)
}
