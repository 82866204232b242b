package room

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

const (
	loadGroups    = 25 // of loadGroupSize trainees: 200 phones
	loadGroupSize = 8
	loadReviewers = 50
)

// bigRound makes round 1 a room of 200 trainees, L001 to L200, in 25
// groups of eight, each group with every role of the scenario.
func bigRound(p *plan.Plan, s *scenario.Scenario, _ *Config) {
	var roleIDs []string
	for _, r := range s.Roles {
		roleIDs = append(roleIDs, r.ID)
	}
	rd := &p.Rounds[0]
	rd.Groups = nil
	n := 0
	for g := 1; g <= loadGroups; g++ {
		grp := plan.Group{Group: g, Table: fmt.Sprintf("T%d", g)}
		for i := range loadGroupSize {
			n++
			grp.Members = append(grp.Members, plan.Member{ID: fmt.Sprintf("L%03d", n), Name: fmt.Sprintf("Load %d", n), Role: roleIDs[i%len(roleIDs)]})
		}
		rd.Groups = append(rd.Groups, grp)
	}
}

// addReviewers gives the room n more reviewers, R01 onwards, reviewer i
// scoring group i of round 1 (counting round the groups).
func (tr *testRoom) addReviewers(n int) []store.Person {
	tr.t.Helper()
	var add []store.Person
	for i := range n {
		add = append(add, store.Person{Kind: kindReviewer, ID: fmt.Sprintf("R%02d", i+1), Name: fmt.Sprintf("Reviewer %d", i+1),
			Groups: []store.GroupRef{{Round: 1, Group: i%loadGroups + 1}}, Token: NewToken(), Code: tr.room.newCode()})
		// Codes must differ from one another as well as from the room's.
		tr.room.mu.Lock()
		tr.room.byCode[add[i].Code] = -1
		tr.room.mu.Unlock()
	}
	require.NoError(tr.t, tr.db.AddPeople(add))
	require.NoError(tr.t, tr.room.loadPeople())
	ps, err := tr.db.People()
	require.NoError(tr.t, err)
	tr.people = ps
	return add
}

// loadTrainees are the 200 trainees of the big round.
func (tr *testRoom) loadTrainees() []store.Person {
	var out []store.Person
	for _, p := range tr.people {
		if p.Kind == kindTrainee && strings.HasPrefix(p.ID, "L") {
			out = append(out, p)
		}
	}
	return out
}

// cookieClient is a browser of p on srv holding p's cookie, without
// opening the link.
func cookieClient(t testing.TB, srv *httptest.Server, p store.Person) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	u, err := url.Parse(srv.URL)
	require.NoError(t, err)
	jar.SetCookies(u, []*http.Cookie{{Name: cookieName, Value: p.Token, Path: "/"}})
	return &http.Client{Transport: srv.Client().Transport, Jar: jar}
}

// postScores sends a batch as reviewer p's phone does and returns the
// keys the room acknowledged.
func postScores(ctx context.Context, srv *httptest.Server, p store.Person, cs []scoreChange) ([]string, error) {
	data, err := json.Marshal(scoreBatch{Changes: cs})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/api/scores", bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.AddCookie(&http.Cookie{Name: cookieName, Value: p.Token})
	resp, err := srv.Client().Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	var ans batchAnswer
	if err := json.NewDecoder(resp.Body).Decode(&ans); err != nil {
		return nil, err
	}
	if len(ans.Rejected) > 0 {
		return nil, fmt.Errorf("rejected %v", ans.Rejected)
	}
	return ans.Applied, nil
}

