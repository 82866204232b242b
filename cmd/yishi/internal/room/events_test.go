package room

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
	"github.com/yishi-council/yishi/roles/plan"
)

// sseEvent is one server-sent event as a page receives it.
type sseEvent struct {
	ID, Event string
	Data      map[string]any
	// At is when the event was read off the connection.
	At time.Time
}

// stream is an open event stream read in the background.
type stream struct {
	events chan sseEvent
	ctx    context.Context
	cancel context.CancelFunc
}

// streamWait bounds how long a test waits for an event; an event that
// does not come fails the test instead of hanging it.
const streamWait = 10 * time.Second

// openStream opens the event stream of c's person, sending lastID as
// Last-Event-ID when it is not empty. It returns once the room has
// answered, when the stream is subscribed.
func openStream(t testing.TB, srv *httptest.Server, c *http.Client, lastID string) *stream {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), streamWait)
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/events", nil)
	require.NoError(t, err)
	if lastID != "" {
		req.Header.Set("Last-Event-ID", lastID)
	}
	resp, err := c.Do(req)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Equal(t, "text/event-stream; charset=utf-8", resp.Header.Get("Content-Type"))
	s := &stream{events: make(chan sseEvent, 1024), ctx: ctx, cancel: cancel}
	go func() {
		defer close(s.events)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.Event != "" {
					ev.At = time.Now()
					s.events <- ev
				}
				ev = sseEvent{}
			case strings.HasPrefix(line, "id: "):
				ev.ID = strings.TrimPrefix(line, "id: ")
			case strings.HasPrefix(line, "event: "):
				ev.Event = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				_ = json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &ev.Data)
			}
		}
	}()
	return s
}

// until reads events up to the room event what, and returns the log
// events before it.
func (s *stream) until(t testing.TB, what string) []sseEvent {
	t.Helper()
	var out []sseEvent
	for {
		select {
		case ev, ok := <-s.events:
			if !ok {
				t.Fatalf("the stream ended before the room event %q", what)
				return out
			}
			if ev.Event == "room" && ev.Data["what"] == what {
				return out
			}
			if ev.Event == "log" {
				out = append(out, ev)
			}
		case <-s.ctx.Done():
			t.Fatalf("no room event %q within %s", what, streamWait)
			return out
		}
	}
}

// mark sends every open stream a room event, after which a stream has
// received all it would of what happened before.
func (tr *testRoom) mark() {
	tr.t.Helper()
	trainer := tr.trainer()
	w := tr.postForm(&trainer, "/console/round", url.Values{"round": {strconv.Itoa(tr.room.currentRound())}})
	require.Equal(tr.t, http.StatusNoContent, w.Code)
}

// injects are the inject entries among events, as "group/inject".
func (tr *testRoom) injects(t testing.TB, evs []sseEvent) []string {
	t.Helper()
	es, err := tr.db.Entries(0)
	require.NoError(t, err)
	bySeq := map[string]string{}
	for _, e := range es {
		bySeq[strconv.FormatInt(e.Seq, 10)] = strconv.Itoa(e.Group) + "/" + e.Inject
	}
	var out []string
	for _, ev := range evs {
		assert.Equal(t, "inject", ev.Data["kind"], "an entry of another kind reached a trainee")
		out = append(out, bySeq[ev.ID])
	}
	return out
}

// memberWithRole is the trainee of group g in round 1 with role.
func (tr *testRoom) memberWithRole(g int, role string) store.Person {
	return tr.person(kindTrainee, tr.memberWhere(g, func(m plan.Member) bool { return m.Role == role }).ID)
}

