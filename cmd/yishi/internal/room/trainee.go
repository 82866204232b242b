package room

import (
	"net/http"
	"slices"
	"time"

	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/roles/cards"
	"github.com/yishi-council/yishi/roles/plan"
)

// traineeView is a trainee's phone: their own card for the round shown
// (the printed card's content, nothing more) and the injects released to
// their role in their group.
type traineeView struct {
	page
	Name  string
	Round int
	// Card is nil when the trainee sits out the round.
	Card    *cards.Card
	Injects []releasedInject
	// Observer marks a trainee whose role watches the group: their phone
	// also logs the group's speaking turns.
	Observer bool
}

type releasedInject struct {
	ID   string
	Text string
	At   time.Time
}

func (r *Room) traineeView(p store.Person) (traineeView, error) {
	pl, s, a := r.snapshot()
	round := r.roundFor(pl, p.ID)
	v := traineeView{page: r.page(s.Title), Name: p.Name, Round: round}
	v.Live = "/frag/me"
	if c, ok := r.cardsOf(pl, s, round)[p.ID]; ok {
		v.Card = &c
	}
	if v.Card == nil {
		return v, nil
	}
	v.Observer = v.Card.Role != nil && v.Card.Role.Function == "observer"
	g, m := memberOf(pl, round, p.ID)
	es, err := r.db.GroupEntries(round, g.Group)
	if err != nil {
		return v, err
	}
	text := map[string]string{}
	for _, in := range a.Injects {
		if slices.Contains(in.To, m.Role) {
			text[in.ID] = in.Text
		}
	}
	for _, e := range es {
		if t, ok := text[e.Inject]; ok && e.Kind == "inject" {
			v.Injects = append(v.Injects, releasedInject{ID: e.Inject, Text: t, At: e.At})
		}
	}
	slices.Reverse(v.Injects) // newest first
	return v, nil
}

func (r *Room) traineePage(w http.ResponseWriter, p store.Person) {
	v, err := r.traineeView(p)
	if err != nil {
		r.fail(w, err)
		return
	}
	r.render(w, http.StatusOK, "trainee", v)
}

func (r *Room) handleTraineeFragment(w http.ResponseWriter, req *http.Request) {
	v, err := r.traineeView(personOf(req))
	if err != nil {
		r.fail(w, err)
		return
	}
	r.render(w, http.StatusOK, "trainee-live", v)
}

// roundFor is the round a trainee's phone shows: the round shown, unless
// their group of another round is still running or paused — a late group
// of the morning keeps its card, and gets its injects, after the trainer
// shows the afternoon.
func (r *Room) roundFor(pl *plan.Plan, id string) int {
	round := r.currentRound()
	for _, rd := range pl.Rounds {
		if rd.Round == round {
			continue
		}
		if g, _ := memberOf(pl, rd.Round, id); g != nil {
			if st, err := r.groupState(rd.Round, g.Group); err == nil && (st.Status == live.StatusRunning || st.Status == live.StatusPaused) {
				return rd.Round
			}
		}
	}
	return round
}

// fail answers a request the room could not serve because of its own
// error, logging it.
func (r *Room) fail(w http.ResponseWriter, err error) {
	r.logError("request", err)
	http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
}
