package room

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// dbState is everything a request could change in the database, written
// out to compare.
func (tr *testRoom) dbState() string {
	tr.t.Helper()
	es, err := tr.db.Entries(0)
	require.NoError(tr.t, err)
	sheets, err := tr.db.Sheets("")
	require.NoError(tr.t, err)
	ps, err := tr.db.People()
	require.NoError(tr.t, err)
	pl, err := tr.db.Plan()
	require.NoError(tr.t, err)
	settings := map[string]string{}
	for _, k := range []string{settingRound, settingDebrief, settingOutage} {
		settings[k], err = tr.db.Get(k)
		require.NoError(tr.t, err)
	}
	data, err := json.Marshal(map[string]any{"entries": es, "sheets": sheets, "people": ps, "plan": pl.ID + string(pl.PlanYAML), "settings": settings})
	require.NoError(tr.t, err)
	return string(data)
}

// A request from another site that would change the room is refused and
// changes nothing; the same request from the room's own pages works.
func TestCrossOriginRefused(t *testing.T) {
	tr := newTestRoom(t, withAmend)
	trainer := tr.trainer()
	li := tr.person(kindReviewer, "Li")
	observer := tr.observerIn(1)
	trainee := tr.traineeIn(1)
	tr.command(url.Values{"action": {"start"}, "round": {"1"}, "group": {"1"}})

	routes := []struct {
		name string
		p    *store.Person
		path string
		body string
		ct   string
		// changes is whether the same-origin request changes the
		// database.
		changes bool
		ok      int
	}{
		{"command", &trainer, "/console/cmd", "action=note&round=1&group=1&text=hello", "", true, http.StatusNoContent},
		{"round", &trainer, "/console/round", "round=2", "", true, http.StatusNoContent},
		{"debrief", &trainer, "/console/debrief", "open=1", "", true, http.StatusNoContent},
		{"outage", &trainer, "/console/outage", "choice=keep", "", false, http.StatusNoContent},
		{"amend", &trainer, "/console/amend", "absent=" + trainee.ID, "", false, http.StatusNoContent},
		{"people", &trainer, "/console/people", "action=reissue&kind=trainee&id=" + trainee.ID, "", true, http.StatusSeeOther},
		{"scores", &li, "/api/scores", `{"changes":[{"key":"cross-origin-1","round":1,"group":1,"field":"strengths","value":"x"}]}`, "application/json", true, http.StatusOK},
		{"taps", &observer, "/api/log", `{"taps":[{"key":"cross-origin-2","round":1,"group":1,"kind":"turn","member":"` + trainee.ID + `"}]}`, "application/json", true, http.StatusOK},
		{"code", nil, "/code", "code=" + tr.traineeIn(2).Code, "", false, http.StatusSeeOther},
	}
	cross := []struct {
		name   string
		header string
		value  string
	}{
		{"origin", "Origin", "http://evil.example"},
		{"fetch site", "Sec-Fetch-Site", "cross-site"},
	}
	for _, rt := range routes {
		mk := func() *http.Request {
			req := request(rt.p, http.MethodPost, rt.path, strings.NewReader(rt.body))
			ct := rt.ct
			if ct == "" {
				ct = "application/x-www-form-urlencoded"
			}
			req.Header.Set("Content-Type", ct)
			req.Header.Set("X-Yishi-Async", "1")
			return req
		}
		for _, c := range cross {
			t.Run(rt.name+"/"+c.name, func(t *testing.T) {
				before := tr.dbState()
				req := mk()
				req.Header.Set(c.header, c.value)
				resp := tr.do(req)
				assert.Equal(t, http.StatusForbidden, resp.Code)
				assert.Empty(t, resp.Result().Cookies(), "no cookie set from another site")
				assert.Equal(t, before, tr.dbState(), "the database changed")
			})
		}
		t.Run(rt.name+"/same origin", func(t *testing.T) {
			before := tr.dbState()
			req := mk()
			req.Header.Set("Origin", "http://"+req.Host)
			req.Header.Set("Sec-Fetch-Site", "same-origin")
			resp := tr.do(req)
			assert.Equal(t, rt.ok, resp.Code, resp.Body.String())
			if rt.changes {
				assert.NotEqual(t, before, tr.dbState(), "the database did not change")
			}
		})
	}
}