// A trainee's stream is told of an inject released to their role in
// their group, and of no other; a stream that reconnects with
// Last-Event-ID receives what it missed, filtered the same way.
func TestEventsReachOnlyTheirTrainee(t *testing.T) {
	tr := newTestRoom(t)
	srv := tr.server()
	owner1 := tr.memberWithRole(1, "ground-floor-owner")
	owner2 := tr.memberWithRole(2, "ground-floor-owner")
	host1 := tr.memberWithRole(1, "host")
	li := tr.person(kindReviewer, "Li")
	tr.command(url.Values{"action": {"start"}, "round": {"1"}, "group": {"all"}})
	tr.clock.Advance(50 * time.Minute)

	streams := map[string]*stream{}
	for name, p := range map[string]store.Person{"owner1": owner1, "owner2": owner2, "host1": host1, "reviewer": li} {
		streams[name] = openStream(t, srv, tr.client(srv, p), "")
	}
	trainer := openStream(t, srv, tr.client(srv, tr.trainer()), "")

	tr.command(url.Values{"action": {"release"}, "round": {"1"}, "group": {"1"}, "inject": {"value-rumour"}})
	tr.command(url.Values{"action": {"release"}, "round": {"1"}, "group": {"2"}, "inject": {"deadline-moves"}})
	tr.command(url.Values{"action": {"note"}, "round": {"1"}, "group": {"1"}, "text": {"a note"}})
	tr.mark()
	want := map[string][]string{"owner1": {"1/value-rumour"}, "owner2": nil, "host1": nil, "reviewer": nil}
	for name, s := range streams {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, want[name], tr.injects(t, s.until(t, "round")))
		})
	}
	assert.Len(t, trainer.until(t, "round"), 3, "the console is told of every entry")

	// host1's phone drops off the network; while it is away, an inject
	// for the host and two that are not reach group 1's log.
	es, err := tr.db.Entries(0)
	require.NoError(t, err)
	last := es[len(es)-1].Seq
	streams["host1"].cancel()
	tr.command(url.Values{"action": {"release"}, "round": {"1"}, "group": {"1"}, "inject": {"maintenance-condition"}})
	tr.command(url.Values{"action": {"release"}, "round": {"1"}, "group": {"1"}, "inject": {"deadline-moves"}})
	tr.command(url.Values{"action": {"release"}, "round": {"1"}, "group": {"3"}, "inject": {"deadline-moves"}})
	back := openStream(t, srv, tr.client(srv, host1), strconv.FormatInt(last, 10))
	tr.mark()
	got := back.until(t, "round")
	assert.Equal(t, []string{"1/deadline-moves"}, tr.injects(t, got))
	for _, ev := range got {
		n, err := strconv.ParseInt(ev.ID, 10, 64)
		require.NoError(t, err)
		assert.Greater(t, n, last, "an entry the page had seen")
	}
	t.Run("without Last-Event-ID nothing is sent again", func(t *testing.T) {
		again := openStream(t, srv, tr.client(srv, host1), "")
		tr.mark()
		assert.Empty(t, again.until(t, "round"))
	})
}

// A revoked link's open stream is told nothing more: it ends instead of
// carrying the next inject for its trainee.
func TestRevokedStreamEnds(t *testing.T) {
	tr := newTestRoom(t)
	srv := tr.server()
	owner := tr.memberWithRole(1, "ground-floor-owner")
	trainer := tr.trainer()
	tr.command(url.Values{"action": {"start"}, "round": {"1"}, "group": {"1"}})
	s := openStream(t, srv, tr.client(srv, owner), "")
	w := tr.postForm(&trainer, "/console/people", url.Values{"action": {"revoke"}, "kind": {kindTrainee}, "id": {owner.ID}})
	require.Equal(t, http.StatusSeeOther, w.Code)
	tr.command(url.Values{"action": {"release"}, "round": {"1"}, "group": {"1"}, "inject": {"value-rumour"}})
	for {
		select {
		case ev, ok := <-s.events:
			if !ok {
				return
			}
			assert.NotEqual(t, "log", ev.Event, "a revoked link was told of an entry")
		case <-s.ctx.Done():
			t.Fatal("the revoked link's stream is still open")
		}
	}
}

// One person's streams beyond maxStreams close the oldest: a cookie cannot
// hold the room's memory; another person's streams are not touched.
func TestStreamsPerPerson(t *testing.T) {
	h := newHub()
	all := func(message) bool { return true }
	other := h.subscribe("someone-else", all)
	var mine []*subscriber
	for range maxStreams + 1 {
		mine = append(mine, h.subscribe("one-cookie", all))
	}
	select {
	case <-mine[0].kicked:
	default:
		t.Fatal("the oldest stream was not closed")
	}
	for _, s := range append(mine[1:], other) {
		select {
		case <-s.kicked:
			t.Fatal("a newer stream, or another person's, was closed")
		default:
		}
	}
	assert.Equal(t, maxStreams+1, h.count())
}
