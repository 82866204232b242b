package room

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// fakeClock is the room's clock in tests: it moves only when told.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// testRoom is a room over the bundled demo: the default scenario, the
// sample roster assigned to five groups in two rounds, a trainer and
// three reviewers (Li scores group 1 of each round, Wang group 2, All
// every group), all in a database in a temporary folder.
type testRoom struct {
	t      testing.TB
	room   *Room
	db     *store.DB
	plan   *plan.Plan
	s      *scenario.Scenario
	clock  *fakeClock
	h      http.Handler
	people []store.Person
	// path is the database's file, cfg what the room was made with.
	path string
	cfg  Config
}

// roomOption changes the demo's plan or scenario before the room is made.
type roomOption func(p *plan.Plan, s *scenario.Scenario, cfg *Config)

func newTestRoom(t testing.TB, opts ...roomOption) *testRoom {
	t.Helper()
	s, diags, err := scenarios.Load(scenarios.DefaultScenario)
	require.NoError(t, err)
	require.NoError(t, diags.Err())
	data, err := fs.ReadFile(scenarios.FS(), scenarios.SampleRoster)
	require.NoError(t, err)
	rst, rdiags := roster.Parse(scenarios.SampleRoster, data, s, roster.Options{})
	require.NoError(t, rdiags.Err())
	p, err := roles.Assign(context.Background(), s, rst, roles.AssignOptions{Groups: 5, Rounds: 2, Seed: 1, ScenarioSource: "bundled"})
	require.NoError(t, err)
	// The demo's groups are too small for an observer: the recorder of
	// group 1 in round 1 watches instead, so that the room has one.
	for i, m := range p.Rounds[0].Groups[0].Members {
		if m.Role == "recorder" {
			p.Rounds[0].Groups[0].Members[i].Role = "observer"
		}
	}

	clock := &fakeClock{t: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)}
	cfg := Config{Plan: p, Scenario: s, BaseURL: "http://room.test", Now: clock.Now, Location: time.UTC}
	for _, o := range opts {
		o(p, s, &cfg)
	}
	path := filepath.Join(t.TempDir(), "drill.db")
	db, err := store.Open(path)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	planData, err := plan.Marshal(p)
	require.NoError(t, err)
	require.NoError(t, db.Init(store.Plan{ID: p.ID(), Path: "plan.yaml", PlanYAML: planData, Created: clock.Now()}))

	codes := map[string]bool{}
	code := func() string {
		for {
			c := NewCode()
			if !codes[c] {
				codes[c] = true
				return c
			}
		}
	}
	add := []store.Person{
		{Kind: kindTrainer, ID: "trainer", Name: "Trainer"},
		{Kind: kindReviewer, ID: "Li", Name: "Li", Groups: []store.GroupRef{{Round: 1, Group: 1}, {Round: 2, Group: 1}}},
		{Kind: kindReviewer, ID: "Wang", Name: "Wang", Groups: []store.GroupRef{{Round: 1, Group: 2}, {Round: 2, Group: 2}}},
		{Kind: kindReviewer, ID: "All", Name: "All"},
	}
	seen := map[string]bool{}
	for _, rd := range p.Rounds {
		for _, g := range rd.Groups {
			for _, m := range g.Members {
				if !seen[m.ID] {
					seen[m.ID] = true
					add = append(add, store.Person{Kind: kindTrainee, ID: m.ID, Name: m.Name})
				}
			}
		}
	}
	for i := range add {
		add[i].Token, add[i].Code = NewToken(), code()
	}
	require.NoError(t, db.AddPeople(add))
	cfg.DB = db
	rm, err := New(cfg)
	require.NoError(t, err)
	t.Cleanup(rm.Close)
	ps, err := db.People()
	require.NoError(t, err)
	return &testRoom{t: t, room: rm, db: db, plan: p, s: s, clock: clock, h: rm.Handler(), people: ps, path: path, cfg: cfg}
}

// restart is the room served again from its database after the server
// was killed: a new connection to the same file and a new room over it,
// the old one left as it was, never closed.
func (tr *testRoom) restart() *testRoom {
	tr.t.Helper()
	db, err := store.Open(tr.path)
	require.NoError(tr.t, err)
	tr.t.Cleanup(func() { db.Close() })
	cfg := tr.cfg
	cfg.DB = db
	rm, err := New(cfg)
	require.NoError(tr.t, err)
	tr.t.Cleanup(rm.Close)
	out := *tr
	out.room, out.db, out.h = rm, db, rm.Handler()
	return &out
}

// person is the person of kind and id.
func (tr *testRoom) person(kind, id string) store.Person {
	tr.t.Helper()
	for _, p := range tr.people {
		if p.Kind == kind && p.ID == id {
			return p
		}
	}
	tr.t.Fatalf("no %s %s in the room", kind, id)
	return store.Person{}
}

