package room

import (
	"sync"

	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
	"github.com/yishi-council/yishi/roles/cards"
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

// cardsOf returns the cards of round n of the plan the room runs, built
// once per plan and round: two hundred phones fetching their card at once
// after a change would otherwise build every card of the round each.
func (r *Room) cardsOf(n int) map[string]cards.Card {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cardCache == nil {
		r.cardCache = map[int]map[string]cards.Card{}
	}
	if m, ok := r.cardCache[n]; ok {
		return m
	}
	m := map[string]cards.Card{}
	for _, c := range cards.Build(r.plan, r.s, n) {
		m[c.TraineeID] = c
	}
	r.cardCache[n] = m
	return m
}
