package room

import (
	"html"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/roles/cards"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// firstInjectAt10m makes the scenario's first inject fall due ten minutes
// into the drill.
func firstInjectAt10m(_ *plan.Plan, s *scenario.Scenario, _ *Config) {
	s.Injects[0].At = scenario.Duration(10 * time.Minute)
}

// panelOf is group g's panel on the console now.
func (tr *testRoom) panelOf(g int) panel {
	tr.t.Helper()
	v, err := tr.room.consoleView("")
	require.NoError(tr.t, err)
	for _, p := range v.Groups {
		if p.Group == g {
			return p
		}
	}
	tr.t.Fatalf("no panel of group %d", g)
	return panel{}
}

// Start, pause and resume from the console keep the pause out of drill
// time: an inject planned at 10 minutes falls due ten minutes of drill
// after the start, the pause later by the wall clock.
func TestConsolePauseShiftsInjects(t *testing.T) {
	tr := newTestRoom(t, firstInjectAt10m)
	trainer := tr.trainer()
	start := tr.clock.Now()
	inject := tr.s.Injects[0].ID
	cmd := func(action string) {
		t.Helper()
		tr.command(url.Values{"action": {action}, "round": {"1"}, "group": {"1"}})
	}
	due := func() injectRow {
		t.Helper()
		for _, in := range tr.panelOf(1).Injects {
			if in.ID == inject {
				return in
			}
		}
		t.Fatalf("no inject %s on the console", inject)
		return injectRow{}
	}
	steps := []struct {
		name    string
		do      func()
		status  live.Status
		active  time.Duration
		dueNow  bool
		dueAt   time.Duration // after start
		shownAs string        // the inject's class on the console's page
	}{
		{"started", func() { cmd("start") }, live.StatusRunning, 0, false, 10 * time.Minute, `<li class="">`},
		{"four minutes in", func() { tr.clock.Advance(4 * time.Minute) }, live.StatusRunning, 4 * time.Minute, false, 10 * time.Minute, `<li class="">`},
		{"paused", func() { cmd("pause") }, live.StatusPaused, 4 * time.Minute, false, 10 * time.Minute, `<li class="">`},
		{"three minutes paused", func() { tr.clock.Advance(3 * time.Minute) }, live.StatusPaused, 4 * time.Minute, false, 13 * time.Minute, `<li class="">`},
		{"resumed", func() { cmd("resume") }, live.StatusRunning, 4 * time.Minute, false, 13 * time.Minute, `<li class="">`},
		{"a second before due", func() { tr.clock.Advance(6*time.Minute - time.Second) }, live.StatusRunning, 10*time.Minute - time.Second, false, 13 * time.Minute, `<li class="">`},
		{"due", func() { tr.clock.Advance(time.Second) }, live.StatusRunning, 10 * time.Minute, true, 13 * time.Minute, `<li class="due">`},
		{"released", func() {
			tr.command(url.Values{"action": {"release"}, "round": {"1"}, "group": {"1"}, "inject": {inject}})
		}, live.StatusRunning, 10 * time.Minute, false, 13 * time.Minute, `<li class="done">`},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			st.do()
			p := tr.panelOf(1)
			assert.Equal(t, st.status, p.Status)
			assert.Equal(t, st.active, p.Active)
			in := due()
			assert.Equal(t, st.dueNow, in.DueNow)
			assert.Equal(t, start.Add(st.dueAt), in.DueAt)
			resp := tr.get(&trainer, "/frag/console")
			require.Equal(t, http.StatusOK, resp.Code)
			assert.Contains(t, resp.Body.String(), st.shownAs)
		})
	}
}

