package room

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// BenchmarkScoreSave measures a score save over loopback while 50
// reviewers save at once and 200 trainees' streams are open: each
// operation is one change from each of the 50 phones; p99-ms is the 99th
// percentile of one save's round trip.
func BenchmarkScoreSave(b *testing.B) {
	tr := newTestRoom(b, bigRound)
	reviewers := tr.addReviewers(loadReviewers)
	srv := tr.server()
	for _, p := range tr.loadTrainees() {
		openStream(b, srv, cookieClient(b, srv, p), "")
	}
	dim := tr.s.Rubric.Rubric.Dimensions[0].ID
	var mu sync.Mutex
	var lat []time.Duration
	b.ResetTimer()
	for i := range b.N {
		var wg sync.WaitGroup
		for _, p := range reviewers {
			wg.Go(func() {
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				defer cancel()
				c := scoreChange{Key: fmt.Sprintf("bench-%s-%06d", p.ID, i), Round: 1, Group: p.Groups[0].Group, Field: "evidence:" + dim, Value: fmt.Sprintf("evidence %d", i)}
				start := time.Now()
				_, err := postScores(ctx, srv, p, []scoreChange{c})
				d := time.Since(start)
				if err != nil {
					b.Error(err)
					return
				}
				mu.Lock()
				lat = append(lat, d)
				mu.Unlock()
			})
		}
		wg.Wait()
	}
	b.StopTimer()
	slices.Sort(lat)
	if len(lat) > 0 {
		b.ReportMetric(float64(lat[(len(lat)*99)/100])/float64(time.Millisecond), "p99-ms")
	}
}

// allRoles adds injects bench-1 to bench-1000, due at the start and
// aimed at every role, so that one released to every group reaches every
// trainee.
func allRoles(_ *plan.Plan, s *scenario.Scenario, _ *Config) {
	var to []string
	for _, r := range s.Roles {
		to = append(to, r.ID)
	}
	for i := range 1000 {
		s.Injects = append(s.Injects, scenario.Inject{ID: fmt.Sprintf("bench-%d", i+1), To: to, Text: "A bench inject."})
	}
}

// BenchmarkInjectFanout measures the time from the trainer's release of
// an inject to every group (one request) until the last of 200 open
// trainee streams has received it; ms-to-all-200 is the slowest of the
// operations, MiB-sys the memory the process holds from the system
// afterwards (the room and its 200 clients together).
func BenchmarkInjectFanout(b *testing.B) {
	require.LessOrEqual(b, b.N, 1000)
	tr := newTestRoom(b, bigRound, allRoles)
	srv := tr.server()
	tr.command(url.Values{"action": {"start"}, "round": {"1"}, "group": {"all"}})
	var streams []*stream
	for _, p := range tr.loadTrainees() {
		streams = append(streams, openStream(b, srv, cookieClient(b, srv, p), ""))
	}
	trainer := cookieClient(b, srv, tr.trainer())
	var worst time.Duration
	b.ResetTimer()
	for i := range b.N {
		form := url.Values{"action": {"release"}, "round": {"1"}, "group": {"all"}, "inject": {fmt.Sprintf("bench-%d", i+1)}}
		req, err := http.NewRequest(http.MethodPost, srv.URL+"/console/cmd", strings.NewReader(form.Encode()))
		require.NoError(b, err)
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Yishi-Async", "1")
		start := time.Now()
		resp, err := trainer.Do(req)
		require.NoError(b, err)
		resp.Body.Close()
		require.Equal(b, http.StatusNoContent, resp.StatusCode)
		var last time.Time
		for _, s := range streams {
			for {
				var ev sseEvent
				select {
				case ev = <-s.events:
				case <-s.ctx.Done():
					b.Fatal("a stream received no inject in time")
				}
				if ev.Event == "log" {
					if ev.At.After(last) {
						last = ev.At
					}
					break
				}
			}
		}
		worst = max(worst, last.Sub(start))
	}
	b.StopTimer()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(worst)/float64(time.Millisecond), "ms-to-all-200")
	b.ReportMetric(float64(ms.Sys)/(1<<20), "MiB-sys")
}
