package room

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
	"github.com/yishi-council/yishi/roles/cards"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// withAmend lets the console make changes on the day, with an amendment
// that keeps the plan as it is.
func withAmend(_ *plan.Plan, _ *scenario.Scenario, cfg *Config) {
	cfg.Amend = func(_ context.Context, p *plan.Plan, _ Change) (*plan.Plan, []string, error) { return p, nil, nil }
}

// Every route answers each kind of person as its role allows: the
// console only the trainer, a form only its group's reviewer, the turns
// page a reviewer of the group or the group's observer, a trainee's card
// only a trainee; a revoked link nothing.
func TestAuthorisationMatrix(t *testing.T) {
	tr := newTestRoom(t, withAmend)
	trainee := tr.traineeIn(1)
	other := tr.traineeIn(2)
	observer := tr.observerIn(1)
	withGroup := tr.person(kindReviewer, "Li")
	without := tr.person(kindReviewer, "Wang")
	trainer := tr.trainer()
	revoked := tr.traineeIn(3)
	require.NoError(t, tr.db.Revoke(kindTrainee, revoked.ID))
	require.NoError(t, tr.room.loadPeople())

	who := []struct {
		name string
		p    *store.Person
	}{
		{"no cookie", nil}, {"trainee", &trainee}, {"another trainee", &other}, {"reviewer with the group", &withGroup},
		{"reviewer without the group", &without}, {"observer trainee", &observer}, {"trainer", &trainer}, {"revoked token", &revoked},
	}
	score := `{"changes":[{"key":"matrix-key-1","round":1,"group":1,"field":"strengths","value":"x"}]}`
	tap := `{"taps":[{"key":"matrix-tap-1","round":1,"group":1,"kind":"summary"}]}`
	routes := []struct {
		name   string
		method string
		path   string
		form   url.Values
		json   string
		want   [8]int
	}{
		{name: "home", method: "GET", path: "/", want: [8]int{200, 200, 200, 200, 200, 200, 200, 401}},
		{name: "static", method: "GET", path: "/static/room.js", want: [8]int{200, 200, 200, 200, 200, 200, 200, 200}},
		{name: "events", method: "GET", path: "/events", want: [8]int{401, 200, 200, 200, 200, 200, 200, 401}},
		{name: "trainee fragment", method: "GET", path: "/frag/me", want: [8]int{401, 200, 200, 403, 403, 200, 403, 401}},
		{name: "console fragment", method: "GET", path: "/frag/console", want: [8]int{401, 403, 403, 403, 403, 403, 200, 401}},
		{name: "console command", method: "POST", path: "/console/cmd", form: url.Values{"action": {"note"}, "round": {"1"}, "group": {"1"}, "text": {"n"}},
			want: [8]int{401, 403, 403, 403, 403, 403, 204, 401}},
		{name: "console round", method: "POST", path: "/console/round", form: url.Values{"round": {"1"}}, want: [8]int{401, 403, 403, 403, 403, 403, 204, 401}},
		{name: "console debrief", method: "POST", path: "/console/debrief", form: url.Values{"open": {"0"}}, want: [8]int{401, 403, 403, 403, 403, 403, 204, 401}},
		{name: "console outage", method: "POST", path: "/console/outage", form: url.Values{"choice": {"keep"}}, want: [8]int{401, 403, 403, 403, 403, 403, 204, 401}},
		{name: "console amend", method: "POST", path: "/console/amend", form: url.Values{"absent": {trainee.ID}}, want: [8]int{401, 403, 403, 403, 403, 403, 204, 401}},
		{name: "people page", method: "GET", path: "/console/people", want: [8]int{401, 403, 403, 403, 403, 403, 200, 401}},
		{name: "people change", method: "POST", path: "/console/people", form: url.Values{"action": {"none"}}, want: [8]int{401, 403, 403, 403, 403, 403, 409, 401}},
		{name: "slips", method: "GET", path: "/console/slips", want: [8]int{401, 403, 403, 403, 403, 403, 200, 401}},
		{name: "log", method: "GET", path: "/console/log", want: [8]int{401, 403, 403, 403, 403, 403, 200, 401}},
		{name: "score form", method: "GET", path: "/score/1/1", want: [8]int{401, 403, 403, 200, 404, 403, 403, 401}},
		{name: "score form of no group", method: "GET", path: "/score/1/99", want: [8]int{401, 403, 403, 404, 404, 403, 403, 401}},
		{name: "scores", method: "POST", path: "/api/scores", json: score, want: [8]int{401, 403, 403, 200, 200, 403, 403, 401}},
		{name: "turns page", method: "GET", path: "/turns/1/1", want: [8]int{401, 404, 404, 200, 404, 200, 403, 401}},
		{name: "taps", method: "POST", path: "/api/log", json: tap, want: [8]int{401, 200, 200, 200, 200, 200, 403, 401}},
	}
	for ri, rt := range routes {
		for i, w := range who {
			t.Run(rt.name+"/"+w.name, func(t *testing.T) {
				var req *http.Request
				switch {
				case rt.form != nil:
					req = request(w.p, rt.method, rt.path, strings.NewReader(rt.form.Encode()))
					req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
					req.Header.Set("X-Yishi-Async", "1")
				case rt.json != "":
					req = request(w.p, rt.method, rt.path, strings.NewReader(rt.json))
					req.Header.Set("Content-Type", "application/json")
				default:
					req = request(w.p, rt.method, rt.path, nil)
				}
				// Each its own address, so the revoked link's failures
				// do not slow down the others.
				req.RemoteAddr = fmt.Sprintf("10.0.%d.%d:4000", ri, i)
				if rt.path == "/events" {
					// An event stream that may open ends at once.
					ctx, cancel := context.WithCancel(req.Context())
					cancel()
					req = req.WithContext(ctx)
				}
				resp := tr.do(req)
				assert.Equal(t, rt.want[i], resp.Code, resp.Body.String())
			})
		}
	}
}