// After a restart, the trainer decides whether the outage counts as a
// pause: "pause" keeps it out of every running group's drill time,
// "keep" leaves the clocks as they ran.
func TestOutageChoice(t *testing.T) {
	cases := []struct {
		name   string
		choice string
		active time.Duration
		pauses int
	}{
		{"pause", "pause", 2 * time.Minute, 1},
		{"keep", "keep", 12 * time.Minute, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tr := newTestRoom(t)
			trainer := tr.trainer()
			tr.command(url.Values{"action": {"start"}, "round": {"1"}, "group": {"1"}})
			tr.clock.Advance(2 * time.Minute)
			tr.room.Tick() // the last heartbeat before the server died
			tr.clock.Advance(10 * time.Minute)
			require.NoError(t, tr.room.NoteOutage())

			v, err := tr.room.consoleView("")
			require.NoError(t, err)
			require.NotNil(t, v.Outage, "the console asks about the outage")
			assert.Equal(t, 10*time.Minute, v.Outage.Length)
			assert.Contains(t, tr.get(&trainer, "/").Body.String(), "choice")

			w := tr.postForm(&trainer, "/console/outage", url.Values{"choice": {c.choice}})
			require.Equal(t, http.StatusNoContent, w.Code, w.Body.String())
			p := tr.panelOf(1)
			assert.Equal(t, c.active, p.Active)
			assert.Equal(t, live.StatusRunning, p.Status)
			assert.Equal(t, time.Duration(0), tr.panelOf(2).Active, "a group that had not started")
			st, err := tr.room.groupState(1, 1)
			require.NoError(t, err)
			assert.Len(t, st.Pauses, c.pauses)
			v, err = tr.room.consoleView("")
			require.NoError(t, err)
			assert.Nil(t, v.Outage, "the question is answered")

			// Answering twice, as a second click would, changes nothing.
			w = tr.postForm(&trainer, "/console/outage", url.Values{"choice": {"pause"}})
			require.Equal(t, http.StatusNoContent, w.Code)
			assert.Equal(t, c.active, tr.panelOf(1).Active)
		})
	}
}

// TestOutageAnsweredLate: the trainer answers after the room has gone on —
// a note typed, an automatic inject that the clock without the outage has
// not reached yet, a second outage — and the pause still lands where each
// outage was.
func TestOutageAnsweredLate(t *testing.T) {
	tr := newTestRoom(t, func(p *plan.Plan, s *scenario.Scenario, cfg *Config) {
		s.Injects[0].At = scenario.Duration(10 * time.Minute)
		s.Injects[0].Release = scenario.ReleaseAuto
	})
	trainer := tr.trainer()
	tr.command(url.Values{"action": {"start"}, "round": {"1"}, "group": {"1"}})
	tr.clock.Advance(2 * time.Minute)
	tr.room.Tick()
	tr.clock.Advance(10 * time.Minute) // down for 10 minutes
	require.NoError(t, tr.room.NoteOutage())
	tr.room.Tick() // the room is back: nothing is released by itself while the question is open
	tr.clock.Advance(30 * time.Second)
	tr.command(url.Values{"action": {"note"}, "round": {"1"}, "group": {"1"}, "text": {"the laptop is back"}})
	tr.room.Tick()
	tr.clock.Advance(5 * time.Minute) // down again, unanswered
	require.NoError(t, tr.room.NoteOutage())
	v, err := tr.room.consoleView("")
	require.NoError(t, err)
	require.NotNil(t, v.Outage)
	assert.Equal(t, 15*time.Minute, v.Outage.Length, "both outages are asked about")

	w := tr.postForm(&trainer, "/console/outage", url.Values{"choice": {"pause"}})
	require.Equal(t, http.StatusNoContent, w.Code, w.Body.String())
	assert.Equal(t, 2*time.Minute+30*time.Second, tr.panelOf(1).Active, "2 minutes before the first outage, 30 seconds between them")
	st, err := tr.room.groupState(1, 1)
	require.NoError(t, err)
	assert.Len(t, st.Pauses, 2)
	assert.True(t, st.Injects[0].Auto)
	assert.False(t, st.Injects[0].Released, "the automatic inject at 10m waits: the drill is 2½ minutes in")
	tr.clock.Advance(8 * time.Minute)
	tr.room.Tick()
	st, err = tr.room.groupState(1, 1)
	require.NoError(t, err)
	assert.True(t, st.Injects[0].ReleasedAuto, "released by itself once the question is answered and it is due")
}

