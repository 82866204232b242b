package room

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// sheetOf is reviewer's sheet of group g in round n.
func (tr *testRoom) sheetOf(reviewer string, n, g int) store.Sheet {
	tr.t.Helper()
	sheets, err := tr.db.Sheets(reviewer)
	require.NoError(tr.t, err)
	for _, sh := range sheets {
		if sh.Round == n && sh.Group == g {
			return sh
		}
	}
	tr.t.Fatalf("%s has no sheet of round %d group %d", reviewer, n, g)
	return store.Sheet{}
}

// A batch sent again, as a phone that lost the answer does, is
// acknowledged again and applied once: a later change of the same field
// is not undone by it.
func TestScoresSentTwiceApplyOnce(t *testing.T) {
	tr := newTestRoom(t)
	li := tr.person(kindReviewer, "Li")
	dim := tr.s.Rubric.Rubric.Dimensions[0].ID
	first := []scoreChange{
		{Key: "twice-0001", Round: 1, Group: 1, Field: "score:" + dim, Value: "2"},
		{Key: "twice-0002", Round: 1, Group: 1, Field: "strengths", Value: "first"},
	}
	ans := tr.sendScores(li, first)
	assert.Equal(t, []string{"twice-0001", "twice-0002"}, ans.Applied)
	applied := tr.sheetOf("Li", 1, 1).Updated

	tr.clock.Advance(time.Minute)
	ans = tr.sendScores(li, first)
	assert.Equal(t, []string{"twice-0001", "twice-0002"}, ans.Applied, "acknowledged again")
	assert.Empty(t, ans.Rejected)
	assert.Equal(t, applied, tr.sheetOf("Li", 1, 1).Updated, "applied again")

	ans = tr.sendScores(li, []scoreChange{{Key: "twice-0003", Round: 1, Group: 1, Field: "strengths", Value: "second"}})
	require.Len(t, ans.Applied, 1)
	tr.sendScores(li, first)
	sh := tr.sheetOf("Li", 1, 1)
	assert.Equal(t, "second", sh.Strengths, "an old change sent again undid a later one")
	assert.Equal(t, 2, sh.Scores[dim])
}

// A phone offline for ten minutes sends its 30 queued changes, the first
// ten of which had arrived before the answer was lost: each applies once,
// in order, the last change of a field winning.
func TestOutboxAfterTenMinutesOffline(t *testing.T) {
	tr := newTestRoom(t)
	all := tr.person(kindReviewer, "All")
	dims := tr.s.Rubric.Rubric.Dimensions
	require.GreaterOrEqual(t, len(dims), 2)
	var queue []scoreChange
	want := map[string]string{}
	for i := range 30 {
		var c scoreChange
		switch i % 3 {
		case 0:
			c = scoreChange{Field: "score:" + dims[i%2].ID, Value: fmt.Sprint(1 + i%5)}
		case 1:
			c = scoreChange{Field: "evidence:" + dims[i%2].ID, Value: fmt.Sprintf("evidence %d", i)}
		default:
			c = scoreChange{Field: "improvements", Value: fmt.Sprintf("improvements %d", i)}
		}
		c.Key, c.Round, c.Group = fmt.Sprintf("offline-%04d", i), 1, 3
		queue = append(queue, c)
		want[c.Field] = c.Value
	}
	ans := tr.sendScores(all, queue[:10])
	require.Len(t, ans.Applied, 10)

	tr.clock.Advance(10 * time.Minute)
	ans = tr.sendScores(all, queue)
	var keys []string
	for _, c := range queue {
		keys = append(keys, c.Key)
	}
	assert.Equal(t, keys, ans.Applied)
	assert.Empty(t, ans.Rejected)

	check := func() {
		t.Helper()
		sh := tr.sheetOf("All", 1, 3)
		for field, v := range want {
			name, dim, _ := strings.Cut(field, ":")
			switch name {
			case "score":
				assert.Equal(t, v, fmt.Sprint(sh.Scores[dim]), field)
			case "evidence":
				assert.Equal(t, v, sh.Evidence[dim], field)
			case "improvements":
				assert.Equal(t, v, sh.Improvements, field)
			}
		}
		assert.Equal(t, tr.clock.Now().UTC().Truncate(time.Millisecond), sh.Updated.UTC())
	}
	check()
	// The first ten once more, from a tab left open: nothing changes.
	tr.clock.Advance(time.Minute)
	tr.sendScores(all, queue[:10])
	tr.clock.Advance(-time.Minute)
	check()
}