// confidentialTexts are the confidential briefs of the scenario's roles,
// by role id, cut into paragraphs as the card shows them.
func (tr *testRoom) confidentialTexts() map[string][]string {
	out := map[string][]string{}
	for _, r := range tr.s.Roles {
		if ps := cards.Paragraphs(r.Confidential); len(ps) > 0 {
			out[r.ID] = ps
		}
	}
	return out
}

// A trainee's page and fragment hold their own role's confidential brief
// and no other role's; nobody else's response holds any.
func TestConfidentialBriefs(t *testing.T) {
	tr := newTestRoom(t)
	conf := tr.confidentialTexts()
	require.NotEmpty(t, conf)
	trainer := tr.trainer()
	for _, round := range []int{1, 2} {
		w := tr.postForm(&trainer, "/console/round", url.Values{"round": {fmt.Sprint(round)}})
		require.Equal(t, http.StatusNoContent, w.Code)
		for _, g := range roundOf(tr.plan, round).Groups {
			for _, m := range g.Members {
				p := tr.person(kindTrainee, m.ID)
				for _, path := range []string{"/", "/frag/me"} {
					t.Run(fmt.Sprintf("round %d/%s/%s", round, m.ID, path), func(t *testing.T) {
						resp := tr.get(&p, path)
						require.Equal(t, http.StatusOK, resp.Code)
						body := html.UnescapeString(resp.Body.String())
						for role, ps := range conf {
							for _, para := range ps {
								if role == m.Role {
									assert.Contains(t, body, para, "their own confidential brief (%s)", role)
								} else {
									assert.NotContains(t, body, para, "the confidential brief of %s", role)
								}
							}
						}
					})
				}
			}
		}
	}
	li, all := tr.person(kindReviewer, "Li"), tr.person(kindReviewer, "All")
	others := []struct {
		name string
		p    store.Person
		path string
	}{
		{"reviewer's groups", li, "/"},
		{"score form", li, "/score/1/1"},
		{"turns page", all, "/turns/2/3"},
		{"observer's turns page", tr.observerIn(1), "/turns/1/1"},
		{"console", trainer, "/"},
		{"console fragment", trainer, "/frag/console"},
		{"people page", trainer, "/console/people"},
		{"slips", trainer, "/console/slips"},
		{"log", trainer, "/console/log"},
	}
	for _, o := range others {
		t.Run(o.name, func(t *testing.T) {
			resp := tr.get(&o.p, o.path)
			require.Equal(t, http.StatusOK, resp.Code)
			body := html.UnescapeString(resp.Body.String())
			for role, ps := range conf {
				for _, para := range ps {
					assert.NotContains(t, body, para, "the confidential brief of %s", role)
				}
			}
		})
	}
}