// A console button whose command was refused may be pressed again from
// the same page: its key is not taken as done, so the command runs once
// it can; a second press of a button that worked is not an error and
// does nothing more.
func TestConsoleKeyOfRefusedCommand(t *testing.T) {
	tr := newTestRoom(t)
	trainer := tr.trainer()
	post := func(action, key string) int {
		t.Helper()
		return tr.postForm(&trainer, "/console/cmd", url.Values{"action": {action}, "round": {"1"}, "group": {"1"}, "key": {key}}).Code
	}
	assert.Equal(t, http.StatusConflict, post("pause", "page-key-1"), "pausing a group not started")
	assert.Equal(t, http.StatusNoContent, post("start", "page-key-2"))
	assert.Equal(t, http.StatusNoContent, post("pause", "page-key-1"))
	assert.Equal(t, live.StatusPaused, tr.panelOf(1).Status, "the pause pressed again did not run")

	assert.Equal(t, http.StatusNoContent, post("resume", "page-key-3"))
	assert.Equal(t, http.StatusNoContent, post("pause", "page-key-1"), "a press of a button that worked")
	assert.Equal(t, live.StatusRunning, tr.panelOf(1).Status)
	st, err := tr.room.groupState(1, 1)
	require.NoError(t, err)
	assert.Len(t, st.Pauses, 1)
}

// The server killed in the middle of a drill and served again from its
// database: no acknowledged write is lost, the clock resumes with the
// outage as a pause when the trainer says so, and a phone that
// reconnects with Last-Event-ID catches up on what it missed.
func TestRestartAfterKill(t *testing.T) {
	before := newTestRoom(t)
	srv := before.server()
	owner := before.memberWithRole(1, "ground-floor-owner")
	li := before.person(kindReviewer, "Li")
	dim := before.s.Rubric.Rubric.Dimensions[0].ID
	before.command(url.Values{"action": {"start"}, "round": {"1"}, "group": {"1"}})
	phone := openStream(t, srv, before.client(srv, owner), "")
	before.mark()
	require.Empty(t, phone.until(t, "round"))
	es, err := before.db.Entries(0)
	require.NoError(t, err)
	seen := es[len(es)-1].Seq

	before.clock.Advance(2 * time.Minute)
	ans := before.sendScores(li, []scoreChange{{Key: "before-kill-1", Round: 1, Group: 1, Field: "score:" + dim, Value: "5"}})
	require.Equal(t, []string{"before-kill-1"}, ans.Applied)
	before.command(url.Values{"action": {"note"}, "round": {"1"}, "group": {"1"}, "text": {"just before"}})
	before.room.Tick()
	// The inject is released as the server dies: the phone's stream is
	// cut before it is told.
	srv.CloseClientConnections()
	before.command(url.Values{"action": {"release"}, "round": {"1"}, "group": {"1"}, "inject": {"value-rumour"}})

	before.clock.Advance(5 * time.Minute)
	after := before.restart()
	require.NoError(t, after.room.NoteOutage())
	trainer := after.trainer()
	require.Equal(t, http.StatusNoContent, after.postForm(&trainer, "/console/outage", url.Values{"choice": {"pause"}}).Code)

	assert.Equal(t, 5, after.sheetOf("Li", 1, 1).Scores[dim], "an acknowledged score")
	p := after.panelOf(1)
	assert.Equal(t, 2*time.Minute, p.Active, "the outage is a pause")
	assert.Equal(t, live.StatusRunning, p.Status)
	after.clock.Advance(time.Minute)
	assert.Equal(t, 3*time.Minute, after.panelOf(1).Active, "the clock runs again")

	srv2 := after.server()
	back := openStream(t, srv2, after.client(srv2, owner), strconv.FormatInt(seen, 10))
	after.mark()
	assert.Equal(t, []string{"1/value-rumour"}, after.injects(t, back.until(t, "round")))
	card := after.get(&owner, "/frag/me").Body.String()
	assert.Contains(t, html.UnescapeString(card), cards.Paragraphs(after.s.Injects[0].Text)[0], "the card shows the inject")
}