// A batch with bad changes applies the good ones and rejects each bad
// one by its key.
func TestScoreBatchWithBadChanges(t *testing.T) {
	tr := newTestRoom(t, withErrorText)
	li := tr.person(kindReviewer, "Li")
	dim := tr.s.Rubric.Rubric.Dimensions[0].ID
	ans := tr.sendScores(li, []scoreChange{
		{Key: "good-00001", Round: 1, Group: 1, Field: "score:" + dim, Value: "3"},
		{Key: "bad", Round: 1, Group: 1, Field: "strengths", Value: "a key too short"},
		{Key: "bad-group-1", Round: 1, Group: 2, Field: "strengths", Value: "not Li's group"},
		{Key: "bad-group-2", Round: 9, Group: 1, Field: "strengths", Value: "no such round"},
		{Key: "bad-field-1", Round: 1, Group: 1, Field: "colour", Value: "red"},
		{Key: "bad-field-2", Round: 1, Group: 1, Field: "score:nothing", Value: "3"},
		{Key: "bad-field-3", Round: 1, Group: 1, Field: "strengths:" + dim, Value: "x"},
		{Key: "bad-score-1", Round: 1, Group: 1, Field: "score:" + dim, Value: "9"},
		{Key: "bad-score-2", Round: 1, Group: 1, Field: "score:" + dim, Value: "three"},
		{Key: "bad-text-01", Round: 1, Group: 1, Field: "improvements", Value: strings.Repeat("长", maxText+1)},
		{Key: "good-00002", Round: 1, Group: 1, Field: "improvements", Value: strings.Repeat("长", maxText)},
	})
	assert.Equal(t, []string{"good-00001", "good-00002"}, ans.Applied)
	want := []rejected{
		{"bad", translated(ErrBadKey)},
		{"bad-group-1", translated(ErrNotYourGroup)},
		{"bad-group-2", translated(ErrNotYourGroup)},
		{"bad-field-1", translated(ErrBadField)},
		{"bad-field-2", translated(ErrNoDimension)},
		{"bad-field-3", translated(ErrBadField)},
		{"bad-score-1", translated(ErrOutOfScale)},
		{"bad-score-2", translated(ErrOutOfScale)},
		{"bad-text-01", translated(ErrTextTooLong)},
	}
	assert.Equal(t, want, ans.Rejected)
	sh := tr.sheetOf("Li", 1, 1)
	assert.Equal(t, 3, sh.Scores[dim])
	assert.Equal(t, strings.Repeat("长", maxText), sh.Improvements)
	assert.Empty(t, sh.Strengths)
	sheets, err := tr.db.Sheets("Li")
	require.NoError(t, err)
	assert.Len(t, sheets, 1, "a sheet of another group was written")
}

// withErrorText makes the room's errors come out as translated says, to
// tell that a message went through the room's language.
func withErrorText(_ *plan.Plan, _ *scenario.Scenario, cfg *Config) {
	cfg.ErrorText = func(err error) string { return translated(err) }
}

func translated(err error) string { return "[zh] " + err.Error() }

// An observer's taps outside their group or of no known kind are
// rejected by key, in the room's language; the others are logged once.
func TestTapsRejectedByKey(t *testing.T) {
	tr := newTestRoom(t, withErrorText)
	observer := tr.observerIn(1)
	speaker := tr.traineeIn(1)
	tr.command(url.Values{"action": {"start"}, "round": {"1"}, "group": {"1"}})
	taps := map[string]any{"taps": []map[string]any{
		{"key": "tap-good-01", "round": 1, "group": 1, "kind": "turn", "member": speaker.ID},
		{"key": "tap-other-1", "round": 1, "group": 2, "kind": "turn", "member": speaker.ID},
		{"key": "tap-kind-01", "round": 1, "group": 1, "kind": "applause"},
		{"key": "bad", "round": 1, "group": 1, "kind": "summary"},
		{"key": "tap-nobody1", "round": 1, "group": 1, "kind": "turn", "member": "nobody"},
	}}
	for range 2 {
		w := tr.postJSON(&observer, "/api/log", taps)
		require.Equal(t, http.StatusOK, w.Code)
		var ans batchAnswer
		require.NoError(t, json.Unmarshal(w.Body.Bytes(), &ans))
		assert.Equal(t, []string{"tap-good-01"}, ans.Applied)
		require.Len(t, ans.Rejected, 4)
		assert.Equal(t, rejected{"tap-other-1", translated(ErrNotYourGroup)}, ans.Rejected[0])
		assert.Equal(t, rejected{"tap-kind-01", translated(ErrBadTap)}, ans.Rejected[1])
		assert.Equal(t, rejected{"bad", translated(ErrBadKey)}, ans.Rejected[2])
		assert.Equal(t, "tap-nobody1", ans.Rejected[3].Key)
		assert.True(t, strings.HasPrefix(ans.Rejected[3].Error, "[zh] "), ans.Rejected[3].Error)
	}
	st, err := tr.room.groupState(1, 1)
	require.NoError(t, err)
	assert.Equal(t, 1, st.Turns[speaker.ID], "a tap sent twice is logged once")
}

