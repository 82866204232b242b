package live

import (
	"errors"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// sentinels are every reason a command may be refused.
var sentinels = []error{
	ErrNotStarted, ErrRunning, ErrPaused, ErrNotPaused, ErrFinished, ErrNoPhases,
	ErrUnknownInject, ErrReleased, ErrEmptyNote, ErrTooLong, ErrNotMember, ErrUnknownKind,
}

var commandKinds = []CommandKind{
	CommandStart, CommandNext, CommandPause, CommandResume, CommandRelease,
	CommandNote, CommandTurn, CommandSilence, CommandInterruption, CommandSummary,
}

// randomCommand is any command, valid or not, with the agenda's injects
// and the team's members most of the time and strangers now and then.
func randomCommand(r *rand.Rand, a Agenda, team Team) Command {
	c := Command{Kind: commandKinds[r.IntN(len(commandKinds))]}
	injects := append([]string{"snow", ""}, ids(Fold(a, team, nil).Injects)...)
	c.Inject = injects[r.IntN(len(injects))]
	members := []string{"", "t9"}
	for _, m := range team.Members {
		members = append(members, m.ID, m.ID)
	}
	c.Member = members[r.IntN(len(members))]
	c.Text = []string{"", " ", "a note", "=1+1"}[r.IntN(4)]
	// Starts, phases and pauses would be rare among ten kinds; give them
	// more weight so that sequences reach the finish.
	if r.IntN(3) == 0 {
		c.Kind = []CommandKind{CommandStart, CommandNext, CommandPause, CommandResume}[r.IntN(4)]
	}
	return c
}

// TestFoldInvariants folds the entries made by 200 random sequences of
// commands and checks, after every step, what must hold whatever the
// trainer does.
func TestFoldInvariants(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 2026))
	a, team := fixtureAgenda(), fixtureTeam()
	reached := map[Status]int{}
	releases := 0
	for seq := range 200 {
		var log []Entry
		s := Fold(a, team, nil)
		now := t0
		var lastActive time.Duration
		for i := range 80 {
			// Often no time passes between two commands, as when the
			// trainer taps twice; sometimes many minutes do.
			now = now.Add(time.Duration(r.IntN(4)) * time.Duration(r.IntN(6)+1) * time.Minute / 2)
			c := randomCommand(r, a, team)
			out, err := s.Apply(a, c, now, "trainer")
			if err != nil {
				require.Nil(t, out)
				known := false
				for _, e := range sentinels {
					known = known || errors.Is(err, e)
				}
				require.True(t, known, "sequence %d step %d: %v is no sentinel", seq, i, err)
			}
			log = appendLog(log, out...)
			s = Fold(a, team, log)
			if r.IntN(4) == 0 {
				// The server's ticker, between two commands.
				log = appendLog(log, AutoReleases(a, s, now)...)
				s = Fold(a, team, log)
			}
			reached[s.Status]++

			where := func(what string) string {
				return what + " in sequence " + strconv.Itoa(seq) + " step " + strconv.Itoa(i)
			}
			active := s.Active(now)
			if !s.Started.IsZero() {
				require.LessOrEqual(t, active, now.Sub(s.Started), where("drill time beyond wall time"))
			}
			require.GreaterOrEqual(t, active, lastActive, where("drill time went back"))
			lastActive = active
			require.LessOrEqual(t, s.PhaseElapsed(now), active, where("a phase longer than the drill"))
			requireIntervals(t, s, where)
			requireReleasedOnce(t, s, log, where)
			for _, in := range s.Injects {
				if d := s.DueAt(in, now); !d.IsZero() && !d.After(now) {
					require.Equal(t, in.At, s.Active(d), where("the drill time at DueAt is not the inject's time"))
				}
			}
			for _, in := range s.Due(now) {
				require.False(t, in.Released, where("a released inject is due"))
			}
		}
		for _, in := range s.Injects {
			if in.Released {
				releases++
			}
		}
		// Drill time never decreases as now grows, for the folded state.
		prev := time.Duration(-1)
		for d := time.Duration(0); d <= 3*time.Hour; d += 37 * time.Second {
			got := s.Active(t0.Add(d))
			require.GreaterOrEqual(t, got, prev, "sequence %d at +%s", seq, d)
			prev = got
		}
	}
	// The sequences must reach every status, and release injects, for the
	// invariants to have been tried there.
	for _, st := range []Status{StatusWaiting, StatusRunning, StatusPaused, StatusFinished} {
		require.Positive(t, reached[st], "no sequence reached %s", st)
	}
	require.Positive(t, releases)
}

// requireIntervals checks that the pauses are in order, within the drill,
// and that only the last may be open.
func requireIntervals(t *testing.T, s State, where func(string) string) {
	t.Helper()
	prevEnd := s.Started
	for i, p := range s.Pauses {
		require.False(t, p.From.Before(prevEnd), where("pauses overlap"))
		if p.Open() {
			require.Equal(t, len(s.Pauses)-1, i, where("an open pause before the last"))
			require.Equal(t, StatusPaused, s.Status, where("an open pause while not paused"))
			continue
		}
		require.False(t, p.To.Before(p.From), where("a negative pause"))
		prevEnd = p.To
	}
	if !s.Finished.IsZero() {
		require.False(t, s.Finished.Before(prevEnd), where("a pause after the finish"))
	}
}

// requireReleasedOnce checks that the log releases each inject at most
// once and the state says so.
func requireReleasedOnce(t *testing.T, s State, log []Entry, where func(string) string) {
	t.Helper()
	n := map[string]int{}
	for _, e := range log {
		if e.Kind == KindInject {
			n[e.Inject]++
		}
	}
	for _, in := range s.Injects {
		require.LessOrEqual(t, n[in.ID], 1, where("inject "+in.ID+" released twice"))
		require.Equal(t, n[in.ID] == 1, in.Released, where("inject "+in.ID))
	}
}