// reviewerChanges are the 20 changes reviewer i makes to their group's
// form, in four batches of five, and the value each field ends with.
func (tr *testRoom) reviewerChanges(i int, p store.Person) ([][]scoreChange, map[string]string) {
	var fields []string
	for _, d := range tr.s.Rubric.Rubric.Dimensions {
		fields = append(fields, "score:"+d.ID, "evidence:"+d.ID)
	}
	fields = append(fields, "strengths", "improvements")
	final := map[string]string{}
	var batches [][]scoreChange
	for j := range 20 {
		f := fields[(j*7+i)%len(fields)]
		v := fmt.Sprintf("reviewer %d change %d", i, j)
		if strings.HasPrefix(f, "score:") {
			v = fmt.Sprint(1 + (i+j)%5)
		}
		if j%5 == 0 {
			batches = append(batches, nil)
		}
		batches[len(batches)-1] = append(batches[len(batches)-1],
			scoreChange{Key: fmt.Sprintf("%s-change-%02d", p.ID, j), Round: 1, Group: p.Groups[0].Group, Field: f, Value: v})
		final[f] = v
	}
	return batches, final
}

// sheetValues are the fields of a sheet as the changes name them.
func sheetValues(sh store.Sheet) map[string]string {
	out := map[string]string{}
	for d, v := range sh.Scores {
		out["score:"+d] = fmt.Sprint(v)
	}
	for d, v := range sh.Evidence {
		out["evidence:"+d] = v
	}
	if sh.Strengths != "" {
		out["strengths"] = sh.Strengths
	}
	if sh.Improvements != "" {
		out["improvements"] = sh.Improvements
	}
	return out
}

// TestLoad: 50 reviewers' phones each send 20 changes, every batch twice
// at once and the one before again beside it, while 200 trainees' streams
// are open; then an inject is released in every group. Every change
// arrives exactly once, and every trainee the inject is for is told of
// it, nobody else.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("a load test")
	}
	tr := newTestRoom(t, bigRound)
	reviewers := tr.addReviewers(loadReviewers)
	srv := tr.server()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	tr.command(url.Values{"action": {"start"}, "round": {"1"}, "group": {"all"}})
	tr.clock.Advance(time.Hour)

	trainees := tr.loadTrainees()
	require.Len(t, trainees, loadGroups*loadGroupSize)
	streams := make([]*stream, len(trainees))
	for i, p := range trainees {
		streams[i] = openStream(t, srv, cookieClient(t, srv, p), "")
	}

	var wg sync.WaitGroup
	errs := make(chan error, loadReviewers*8)
	finals := make([]map[string]string, len(reviewers))
	for i, p := range reviewers {
		batches, final := tr.reviewerChanges(i, p)
		finals[i] = final
		wg.Go(func() {
			for k, b := range batches {
				var inner sync.WaitGroup
				sends := [][]scoreChange{b, b}
				if k > 0 {
					sends = append(sends, batches[k-1]) // a late retry of the batch before
				}
				for _, s := range sends {
					inner.Go(func() {
						keys, err := postScores(ctx, srv, p, s)
						if err == nil && len(keys) != len(s) {
							err = fmt.Errorf("%d of %d keys acknowledged", len(keys), len(s))
						}
						if err != nil {
							errs <- fmt.Errorf("%s batch %d: %w", p.ID, k+1, err)
						}
					})
				}
				inner.Wait()
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for i, p := range reviewers {
		sheets, err := tr.db.Sheets(p.ID)
		require.NoError(t, err)
		require.Len(t, sheets, 1, p.ID)
		assert.Equal(t, finals[i], sheetValues(sheets[0]), p.ID)
	}

	_, _, a := tr.room.snapshot()
	require.GreaterOrEqual(t, len(a.Injects), 3)
	injectOf := func(g int) live.Inject { return a.Injects[g%3] }
	for g := 1; g <= loadGroups; g++ {
		tr.command(url.Values{"action": {"release"}, "round": {"1"}, "group": {fmt.Sprint(g)}, "inject": {injectOf(g).ID}})
	}
	tr.mark()
	got := 0
	for i, p := range trainees {
		grp, m := memberOf(tr.plan, 1, p.ID)
		var want []string
		if in := injectOf(grp.Group); slices.Contains(in.To, m.Role) {
			want = []string{fmt.Sprintf("%d/%s", grp.Group, in.ID)}
			got++
		}
		assert.Equal(t, want, tr.injects(t, streams[i].until(t, "round")), p.ID)
	}
	assert.Positive(t, got)
	require.NoError(t, ctx.Err(), "the load test ran past its deadline")
}