// trainer is the trainer.
func (tr *testRoom) trainer() store.Person { return tr.person(kindTrainer, "trainer") }

// memberWhere is the first member of group g of round 1 for whom ok holds.
func (tr *testRoom) memberWhere(g int, ok func(m plan.Member) bool) plan.Member {
	tr.t.Helper()
	grp := groupOf(tr.plan, 1, g)
	require.NotNil(tr.t, grp)
	for _, m := range grp.Members {
		if ok(m) {
			return m
		}
	}
	tr.t.Fatalf("group %d has no such member", g)
	return plan.Member{}
}

// isObserver reports whether role id watches the group.
func (tr *testRoom) isObserver(role string) bool {
	r, ok := tr.s.Role(role)
	return ok && r.Function == scenario.FunctionObserver
}

// traineeIn is a trainee of group g in round 1 who is not an observer.
func (tr *testRoom) traineeIn(g int) store.Person {
	m := tr.memberWhere(g, func(m plan.Member) bool { return !tr.isObserver(m.Role) })
	return tr.person(kindTrainee, m.ID)
}

// observerIn is the trainee who plays an observer in group g of round 1.
func (tr *testRoom) observerIn(g int) store.Person {
	m := tr.memberWhere(g, func(m plan.Member) bool { return tr.isObserver(m.Role) })
	return tr.person(kindTrainee, m.ID)
}

// request makes a request as person p (nil: without a cookie).
func request(p *store.Person, method, target string, body io.Reader) *http.Request {
	req := httptest.NewRequest(method, target, body)
	if p != nil {
		req.AddCookie(&http.Cookie{Name: cookieName, Value: p.Token})
	}
	return req
}

// do serves req and returns the response.
func (tr *testRoom) do(req *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	tr.h.ServeHTTP(w, req)
	return w
}

// get fetches target as p.
func (tr *testRoom) get(p *store.Person, target string) *httptest.ResponseRecorder {
	return tr.do(request(p, http.MethodGet, target, nil))
}

// postForm posts a form to target as p, as the page's script does.
func (tr *testRoom) postForm(p *store.Person, target string, form url.Values) *httptest.ResponseRecorder {
	req := request(p, http.MethodPost, target, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Yishi-Async", "1")
	return tr.do(req)
}

// postJSON posts v as JSON to target as p.
func (tr *testRoom) postJSON(p *store.Person, target string, v any) *httptest.ResponseRecorder {
	data, err := json.Marshal(v)
	require.NoError(tr.t, err)
	req := request(p, http.MethodPost, target, bytes.NewReader(data))
	req.Header.Set("Content-Type", "application/json")
	return tr.do(req)
}

// command runs a console button for the trainer and requires it worked.
func (tr *testRoom) command(form url.Values) {
	tr.t.Helper()
	trainer := tr.trainer()
	w := tr.postForm(&trainer, "/console/cmd", form)
	require.Equal(tr.t, http.StatusNoContent, w.Code, w.Body.String())
}

// scoreChange is one change as a reviewer's outbox sends it.
type scoreChange = scoreChangeJSON

type scoreBatch struct {
	Changes []scoreChange `json:"changes"`
}

// sendScores posts a batch of score changes as reviewer p.
func (tr *testRoom) sendScores(p store.Person, cs []scoreChange) batchAnswer {
	tr.t.Helper()
	w := tr.postJSON(&p, "/api/scores", scoreBatch{Changes: cs})
	require.Equal(tr.t, http.StatusOK, w.Code, w.Body.String())
	var ans batchAnswer
	require.NoError(tr.t, json.Unmarshal(w.Body.Bytes(), &ans))
	return ans
}

// server serves the room on loopback.
func (tr *testRoom) server() *httptest.Server {
	srv := httptest.NewServer(tr.h)
	tr.t.Cleanup(srv.Close)
	tr.t.Cleanup(tr.room.Close) // ends the event streams before the server waits for them
	return srv
}

// client is a browser of person p on srv: it opened p's link, so its
// cookie jar holds p's cookie.
func (tr *testRoom) client(srv *httptest.Server, p store.Person) *http.Client {
	tr.t.Helper()
	jar, err := cookiejar.New(nil)
	require.NoError(tr.t, err)
	c := srv.Client()
	c = &http.Client{Transport: c.Transport, Jar: jar}
	resp, err := c.Get(srv.URL + "/t/" + p.Token)
	require.NoError(tr.t, err)
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	require.Equal(tr.t, http.StatusOK, resp.StatusCode)
	require.Equal(tr.t, "/", resp.Request.URL.Path)
	return c
}