// A group of round 1 still running when the trainer shows round 2 stays
// on the console, after round 2's groups, with its round named, and its
// buttons act on round 1.
func TestConsoleKeepsRunningGroupsOfOtherRounds(t *testing.T) {
	tr := newTestRoom(t)
	trainer := tr.trainer()
	tr.command(url.Values{"action": {"start"}, "round": {"1"}, "group": {"2"}})
	w := tr.postForm(&trainer, "/console/round", url.Values{"round": {"2"}})
	require.Equal(t, http.StatusNoContent, w.Code)
	v, err := tr.room.consoleView("")
	require.NoError(t, err)
	require.Len(t, v.Groups, len(tr.plan.Rounds[1].Groups)+1)
	last := v.Groups[len(v.Groups)-1]
	assert.Equal(t, 1, last.Round)
	assert.Equal(t, 2, last.Group)
	assert.True(t, last.Other)
	for _, pn := range v.Groups[:len(v.Groups)-1] {
		assert.Equal(t, 2, pn.Round)
	}
	page := tr.get(&trainer, "/frag/console").Body.String()
	assert.Contains(t, page, "Round 1 · Group 2")

	// Its trainees keep their round-1 card, and get its injects.
	var late plan.Member
	for _, m := range tr.plan.Rounds[0].Groups[1].Members {
		if slices.Contains(tr.s.Injects[0].To, m.Role) {
			late = m
		}
	}
	require.NotEmpty(t, late.ID)
	phone := tr.person(kindTrainee, late.ID)
	tr.command(url.Values{"action": {"release"}, "round": {"1"}, "group": {"2"}, "inject": {tr.s.Injects[0].ID}})
	v2, err := tr.room.traineeView(phone)
	require.NoError(t, err)
	assert.Equal(t, 1, v2.Round)
	require.Len(t, v2.Injects, 1)

	// "Pause all" with round 2 shown pauses the late group too.
	tr.command(url.Values{"action": {"pause"}, "round": {"2"}, "group": {"all"}})
	st, err := tr.room.groupState(1, 2)
	require.NoError(t, err)
	assert.Equal(t, live.StatusPaused, st.Status)
}

// A room stopped while no group ran asks nothing on its return, and its
// automatic injects are released as before.
func TestRestartWithNothingRunning(t *testing.T) {
	tr := newTestRoom(t, func(p *plan.Plan, s *scenario.Scenario, cfg *Config) {
		s.Injects[0].At = scenario.Duration(time.Minute)
		s.Injects[0].Release = scenario.ReleaseAuto
	})
	tr.room.Tick()
	tr.clock.Advance(time.Hour) // the lunch break, the server stopped
	require.NoError(t, tr.room.NoteOutage())
	v, err := tr.room.consoleView("")
	require.NoError(t, err)
	assert.Nil(t, v.Outage)
	tr.command(url.Values{"action": {"start"}, "round": {"1"}, "group": {"1"}})
	tr.clock.Advance(2 * time.Minute)
	tr.room.Tick()
	st, err := tr.room.groupState(1, 1)
	require.NoError(t, err)
	assert.True(t, st.Injects[0].ReleasedAuto, "released by itself: nothing holds it")
}

// Taps queued offline during the outage, sent after the restart with
// times inside it, do not shrink the pause that covers the outage.
func TestOutageWithOfflineTaps(t *testing.T) {
	tr := newTestRoom(t)
	trainer := tr.trainer()
	observer := tr.observerIn(1)
	member := tr.plan.Rounds[0].Groups[0].Members[0].ID
	tr.command(url.Values{"action": {"start"}, "round": {"1"}, "group": {"1"}})
	tr.clock.Advance(2 * time.Minute)
	tr.room.Tick()
	down := tr.clock.Now()
	tr.clock.Advance(10 * time.Minute)
	require.NoError(t, tr.room.NoteOutage())
	w := tr.postJSON(&observer, "/api/log", map[string]any{"taps": []map[string]any{
		{"key": "tap-in-outage", "round": 1, "group": 1, "kind": "turn", "member": member, "at": down.Add(9 * time.Minute).UnixMilli()},
	}})
	require.Equal(t, http.StatusOK, w.Code)
	w = tr.postForm(&trainer, "/console/outage", url.Values{"choice": {"pause"}})
	require.Equal(t, http.StatusNoContent, w.Code)
	assert.Equal(t, 2*time.Minute, tr.panelOf(1).Active, "the whole outage is paused")
}
