package room

import (
	"sync"

	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
	"github.com/yishi-council/yishi/roles/cards"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// scoreWriter commits the score changes of requests that arrive together
// in one transaction: with fifty reviewers saving at once, each save
// would otherwise wait for the disk's flush of every save before it.
// Nothing is acknowledged before its transaction is on disk.
type scoreWriter struct {
	mu      sync.Mutex
	pending []*scoreJob
	busy    bool
}

type scoreJob struct {
	changes []store.ScoreChange
	done    chan error
}

// applyScores applies one request's changes, in order, in a transaction
// with whatever other requests' changes are waiting, and returns once
// they are stored.
func (r *Room) applyScores(cs []store.ScoreChange) error {
	if len(cs) == 0 {
		return nil
	}
	job := &scoreJob{changes: cs, done: make(chan error, 1)}
	w := &r.scores
	w.mu.Lock()
	w.pending = append(w.pending, job)
	if !w.busy {
		w.busy = true
		go r.writeScores()
	}
	w.mu.Unlock()
	return <-job.done
}

// writeScores commits the waiting jobs until none is left. Should a
// shared transaction fail, each job is tried on its own, so that one
// request's failure is not another's.
func (r *Room) writeScores() {
	w := &r.scores
	for {
		w.mu.Lock()
		jobs := w.pending
		w.pending = nil
		if len(jobs) == 0 {
			w.busy = false
			w.mu.Unlock()
			return
		}
		w.mu.Unlock()
		var all []store.ScoreChange
		for _, j := range jobs {
			all = append(all, j.changes...)
		}
		if _, err := r.db.ApplyScores(all); err == nil || len(jobs) == 1 {
			for _, j := range jobs {
				j.done <- err
			}
			continue
		}
		for _, j := range jobs {
			_, err := r.db.ApplyScores(j.changes)
			j.done <- err
		}
	}
}

// cardsOf returns the cards of round n of plan p, built once per plan and
// round: two hundred phones fetching their card at once after a change
// would otherwise build every card of the round each. p is the plan of
// the caller's snapshot, so a card never comes from another plan than the
// rest of the page.
func (r *Room) cardsOf(p *plan.Plan, s *scenario.Scenario, n int) map[string]cards.Card {
	r.cardMu.Lock()
	defer r.cardMu.Unlock()
	if r.cardPlan != p {
		r.cardPlan, r.cardCache = p, map[int]map[string]cards.Card{}
	}
	if m, ok := r.cardCache[n]; ok {
		return m
	}
	m := map[string]cards.Card{}
	for _, c := range cards.Build(p, s, n) {
		m[c.TraineeID] = c
	}
	r.cardCache[n] = m
	return m
}
