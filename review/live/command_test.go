package live

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The states a command meets, each reached through commands from t0.
var (
	waiting  []step
	running  = []step{{0, cmd(CommandStart)}}
	second   = []step{{0, cmd(CommandStart)}, {5 * minute, cmd(CommandNext)}}
	last     = []step{{0, cmd(CommandStart)}, {5 * minute, cmd(CommandNext)}, {20 * minute, cmd(CommandNext)}, {25 * minute, cmd(CommandNext)}}
	paused   = []step{{0, cmd(CommandStart)}, {10 * minute, cmd(CommandPause)}}
	finished = append(append([]step{}, last...), step{28 * minute, cmd(CommandNext)})
	speaking = []step{{0, cmd(CommandStart)}, {minute, Command{Kind: CommandTurn, Member: "t2"}}}
	released = []step{{0, cmd(CommandStart)}, {11 * minute, Command{Kind: CommandRelease, Inject: "rain"}}}
)

func TestApply(t *testing.T) {
	now := at(30 * minute)
	// e is an entry as Apply makes it at now.
	e := func(k Kind) Entry { return Entry{At: now, Round: 1, Group: 2, Kind: k, By: "trainer"} }
	with := func(en Entry, f func(*Entry)) Entry { f(&en); return en }
	phase := func(k Kind, n int) Entry { return with(e(k), func(en *Entry) { en.Phase = n }) }
	chinese := strings.Repeat("议", MaxNote)
	tests := []struct {
		name    string
		setup   []step
		agenda  *Agenda
		c       Command
		want    []Entry
		wantErr error
	}{
		{name: "start a waiting group", setup: waiting, c: cmd(CommandStart), want: []Entry{phase(KindPhaseStart, 1)}},
		{name: "start a running group", setup: running, c: cmd(CommandStart), wantErr: ErrRunning},
		{name: "start a paused group", setup: paused, c: cmd(CommandStart), wantErr: ErrPaused},
		{name: "start a finished group", setup: finished, c: cmd(CommandStart), wantErr: ErrFinished},
		{name: "start without phases", setup: waiting, agenda: &Agenda{}, c: cmd(CommandStart), wantErr: ErrNoPhases},

		{name: "next from the first phase", setup: running, c: cmd(CommandNext), want: []Entry{phase(KindPhaseEnd, 1), phase(KindPhaseStart, 2)}},
		{name: "next from the second phase", setup: second, c: cmd(CommandNext), want: []Entry{phase(KindPhaseEnd, 2), phase(KindPhaseStart, 3)}},
		{name: "next from the last phase finishes", setup: last, c: cmd(CommandNext), want: []Entry{phase(KindPhaseEnd, 4)}},
		{name: "next while paused", setup: paused, c: cmd(CommandNext), wantErr: ErrPaused},
		{name: "next while waiting", setup: waiting, c: cmd(CommandNext), wantErr: ErrNotStarted},
		{name: "next after the finish", setup: finished, c: cmd(CommandNext), wantErr: ErrFinished},

		{name: "pause a running group", setup: running, c: cmd(CommandPause), want: []Entry{e(KindPause)}},
		{name: "pause a paused group", setup: paused, c: cmd(CommandPause), wantErr: ErrPaused},
		{name: "pause a waiting group", setup: waiting, c: cmd(CommandPause), wantErr: ErrNotStarted},
		{name: "pause a finished group", setup: finished, c: cmd(CommandPause), wantErr: ErrFinished},

		{name: "resume a paused group", setup: paused, c: cmd(CommandResume), want: []Entry{e(KindResume)}},
		{name: "resume a running group", setup: running, c: cmd(CommandResume), wantErr: ErrNotPaused},
		{name: "resume a waiting group", setup: waiting, c: cmd(CommandResume), wantErr: ErrNotStarted},
		{name: "resume a finished group", setup: finished, c: cmd(CommandResume), wantErr: ErrFinished},

		{name: "release while running", setup: running, c: Command{Kind: CommandRelease, Inject: "rain"}, want: []Entry{with(e(KindInject), func(en *Entry) { en.Inject = "rain" })}},
		{name: "release before it is due", setup: running, c: Command{Kind: CommandRelease, Inject: "late"}, want: []Entry{with(e(KindInject), func(en *Entry) { en.Inject = "late" })}},
		{name: "release while paused", setup: paused, c: Command{Kind: CommandRelease, Inject: "inject-2"}, want: []Entry{with(e(KindInject), func(en *Entry) { en.Inject = "inject-2" })}},
		{name: "release after the finish", setup: finished, c: Command{Kind: CommandRelease, Inject: "rain"}, want: []Entry{with(e(KindInject), func(en *Entry) { en.Inject = "rain" })}},
		{name: "release before the start", setup: waiting, c: Command{Kind: CommandRelease, Inject: "rain"}, wantErr: ErrNotStarted},
		{name: "release an unknown inject", setup: running, c: Command{Kind: CommandRelease, Inject: "snow"}, wantErr: ErrUnknownInject},
		{name: "release no inject", setup: running, c: Command{Kind: CommandRelease}, wantErr: ErrUnknownInject},
		{name: "release twice", setup: released, c: Command{Kind: CommandRelease, Inject: "rain"}, wantErr: ErrReleased},
		{name: "release another after one", setup: released, c: Command{Kind: CommandRelease, Inject: "late"}, want: []Entry{with(e(KindInject), func(en *Entry) { en.Inject = "late" })}},

		{name: "note, trimmed", setup: running, c: Command{Kind: CommandNote, Text: "\t group 2 is stuck \n"}, want: []Entry{with(e(KindNote), func(en *Entry) { en.Text = "group 2 is stuck" })}},
		{name: "note before the start", setup: waiting, c: Command{Kind: CommandNote, Text: "late"}, want: []Entry{with(e(KindNote), func(en *Entry) { en.Text = "late" })}},
		{name: "note after the finish", setup: finished, c: Command{Kind: CommandNote, Text: "done"}, want: []Entry{with(e(KindNote), func(en *Entry) { en.Text = "done" })}},
		{name: "note of 2000 characters", setup: running, c: Command{Kind: CommandNote, Text: chinese}, want: []Entry{with(e(KindNote), func(en *Entry) { en.Text = chinese })}},
		{name: "note of 2001 characters", setup: running, c: Command{Kind: CommandNote, Text: chinese + "x"}, wantErr: ErrTooLong},
		{name: "empty note", setup: running, c: Command{Kind: CommandNote}, wantErr: ErrEmptyNote},
		{name: "blank note", setup: running, c: Command{Kind: CommandNote, Text: " \n\t "}, wantErr: ErrEmptyNote},

		{name: "turn while running", setup: running, c: Command{Kind: CommandTurn, Member: "t1"}, want: []Entry{with(e(KindTurn), func(en *Entry) { en.Member = "t1" })}},
		{name: "turn while paused", setup: paused, c: Command{Kind: CommandTurn, Member: "t1"}, want: []Entry{with(e(KindTurn), func(en *Entry) { en.Member = "t1" })}},
		{name: "turn passes to another", setup: speaking, c: Command{Kind: CommandTurn, Member: "t3"}, want: []Entry{with(e(KindTurn), func(en *Entry) { en.Member = "t3" })}},
		{name: "turn by the speaker changes nothing", setup: speaking, c: Command{Kind: CommandTurn, Member: "t2"}},
		{name: "turn before the start", setup: waiting, c: Command{Kind: CommandTurn, Member: "t1"}, wantErr: ErrNotStarted},
		{name: "turn after the finish", setup: finished, c: Command{Kind: CommandTurn, Member: "t1"}, wantErr: ErrFinished},
		{name: "turn by a stranger", setup: running, c: Command{Kind: CommandTurn, Member: "t9"}, wantErr: ErrNotMember},
		{name: "turn by nobody", setup: running, c: Command{Kind: CommandTurn}, wantErr: ErrNotMember},

		{name: "silence ends a turn", setup: speaking, c: cmd(CommandSilence), want: []Entry{e(KindSilence)}},
		{name: "silence when nobody speaks", setup: running, c: cmd(CommandSilence)},
		{name: "silence before the start", setup: waiting, c: cmd(CommandSilence)},

		{name: "interruption by a member", setup: running, c: Command{Kind: CommandInterruption, Member: "t3"}, want: []Entry{with(e(KindInterruption), func(en *Entry) { en.Member = "t3" })}},
		{name: "interruption by someone", setup: paused, c: cmd(CommandInterruption), want: []Entry{e(KindInterruption)}},
		{name: "interruption by a stranger", setup: running, c: Command{Kind: CommandInterruption, Member: "t9"}, wantErr: ErrNotMember},
		{name: "interruption before the start", setup: waiting, c: cmd(CommandInterruption), wantErr: ErrNotStarted},
		{name: "interruption after the finish", setup: finished, c: cmd(CommandInterruption), wantErr: ErrFinished},

		{name: "summary by the host", setup: speaking, c: Command{Kind: CommandSummary, Member: "t1"}, want: []Entry{with(e(KindSummary), func(en *Entry) { en.Member = "t1" })}},
		{name: "summary by someone", setup: running, c: cmd(CommandSummary), want: []Entry{e(KindSummary)}},
		{name: "summary by a stranger", setup: running, c: Command{Kind: CommandSummary, Member: "t9"}, wantErr: ErrNotMember},
		{name: "summary before the start", setup: waiting, c: cmd(CommandSummary), wantErr: ErrNotStarted},

		{name: "unknown command", setup: running, c: cmd("dance"), wantErr: ErrUnknownKind},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := fixtureAgenda()
			if tt.agenda != nil {
				a = *tt.agenda
			}
			s, _ := drive(t, a, fixtureTeam(), tt.setup...)
			got, err := s.Apply(a, tt.c, now, "trainer")
			if tt.wantErr != nil {
				require.Error(t, err)
				assert.True(t, errors.Is(err, tt.wantErr), "%v is not %v", err, tt.wantErr)
				assert.Contains(t, err.Error(), "round 1, group 2: ")
				assert.Nil(t, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestApplyFolds checks that what Apply returns moves the state as the
// command means.
func TestApplyFolds(t *testing.T) {
	tests := []struct {
		name   string
		setup  []step
		c      Command
		status Status
		phase  int
	}{
		{name: "start", setup: waiting, c: cmd(CommandStart), status: StatusRunning, phase: 1},
		{name: "next", setup: second, c: cmd(CommandNext), status: StatusRunning, phase: 3},
		{name: "finish", setup: last, c: cmd(CommandNext), status: StatusFinished, phase: 4},
		{name: "pause", setup: running, c: cmd(CommandPause), status: StatusPaused, phase: 1},
		{name: "resume", setup: paused, c: cmd(CommandResume), status: StatusRunning, phase: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, team := fixtureAgenda(), fixtureTeam()
			s, log := drive(t, a, team, slices.Concat(tt.setup, []step{{30 * time.Minute, tt.c}})...)
			assert.Equal(t, tt.status, s.Status)
			assert.Equal(t, tt.phase, s.Phase)
			assert.Equal(t, at(30*time.Minute), log[len(log)-1].At)
		})
	}
}

func TestErrorsSayWhatToDo(t *testing.T) {
	s, _ := drive(t, fixtureAgenda(), fixtureTeam(), paused...)
	_, err := s.Apply(fixtureAgenda(), cmd(CommandNext), at(time.Hour), "trainer")
	require.Error(t, err)
	assert.Equal(t, "round 1, group 2: the group is paused: resume it first", err.Error())
	_, err = s.Apply(fixtureAgenda(), Command{Kind: CommandRelease, Inject: "snow"}, at(time.Hour), "trainer")
	require.Error(t, err)
	assert.Equal(t, `round 1, group 2: inject "snow": the scenario has no such inject: pick one of its injects`, err.Error())
}
