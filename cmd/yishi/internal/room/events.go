package room

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
	"github.com/yishi-council/yishi/review/live"
)

// message is one server-sent event: a log entry, or a change to the room
// itself (the round shown, the plan, the people, the debrief, an inject
// falling due) that tells a page to fetch its state again.
type message struct {
	entry *live.Entry
	room  string
	// trainerOnly marks a room change only the console needs.
	trainerOnly bool
}

// subscriber is one open event stream.
type subscriber struct {
	ch     chan message
	wants  func(message) bool
	lagged bool // a message was dropped: the page must fetch its state again
	// owner is the token of the person whose page it is; kicked is closed
	// when the person has opened too many streams and this is the oldest.
	owner  string
	opened int64
	kicked chan struct{}
}

// maxStreams is the most event streams one person may hold open: a phone
// and a laptop, each with a few tabs. The oldest is closed beyond that,
// so one cookie cannot hold the room's memory.
const maxStreams = 8

// hub fans messages out to the open event streams. A slow phone never
// holds up the others: when its buffer is full, it is told to catch up
// instead.
type hub struct {
	mu   sync.Mutex
	subs map[*subscriber]struct{}
	done chan struct{}
	once sync.Once
	next int64
}

func newHub() *hub { return &hub{subs: map[*subscriber]struct{}{}, done: make(chan struct{})} }

func (h *hub) subscribe(owner string, wants func(message) bool) *subscriber {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.next++
	s := &subscriber{ch: make(chan message, 64), wants: wants, owner: owner, opened: h.next, kicked: make(chan struct{})}
	h.subs[s] = struct{}{}
	var oldest *subscriber
	n := 0
	for o := range h.subs {
		if o.owner != owner {
			continue
		}
		n++
		if oldest == nil || o.opened < oldest.opened {
			oldest = o
		}
	}
	if n > maxStreams {
		delete(h.subs, oldest)
		close(oldest.kicked)
	}
	return s
}
func (h *hub) unsubscribe(s *subscriber) {
	h.mu.Lock()
	delete(h.subs, s)
	h.mu.Unlock()
}

func (h *hub) send(m message) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for s := range h.subs {
		if !s.wants(m) {
			continue
		}
		select {
		case s.ch <- m:
		default:
			s.lagged = true
		}
	}
}

// entries tells the streams of new log entries.
func (h *hub) entries(es []live.Entry) {
	for i := range es {
		h.send(message{entry: &es[i]})
	}
}

// room tells the streams that the room changed.
func (h *hub) room(what string, trainerOnly bool) {
	h.send(message{room: what, trainerOnly: trainerOnly})
}

func (h *hub) close() { h.once.Do(func() { close(h.done) }) }

func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

// wants is what a person's page is told of: the console everything; a
// trainee the injects released to their role in their group of the round
// shown, and changes to the room; a reviewer changes to the room.
func (r *Room) wants(p store.Person) func(message) bool {
	return func(m message) bool {
		if m.entry == nil {
			return !m.trainerOnly || p.Kind == kindTrainer
		}
		switch p.Kind {
		case kindTrainer:
			return true
		case kindTrainee:
			return m.entry.Kind == live.KindInject && r.injectFor(p.ID, *m.entry)
		}
		return false
	}
}

// handleEvents is the event stream of a page. The browser's EventSource
// reconnects by itself and sends the id of the last event it saw; the
// entries after it are sent again, and the page fetches its state again on
// every (re)connection, so it never depends on what it was sent while
// away.
//
// Like every other route, it slows down an address that sends wrong
// tokens: else a stream's cookie would be a way to guess them at speed.
func (r *Room) handleEvents(w http.ResponseWriter, req *http.Request) {
	p, ok := r.session(req)
	if !ok {
		if !r.unknown(w, req) {
			http.Error(w, words.In(r.lang, "revoked"), http.StatusUnauthorized)
		}
		return
	}
	rc := http.NewResponseController(w)
	hd := w.Header()
	hd.Set("Content-Type", "text/event-stream; charset=utf-8")
	hd.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)

	wants := r.wants(p)
	sub := r.hub.subscribe(p.Token, wants)
	defer r.hub.unsubscribe(sub)

	fmt.Fprint(w, "retry: 2000\n\n")
	if last, err := strconv.ParseInt(req.Header.Get("Last-Event-ID"), 10, 64); err == nil && last >= 0 {
		missed, err := r.db.Entries(last)
		if err != nil {
			return
		}
		for i := range missed {
			if m := (message{entry: &missed[i]}); wants(m) {
				writeEvent(w, m)
			}
		}
	}
	if rc.Flush() != nil {
		return
	}
	keepAlive := time.NewTicker(20 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-req.Context().Done():
			return
		case <-r.hub.done:
			return
		case <-sub.kicked:
			return
		case <-keepAlive.C:
			if !r.stillValid(req) {
				return
			}
			fmt.Fprint(w, ": keep-alive\n\n")
		case m := <-sub.ch:
			// A link revoked or given anew while its page is open ends
			// the stream: the lost phone is told nothing more.
			if !r.stillValid(req) {
				return
			}
			writeEvent(w, m)
			r.hub.mu.Lock()
			lagged := sub.lagged
			sub.lagged = false
			r.hub.mu.Unlock()
			if lagged {
				writeEvent(w, message{room: "catch-up"})
			}
		}
		if rc.Flush() != nil {
			return
		}
	}
}

// writeEvent writes one event: a log entry with its sequence number as
// the event's id, or a room change. The data is JSON, with no user text a
// page would have to escape: pages fetch what they show from the server.
func writeEvent(w http.ResponseWriter, m message) {
	if m.entry != nil {
		data, _ := json.Marshal(map[string]any{"seq": m.entry.Seq, "kind": m.entry.Kind, "round": m.entry.Round, "group": m.entry.Group})
		fmt.Fprintf(w, "id: %d\nevent: log\ndata: %s\n\n", m.entry.Seq, data)
		return
	}
	data, _ := json.Marshal(map[string]string{"what": m.room})
	fmt.Fprintf(w, "event: room\ndata: %s\n\n", data)
}

// stillValid reports whether the request's cookie still opens the room.
func (r *Room) stillValid(req *http.Request) bool {
	_, ok := r.session(req)
	return ok
}