// TestTapsSentAgain is the observer's lost answer: a double tap on the
// member already speaking, then another member, sent again after the
// answer was lost. Each key acts once, whether or not it changed
// anything, so the second sending reads like the first.
func TestTapsSentAgain(t *testing.T) {
	tr := newTestRoom(t)
	observer := tr.observerIn(1)
	g := tr.plan.Rounds[0].Groups[0].Members
	a, b := g[0].ID, g[1].ID
	tr.command(url.Values{"action": {"start"}, "round": {"1"}, "group": {"1"}})
	send := func(taps ...map[string]any) {
		t.Helper()
		w := tr.postJSON(&observer, "/api/log", map[string]any{"taps": taps})
		require.Equal(t, http.StatusOK, w.Code)
		var ans batchAnswer
		require.NoError(t, json.Unmarshal(w.Body.Bytes(), &ans))
		require.Empty(t, ans.Rejected)
	}
	tap := func(key, member string) map[string]any {
		return map[string]any{"key": key, "round": 1, "group": 1, "kind": "turn", "member": member}
	}
	send(tap("tap-again-1", a))
	send(tap("tap-again-2", a), tap("tap-again-3", b))
	send(tap("tap-again-2", a), tap("tap-again-3", b)) // the answer was lost
	st, err := tr.room.groupState(1, 1)
	require.NoError(t, err)
	assert.Equal(t, 1, st.Turns[a])
	assert.Equal(t, 1, st.Turns[b])
	assert.Equal(t, b, st.Speaker)
}

// TestTapsArriveLate: taps made offline reach the room after the group
// finished; they are kept with their own times. A tap from before the
// start is refused with the reason, not acknowledged and lost.
func TestTapsArriveLate(t *testing.T) {
	tr := newTestRoom(t)
	observer := tr.observerIn(1)
	member := tr.plan.Rounds[0].Groups[0].Members[0].ID
	before := tr.clock.Now()
	tr.command(url.Values{"action": {"start"}, "round": {"1"}, "group": {"1"}})
	tr.clock.Advance(5 * time.Minute)
	tapped := tr.clock.Now()
	tr.clock.Advance(time.Minute)
	for range len(tr.s.Agenda) {
		tr.command(url.Values{"action": {"next"}, "round": {"1"}, "group": {"1"}})
	}
	tr.clock.Advance(10 * time.Minute)
	st, err := tr.room.groupState(1, 1)
	require.NoError(t, err)
	require.Equal(t, live.StatusFinished, st.Status)

	w := tr.postJSON(&observer, "/api/log", map[string]any{"taps": []map[string]any{
		{"key": "late-tap-001", "round": 1, "group": 1, "kind": "turn", "member": member, "at": tapped.UnixMilli()},
		{"key": "early-tap-01", "round": 1, "group": 1, "kind": "summary", "at": before.Add(-time.Minute).UnixMilli()},
	}})
	require.Equal(t, http.StatusOK, w.Code)
	var ans batchAnswer
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &ans))
	assert.Equal(t, []string{"late-tap-001"}, ans.Applied)
	require.Len(t, ans.Rejected, 1)
	assert.Equal(t, "early-tap-01", ans.Rejected[0].Key)
	es, err := tr.db.GroupEntries(1, 1)
	require.NoError(t, err)
	last := es[len(es)-1]
	assert.Equal(t, live.KindTurn, last.Kind)
	assert.True(t, last.At.Equal(tapped), "the tap keeps its time: %v", last.At)
	st, err = tr.room.groupState(1, 1)
	require.NoError(t, err)
	assert.Equal(t, 1, st.Turns[member])
}

// A phone handed from one reviewer to another: the first one's outbox,
// sent with the second one's cookie, is refused as a whole and kept on the
// phone, never stored as the second reviewer's.
func TestOutboxOfAnotherPerson(t *testing.T) {
	tr := newTestRoom(t)
	all := tr.person(kindReviewer, "All")
	w := tr.postJSON(&all, "/api/scores", map[string]any{"changes": []map[string]any{
		{"key": "someone-elses-1", "who": "reviewer:Li", "round": 1, "group": 1, "field": "score:rhythm", "value": "4"},
	}})
	assert.Equal(t, http.StatusConflict, w.Code)
	w = tr.postJSON(&all, "/api/log", map[string]any{"taps": []map[string]any{
		{"key": "someone-elses-2", "who": "reviewer:Li", "round": 1, "group": 1, "kind": "summary"},
	}})
	assert.Equal(t, http.StatusConflict, w.Code)
	sheets, err := tr.db.Sheets("")
	require.NoError(t, err)
	assert.Empty(t, sheets)
	w = tr.postJSON(&all, "/api/scores", map[string]any{"changes": []map[string]any{
		{"key": "my-own-change-1", "who": "reviewer:All", "round": 1, "group": 1, "field": "score:rhythm", "value": "4"},
	}})
	assert.Equal(t, http.StatusOK, w.Code)
}