// A reviewer cannot read or write another group's form, and sees another
// reviewer's scores only once the debrief is open.
func TestReviewerSeesOnlyTheirOwn(t *testing.T) {
	tr := newTestRoom(t)
	li, wang, all := tr.person(kindReviewer, "Li"), tr.person(kindReviewer, "Wang"), tr.person(kindReviewer, "All")
	trainer := tr.trainer()

	ans := tr.sendScores(wang, []scoreChange{
		{Key: "wang-into-1", Round: 1, Group: 1, Field: "strengths", Value: "wang was here"},
		{Key: "wang-own-2", Round: 1, Group: 2, Field: "strengths", Value: "wang in two"},
	})
	assert.Equal(t, []string{"wang-own-2"}, ans.Applied)
	require.Len(t, ans.Rejected, 1)
	assert.Equal(t, "wang-into-1", ans.Rejected[0].Key)
	assert.Equal(t, http.StatusNotFound, tr.get(&wang, "/score/1/1").Code)
	groups := tr.get(&wang, "/").Body.String()
	assert.Contains(t, groups, `href="/score/1/2"`)
	assert.Contains(t, groups, `href="/score/2/2"`)
	assert.NotContains(t, groups, `href="/score/1/1"`, "another reviewer's group on the list")
	assert.Equal(t, 2, strings.Count(groups, `href="/score/`))
	sheets, err := tr.db.Sheets("Wang")
	require.NoError(t, err)
	require.Len(t, sheets, 1)
	assert.Equal(t, 2, sheets[0].Group)

	dim := tr.s.Rubric.Rubric.Dimensions[0].ID
	ans = tr.sendScores(all, []scoreChange{
		{Key: "all-score-1", Round: 1, Group: 1, Field: "score:" + dim, Value: "4"},
		{Key: "all-evidence-1", Round: 1, Group: 1, Field: "evidence:" + dim, Value: "evidence-of-all-only"},
	})
	require.Len(t, ans.Applied, 2)
	ans = tr.sendScores(li, []scoreChange{{Key: "li-evidence-1", Round: 1, Group: 1, Field: "evidence:" + dim, Value: "evidence-of-li"}})
	require.Len(t, ans.Applied, 1)

	form := tr.get(&li, "/score/1/1").Body.String()
	assert.Contains(t, form, "evidence-of-li")
	assert.NotContains(t, form, "evidence-of-all-only")
	assert.NotContains(t, form, "<td>All</td>", "another reviewer's scores before the debrief")

	require.Equal(t, http.StatusNoContent, tr.postForm(&trainer, "/console/debrief", url.Values{"open": {"1"}}).Code)
	form = tr.get(&li, "/score/1/1").Body.String()
	assert.Contains(t, form, "<td>All</td><td>4</td>", "another reviewer's scores in the debrief")
	assert.NotContains(t, form, "evidence-of-all-only")
	assert.NotContains(t, form, "<td>Wang</td>", "a reviewer who scored another group")

	require.Equal(t, http.StatusNoContent, tr.postForm(&trainer, "/console/debrief", url.Values{"open": {"0"}}).Code)
	assert.NotContains(t, tr.get(&li, "/score/1/1").Body.String(), "<td>All</td>")
}