// checkHeaders checks the headers every response carries.
func checkHeaders(t *testing.T, h http.Header) {
	t.Helper()
	csp := h.Get("Content-Security-Policy")
	assert.Contains(t, csp, "script-src 'self'")
	assert.NotContains(t, csp, "unsafe-inline")
	assert.NotContains(t, csp, "unsafe-eval")
	assert.Equal(t, "nosniff", h.Get("X-Content-Type-Options"))
	assert.Equal(t, "no-referrer", h.Get("Referrer-Policy"))
}

// checkHTML parses a page and finds no inline script, no event handler
// attribute and no style attribute, which the policy would block.
func checkHTML(t *testing.T, body string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	require.NoError(t, err)
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.Data == "script" {
				src := false
				for _, a := range n.Attr {
					src = src || a.Key == "src"
				}
				assert.True(t, src, "an inline <script>")
				assert.Nil(t, n.FirstChild, "a <script> with content")
			}
			if n.Data == "style" {
				assert.Fail(t, "a <style> element")
			}
			for _, a := range n.Attr {
				assert.False(t, strings.HasPrefix(a.Key, "on"), "attribute %s on <%s>", a.Key, n.Data)
				assert.NotEqual(t, "style", a.Key, "a style attribute on <%s>", n.Data)
				if a.Key == "href" || a.Key == "src" || a.Key == "action" {
					assert.False(t, strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:"), "a javascript: URL")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

// Every response carries the security headers, pages are not cached, and
// no page holds script or style the policy would have to allow inline.
func TestSecurityHeaders(t *testing.T) {
	tr := newTestRoom(t)
	trainer := tr.trainer()
	li := tr.person(kindReviewer, "Li")
	trainee := tr.traineeIn(1)
	observer := tr.observerIn(1)
	tr.command(url.Values{"action": {"start"}, "round": {"1"}, "group": {"all"}})
	tr.clock.Advance(25 * time.Minute)
	tr.command(url.Values{"action": {"release"}, "round": {"1"}, "group": {"1"}, "inject": {"value-rumour"}})
	require.NoError(t, tr.db.Set(settingOutage, fmt.Sprintf("%d %d", tr.clock.Now().Add(-time.Minute).UnixMilli(), tr.clock.Now().UnixMilli())))

	cases := []struct {
		name   string
		p      *store.Person
		method string
		path   string
		status int
		page   bool
	}{
		{"code page", nil, "GET", "/", 200, true},
		{"console", &trainer, "GET", "/", 200, true},
		{"console fragment", &trainer, "GET", "/frag/console", 200, true},
		{"people", &trainer, "GET", "/console/people", 200, true},
		{"slips", &trainer, "GET", "/console/slips", 200, true},
		{"log", &trainer, "GET", "/console/log", 200, true},
		{"reviewer", &li, "GET", "/", 200, true},
		{"score form", &li, "GET", "/score/1/1", 200, true},
		{"turns", &li, "GET", "/turns/1/1", 200, true},
		{"observer's turns", &observer, "GET", "/turns/1/1", 200, true},
		{"trainee", &trainee, "GET", "/", 200, true},
		{"trainee fragment", &trainee, "GET", "/frag/me", 200, true},
		{"console with an error", &trainer, "POST", "/console/cmd?action=resume&round=1&group=1", 409, true},
		{"bad link", nil, "GET", "/t/not-a-token", 404, true},
		{"static script", nil, "GET", "/static/room.js", 200, false},
		{"static style", nil, "GET", "/static/room.css", 200, false},
		{"no such page", nil, "GET", "/nowhere", 404, false},
		{"no such static file", nil, "GET", "/static/nowhere.js", 404, false},
		{"not allowed", &trainer, "DELETE", "/console/cmd", 405, false},
		{"unauthorised", nil, "GET", "/frag/console", 401, false},
		{"forbidden", &trainee, "GET", "/frag/console", 403, false},
		{"events", &trainee, "GET", "/events", 200, false},
		{"events without a cookie", nil, "GET", "/events", 401, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req := request(c.p, c.method, c.path, nil)
			if c.path == "/events" {
				ctx, cancel := context.WithCancel(req.Context())
				cancel()
				req = req.WithContext(ctx)
			}
			resp := tr.do(req)
			require.Equal(t, c.status, resp.Code, resp.Body.String())
			checkHeaders(t, resp.Header())
			if !strings.HasPrefix(c.path, "/static/") {
				assert.Equal(t, "no-store", resp.Header().Get("Cache-Control"))
			}
			if c.page {
				assert.Equal(t, "text/html; charset=utf-8", resp.Header().Get("Content-Type"))
				checkHTML(t, resp.Body.String())
			}
		})
	}
	t.Run("too many", func(t *testing.T) {
		for range limitFails {
			tr.do(request(nil, "GET", "/t/wrong-token", nil))
		}
		resp := tr.do(request(nil, "GET", "/", nil))
		require.Equal(t, http.StatusTooManyRequests, resp.Code)
		checkHeaders(t, resp.Header())
	})
}

// The request log holds no token and no code, whatever was asked, and a
// link's redirect goes to an address without its token.
func TestTokensNeverLogged(t *testing.T) {
	var buf bytes.Buffer
	tr := newTestRoom(t, func(_ *plan.Plan, _ *scenario.Scenario, cfg *Config) {
		cfg.RequestLog = slog.New(slog.NewTextHandler(&buf, nil))
	})
	trainee := tr.traineeIn(1)
	trainer := tr.trainer()
	secrets := []string{trainee.Token, trainee.Code, trainer.Token, trainer.Code, "Wrong-Token-Guess-123", "QQQQQQ"}

	resp := tr.get(nil, "/t/"+trainee.Token)
	require.Equal(t, http.StatusSeeOther, resp.Code)
	loc, err := url.Parse(resp.Header().Get("Location"))
	require.NoError(t, err)
	assert.Equal(t, "/", loc.Path)
	assert.NotContains(t, resp.Header().Get("Location"), trainee.Token)

	tr.get(&trainee, "/")
	tr.get(&trainer, "/frag/console")
	tr.get(nil, "/t/Wrong-Token-Guess-123")
	tr.get(nil, "/t/"+trainer.Token+"/more")
	tr.get(nil, "/t/"+trainer.Token+"?x=1")
	tr.get(nil, "/?token="+trainer.Token)
	// Paths the router cleans and redirects to /t/TOKEN.
	tr.get(nil, "//t/"+trainee.Token)
	tr.get(nil, "/static/../t/"+trainee.Token)
	tr.get(nil, "/./t/"+trainer.Token)
	req := request(nil, "POST", "/code", strings.NewReader("code="+trainee.Code))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	require.Equal(t, http.StatusSeeOther, tr.do(req).Code)
	req = request(nil, "POST", "/code", strings.NewReader("code=QQQQQQ"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	require.Equal(t, http.StatusUnauthorized, tr.do(req).Code)
	req = request(nil, "POST", "/code?code="+trainer.Code, nil)
	tr.do(req)

	log := buf.String()
	require.Equal(t, 13, strings.Count(log, "msg=request"), log)
	for _, s := range secrets {
		assert.NotContains(t, log, s)
	}
}

// ended is req with its context done, so that an event stream it opens
// ends at once.
func ended(req *http.Request) *http.Request {
	ctx, cancel := context.WithCancel(req.Context())
	cancel()
	return req.WithContext(ctx)
}

// After limitFails wrong tokens or codes from one address, even a right
// one is refused with Retry-After until the window has passed; another
// address is not affected.
func TestRateLimit(t *testing.T) {
	cases := []struct {
		name  string
		wrong func(tr *testRoom) *http.Request
	}{
		{"wrong tokens", func(tr *testRoom) *http.Request { return request(nil, "GET", "/t/"+NewToken(), nil) }},
		{"wrong codes", func(tr *testRoom) *http.Request {
			req := request(nil, "POST", "/code", strings.NewReader("code=QQQQQQ"))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			return req
		}},
		{"wrong cookies", func(tr *testRoom) *http.Request {
			return request(&store.Person{Token: NewToken()}, "GET", "/frag/me", nil)
		}},
		{"wrong cookies on the event stream", func(tr *testRoom) *http.Request {
			return ended(request(&store.Person{Token: NewToken()}, "GET", "/events", nil))
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tr := newTestRoom(t)
			trainee := tr.traineeIn(1)
			from := func(req *http.Request, ip string) *http.Request {
				req.RemoteAddr = ip + ":5000"
				return req
			}
			// A right code is refused from an address that guessed; a
			// right link, whose token cannot be guessed, always opens.
			right := func(ip string) *httptest.ResponseRecorder {
				req := request(nil, "POST", "/code", strings.NewReader("code="+trainee.Code))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				return tr.do(from(req, ip))
			}
			for i := range limitFails {
				resp := tr.do(from(c.wrong(tr), "10.1.1.1"))
				require.NotEqual(t, http.StatusTooManyRequests, resp.Code, "failure %d", i+1)
				tr.clock.Advance(time.Second)
			}
			resp := right("10.1.1.1")
			assert.Equal(t, http.StatusTooManyRequests, resp.Code)
			n, err := strconv.Atoi(resp.Header().Get("Retry-After"))
			require.NoError(t, err)
			assert.Positive(t, n)
			assert.Equal(t, http.StatusSeeOther, tr.do(from(request(nil, "GET", "/t/"+trainee.Token, nil), "10.1.1.1")).Code, "a right link")
			// A phone already signed in behind the same address (one NAT
			// for the venue) is never slowed down.
			assert.Equal(t, http.StatusOK, tr.do(from(request(&trainee, "GET", "/frag/me", nil), "10.1.1.1")).Code)
			assert.Equal(t, http.StatusOK, tr.do(from(ended(request(&trainee, "GET", "/events", nil)), "10.1.1.1")).Code)
			assert.Equal(t, http.StatusTooManyRequests, tr.do(from(request(&store.Person{Token: NewToken()}, "GET", "/frag/me", nil), "10.1.1.1")).Code)

			assert.Equal(t, http.StatusSeeOther, right("10.1.1.2").Code, "another address")

			tr.clock.Advance(time.Duration(n-1) * time.Second)
			assert.Equal(t, http.StatusTooManyRequests, right("10.1.1.1").Code, "a second before Retry-After")
			tr.clock.Advance(time.Second)
			assert.Equal(t, http.StatusSeeOther, right("10.1.1.1").Code, "after Retry-After")
		})
	}
}

// Nothing is served but the embedded assets: no template, no Go source,
// no file of the folder the room runs in, however the path is spelled.
func TestOnlyEmbeddedAssets(t *testing.T) {
	tr := newTestRoom(t)
	for _, path := range []string{
		"/static/../templates/console.html.tmpl",
		"/static/..%2ftemplates/console.html.tmpl",
		"/static/%2e%2e/room.go",
		"/templates/console.html.tmpl",
		"/room.go",
		"/static/../../../../etc/passwd",
		"/static/..%5c..%5croom.go",
		"/drill.db",
	} {
		t.Run(path, func(t *testing.T) {
			resp := tr.do(httptest.NewRequest(http.MethodGet, path, nil))
			body := resp.Body.String()
			assert.NotContains(t, body, "{{define", "a template was served")
			assert.NotContains(t, body, "package room", "Go source was served")
			assert.NotContains(t, body, "root:", "a system file was served")
			assert.NotEqual(t, http.StatusOK, resp.Code, body)
		})
	}
}

// The limiter counts an IPv6 block as one address, holds the whole room to
// limitRoomFails failures a window, and forgets addresses gone quiet.
func TestLimiterBlocks(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	l := newLimiter()
	for i := range limitFails {
		l.fail(fmt.Sprintf("fd00:1:2:3::%x", i+1), now, false)
	}
	assert.True(t, l.blocked("fd00:1:2:3::beef", now), "one /64 is one address")
	assert.False(t, l.blocked("fd00:1:2:4::1", now), "another /64 is not")

	l = newLimiter()
	for i := range limitRoomFails {
		l.fail(fmt.Sprintf("10.2.%d.%d", i/250, i%250), now, true)
	}
	assert.True(t, l.roomBlocked(now), "wrong codes from many addresses together are held to the room's limit")
	assert.False(t, l.blocked("10.9.9.9", now), "an address of its own is not")
	assert.Positive(t, l.retryAfter("10.9.9.9", now, true))
	assert.False(t, l.roomBlocked(now.Add(limitWindow+time.Second)))
	l = newLimiter()
	for i := range limitRoomFails {
		l.fail(fmt.Sprintf("10.4.%d.%d", i/250, i%250), now, false)
	}
	assert.False(t, l.roomBlocked(now), "stale cookies and wrong links do not count towards the room's limit")

	l = newLimiter()
	for i := range 3 * limitSweep {
		l.fail(fmt.Sprintf("10.3.%d.%d", i/250, i%250), now.Add(time.Duration(i)*time.Second), false)
	}
	l.mu.Lock()
	n := len(l.fails)
	l.mu.Unlock()
	assert.LessOrEqual(t, n, limitSweep+int(limitWindow/time.Second)+1, "addresses gone quiet are swept")
}

// The trainer's short code does not open the console.
func TestTrainerCodeRefused(t *testing.T) {
	tr := newTestRoom(t)
	trainer := tr.person(kindTrainer, "trainer")
	require.NotEmpty(t, trainer.Code)
	req := request(nil, "POST", "/code", strings.NewReader("code="+trainer.Code))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	assert.Equal(t, http.StatusUnauthorized, tr.do(req).Code)
	assert.NotContains(t, tr.get(&trainer, "/console/people").Body.String(), trainer.Code)
}
