// Package room is the drill, live: the HTTP server `yishi serve` runs on
// the trainer's laptop. Each person opens a link of their own, and the
// link's token decides what they may see and do: a trainee sees only their
// card and the injects released to their role, a reviewer the forms of
// their groups and their own scores, the trainer the console. Every state
// change is a line in the drill log or a score change in the database
// (package store); pages are rendered on the server from that state and
// told of changes through server-sent events, so a page that reconnects
// catches up from the log, not from memory.
package room

import (
	"context"
	"crypto/sha256"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/roles/cards"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

//go:embed templates/*.html.tmpl
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Change is a change on the day asked for from the console: trainees
// absent and pairs to swap, from round FromRound on.
type Change struct {
	FromRound int
	Absent    []string
	Swaps     [][2]string
}

// Config is what a room is made of.
type Config struct {
	DB       *store.DB
	Plan     *plan.Plan
	Scenario *scenario.Scenario
	// BaseURL is the address phones reach the room at, such as
	// "http://192.168.1.20:8080", for the links on the slips.
	BaseURL string
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Location is the zone clock times are shown in; nil means time.Local.
	Location *time.Location
	// Log receives the room's own errors; nil means none are logged.
	Log *slog.Logger
	// RequestLog receives one line per request, with tokens taken out;
	// nil means no request log.
	RequestLog *slog.Logger
	// ErrorText renders an error for the console, in the room's
	// language; nil means err.Error().
	ErrorText func(error) string
	// Amend makes an amended plan by the rules of `yishi amend`, with
	// what changed, trainee by trainee and round by round, in the room's
	// language; nil means the console offers no changes on the day.
	Amend func(ctx context.Context, p *plan.Plan, c Change) (*plan.Plan, []string, error)
}

// Room serves one drill.
type Room struct {
	cfg  Config
	db   *store.DB
	now  func() time.Time
	loc  *time.Location
	lang string
	tmpl *template.Template
	hub  *hub
	lim  *limiter

	mu     sync.RWMutex
	plan   *plan.Plan
	s      *scenario.Scenario
	agenda live.Agenda
	people []store.Person
	byHash map[[32]byte]int // token digest -> index into people
	byCode map[string]int
	// cardCache holds each round's cards of cardPlan, by trainee id.
	cardMu    sync.Mutex
	cardPlan  *plan.Plan
	cardCache map[int]map[string]cards.Card

	scores scoreWriter

	// logMu makes reading a group's state, checking a command against it
	// and appending the entries one step, so two clicks cannot both start
	// a phase.
	logMu sync.Mutex
	// keys are the recent keys of changes on the day.
	keys seenKeys
	// amendMu lets one change on the day be made at a time.
	amendMu sync.Mutex
	// due remembers which injects were due at the last tick, to tell the
	// console when another one falls due.
	due map[string]bool
}

// New makes a room over an open database that holds the plan's people.
func New(cfg Config) (*Room, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Location == nil {
		cfg.Location = time.Local
	}
	r := &Room{cfg: cfg, db: cfg.DB, now: cfg.Now, loc: cfg.Location, hub: newHub(), lim: newLimiter(), due: map[string]bool{}}
	t, err := parseTemplates(r)
	if err != nil {
		return nil, err
	}
	r.tmpl = t
	r.setPlan(cfg.Plan, cfg.Scenario)
	if err := r.loadPeople(); err != nil {
		return nil, err
	}
	return r, nil
}

// setPlan makes p the plan the room runs.
func (r *Room) setPlan(p *plan.Plan, s *scenario.Scenario) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.plan, r.s, r.agenda, r.lang = p, s, live.AgendaOf(s), s.Language
}

// loadPeople reads the people and their tokens from the database.
func (r *Room) loadPeople() error {
	ps, err := r.db.People()
	if err != nil {
		return err
	}
	byHash := make(map[[32]byte]int, len(ps))
	byCode := make(map[string]int, len(ps))
	for i, p := range ps {
		byHash[sha256.Sum256([]byte(p.Token))] = i
		byCode[normCode(p.Code)] = i
	}
	r.mu.Lock()
	r.people, r.byHash, r.byCode = ps, byHash, byCode
	r.mu.Unlock()
	return nil
}

// snapshot returns the plan, scenario and agenda the room runs now.
func (r *Room) snapshot() (*plan.Plan, *scenario.Scenario, live.Agenda) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.plan, r.s, r.agenda
}

// Handler is the room's HTTP handler: every route, behind the checks
// every response gets (security headers, cross-origin protection, the
// request log).
func (r *Room) Handler() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(staticFS, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /t/{token}", r.handleLink)
	mux.HandleFunc("POST /code", r.handleCode)
	mux.HandleFunc("GET /{$}", r.handleHome)
	mux.HandleFunc("GET /events", r.handleEvents)

	mux.HandleFunc("GET /frag/me", r.as(kindTrainee, r.handleTraineeFragment))
	mux.HandleFunc("GET /frag/console", r.as(kindTrainer, r.handleConsoleFragment))
	mux.HandleFunc("POST /console/cmd", r.as(kindTrainer, r.handleCommand))
	mux.HandleFunc("POST /console/round", r.as(kindTrainer, r.handleRound))
	mux.HandleFunc("POST /console/debrief", r.as(kindTrainer, r.handleDebrief))
	mux.HandleFunc("POST /console/outage", r.as(kindTrainer, r.handleOutage))
	mux.HandleFunc("POST /console/amend", r.as(kindTrainer, r.handleAmend))
	mux.HandleFunc("GET /console/people", r.as(kindTrainer, r.handlePeople))
	mux.HandleFunc("POST /console/people", r.as(kindTrainer, r.handlePeopleChange))
	mux.HandleFunc("GET /console/slips", r.as(kindTrainer, r.handleSlips))
	mux.HandleFunc("GET /console/log", r.as(kindTrainer, r.handleLog))

	mux.HandleFunc("GET /score/{round}/{group}", r.as(kindReviewer, r.handleScoreForm))
	mux.HandleFunc("POST /api/scores", r.as(kindReviewer, r.handleScores))
	mux.HandleFunc("GET /turns/{round}/{group}", r.as(kindReviewer+","+kindTrainee, r.handleTurnsPage))
	mux.HandleFunc("POST /api/log", r.as(kindReviewer+","+kindTrainee, r.handleLogTaps))

	var h http.Handler = mux
	h = http.NewCrossOriginProtection().Handler(h)
	h = secure(h)
	if r.cfg.RequestLog != nil {
		h = logRequests(r.cfg.RequestLog, h)
	}
	return h
}

// Run keeps the room's time: every second it writes the heartbeat (after
// a crash, the outage is counted from the last one), releases the injects
// the scenario marks auto when they fall due, and tells the console when
// an inject falls due. It returns when ctx is done.
func (r *Room) Run(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		r.Tick()
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Tick is one second of [Room.Run].
func (r *Room) Tick() {
	now := r.now()
	if err := r.db.Beat(now); err != nil {
		r.logError("heartbeat", err)
	}
	p, _, a := r.snapshot()
	// While the trainer has not said whether an outage counts as a pause,
	// the clocks may be wrong by its length: nothing is released by
	// itself until then.
	o, err := r.pendingOutage()
	if err != nil {
		r.logError("tick", err)
	}
	hold := o != nil
	started, err := r.started()
	if err != nil {
		r.logError("tick", err)
		return
	}
	changed := false
	// Every round's groups, not only the round shown: a slow group of
	// the morning may still be running when the trainer shows the
	// afternoon's cards.
	for _, rd := range p.Rounds {
		for _, g := range rd.Groups {
			if !started[store.GroupRef{Round: rd.Round, Group: g.Group}] {
				continue // waiting: nothing is due
			}
			r.logMu.Lock()
			st, err := r.groupState(rd.Round, g.Group)
			if err == nil && !hold && (st.Status == live.StatusRunning || st.Status == live.StatusPaused) {
				if es := live.AutoReleases(a, st, now); len(es) > 0 {
					_, err = r.appendEntries("", es)
					if err == nil {
						st, err = r.groupState(rd.Round, g.Group)
					}
				}
			}
			r.logMu.Unlock()
			if err != nil {
				r.logError("tick", err)
				continue
			}
			for _, in := range st.Due(now) {
				k := fmt.Sprintf("%d/%d/%s", rd.Round, g.Group, in.ID)
				if !r.due[k] {
					r.due[k], changed = true, true
				}
			}
		}
	}
	if changed {
		r.hub.room("due", true)
	}
}

func (r *Room) logError(what string, err error) {
	if r.cfg.Log != nil {
		r.cfg.Log.Error(what, "err", err)
	}
}

// Round is the round the room shows now.
func (r *Room) Round() int { return r.currentRound() }

// Close tells every open page's event stream to end, so that a server
// shutting down is not held open by them.
func (r *Room) Close() { r.hub.close() }
