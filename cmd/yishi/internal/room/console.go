package room

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/roles/plan"
)

// consoleView is the trainer's console for the round shown.
type consoleView struct {
	page
	Round  int
	Rounds []int
	Groups []panel
	// Key makes each form of this rendering its own idempotency key, so a
	// double click acts once.
	Key     string
	Debrief bool
	Outage  *outageView
	// AmendFrom is the first round no group has started, which a change
	// on the day applies from; 0 when every round has started.
	AmendFrom int
	CanAmend  bool
	// Amended is what the last change on the day changed, a line each.
	Amended []string
	Error   string
	Notice  string
}

type outageView struct {
	From, To time.Time
	Length   time.Duration
	Groups   string
}

// panel is one group on the console.
type panel struct {
	// Round is the group's round; Other marks a group of another round
	// than the one shown, still running or paused.
	Round      int
	Other      bool
	Group      int
	Table      string
	Members    string
	Status     live.Status
	Phase      int
	Phases     int
	PhaseTitle string
	LedBy      string
	Elapsed    time.Duration
	Planned    time.Duration
	Active     time.Duration
	Total      time.Duration
	Running    bool
	Light      string
	Injects    []injectRow
	Turns      []turnRow
	Interrupts int
	Summaries  int
	Log        []logRow
}

type injectRow struct {
	ID, Text, To string
	At           time.Duration
	DueAt        time.Time
	DueNow       bool
	Released     bool
	ReleasedAt   time.Time
	Auto         bool
}

type turnRow struct {
	Name     string
	Count    int
	Speaking bool
}

type logRow struct {
	At   time.Time
	Text string
}

func (r *Room) consoleView(errText string) (consoleView, error) {
	p, s, a := r.snapshot()
	now := r.now()
	round := r.currentRound()
	v := consoleView{page: r.page(words.In(r.lang, "console") + " · " + s.Title), Round: round, Key: NewToken(), Error: errText}
	v.Live = "/frag/console"
	for _, rd := range p.Rounds {
		v.Rounds = append(v.Rounds, rd.Round)
	}
	v.Debrief = r.debriefOpen()
	v.CanAmend = r.cfg.Amend != nil
	from, err := r.amendFrom()
	if err != nil {
		return v, err
	}
	v.AmendFrom = from
	if a, err := r.db.Get(settingAmended); err == nil && a != "" {
		v.Amended = strings.Split(a, "\n")
	}
	if o, err := r.pendingOutage(); err != nil {
		return v, err
	} else {
		v.Outage = o
	}
	// The round shown, and any group of another round still running or
	// paused: a slow group of the morning is not lost from sight when the
	// trainer shows the afternoon.
	// The log of each group is read once, and only for groups that have
	// one: the console is fetched again on every tap in the room.
	started, err := r.started()
	if err != nil {
		return v, err
	}
	for _, rd := range p.Rounds {
		for _, g := range rd.Groups {
			var es []live.Entry
			if started[store.GroupRef{Round: rd.Round, Group: g.Group}] {
				if es, err = r.db.GroupEntries(rd.Round, g.Group); err != nil {
					return v, err
				}
			} else if rd.Round != round {
				continue
			}
			st := live.Fold(a, team(rd.Round, &g), es)
			if rd.Round != round && st.Status != live.StatusRunning && st.Status != live.StatusPaused {
				continue
			}
			pn := r.panelOf(rd.Round, g, st, es, now)
			pn.Other = rd.Round != round
			v.Groups = append(v.Groups, pn)
		}
	}
	// The round shown first, others after it.
	slices.SortStableFunc(v.Groups, func(x, y panel) int {
		return cmp.Compare(boolInt(x.Other), boolInt(y.Other))
	})
	return v, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// panelOf is group g of round n on the console, st folded from its log es.
func (r *Room) panelOf(n int, g plan.Group, st live.State, es []live.Entry, now time.Time) panel {
	_, s, a := r.snapshot()
	roleTitle := s.RoleTitle
	pg := r.page("")
	pn := panel{Round: n, Group: g.Group, Table: g.Table, Status: st.Status, Phase: st.Phase, Phases: len(a.Phases),
		Elapsed: st.PhaseElapsed(now), Planned: st.PhasePlanned(), Active: st.Active(now),
		Running: st.Status == live.StatusRunning, Light: string(st.Light(now)),
		Interrupts: st.Interruptions, Summaries: st.Summaries}
	for _, ph := range a.Phases {
		pn.Total += ph.Planned
	}
	if ph, ok := st.CurrentPhase(); ok {
		pn.PhaseTitle, pn.LedBy = ph.Title, roleTitleOr(roleTitle, ph.LedBy)
	}
	// Names with their ids, which the boxes for changes on the day take.
	var names []string
	for _, m := range g.Members {
		if r.lang == "zh" {
			names = append(names, m.Name+" "+m.ID+"（"+roleTitle(m.Role)+"）")
		} else {
			names = append(names, m.Name+" "+m.ID+" ("+roleTitle(m.Role)+")")
		}
		pn.Turns = append(pn.Turns, turnRow{Name: m.Name, Count: st.Turns[m.ID], Speaking: st.Speaker == m.ID})
	}
	pn.Members = pg.Join(names)
	for _, in := range st.Injects {
		row := injectRow{ID: in.ID, Text: in.Text, At: in.At, Released: in.Released, ReleasedAt: in.ReleasedAt, Auto: in.Auto}
		var to []string
		for _, id := range in.To {
			to = append(to, roleTitle(id))
		}
		row.To = pg.Join(to)
		if st.Status != live.StatusWaiting {
			row.DueAt = st.DueAt(in, now)
			row.DueNow = !in.Released && st.Active(now) >= in.At
		}
		pn.Injects = append(pn.Injects, row)
	}
	byID := map[string]string{}
	for _, m := range g.Members {
		byID[m.ID] = m.Name
	}
	for i := len(es) - 1; i >= 0 && len(pn.Log) < 8; i-- {
		pn.Log = append(pn.Log, logRow{At: es[i].At, Text: r.describe(es[i], byID)})
	}
	return pn
}

func roleTitleOr(title func(string) string, id string) string {
	if id == "" {
		return ""
	}
	return title(id)
}

// describe is a log entry as the console's log shows it.
func (r *Room) describe(e live.Entry, names map[string]string) string {
	w := func(k string, args ...any) string { return fmt.Sprintf(words.In(r.lang, k), args...) }
	switch e.Kind {
	case live.KindPhaseStart:
		return w("kind_phase_start", e.Phase)
	case live.KindPhaseEnd:
		return w("kind_phase_end", e.Phase)
	case live.KindPause:
		if e.Text == "outage" {
			return w("kind_pause") + " · " + w("outage_note")
		}
		return w("kind_pause")
	case live.KindResume:
		return w("kind_resume")
	case live.KindInject:
		if e.Auto {
			return w("kind_inject_auto", e.Inject)
		}
		return w("kind_inject", e.Inject)
	case live.KindNote:
		return w("kind_note", e.Text)
	case live.KindTurn:
		return w("kind_turn", names[e.Member])
	case live.KindSilence:
		return w("kind_silence")
	case live.KindInterruption:
		return w("kind_interruption")
	case live.KindSummary:
		return w("kind_summary")
	}
	return string(e.Kind)
}

func (r *Room) consolePage(w http.ResponseWriter, req *http.Request, errText string) {
	v, err := r.consoleView(errText)
	if err != nil {
		r.fail(w, err)
		return
	}
	status := http.StatusOK
	if errText != "" {
		status = http.StatusConflict
	}
	r.render(w, status, "console", v)
}

func (r *Room) handleConsoleFragment(w http.ResponseWriter, req *http.Request) {
	v, err := r.consoleView("")
	if err != nil {
		r.fail(w, err)
		return
	}
	r.render(w, http.StatusOK, "console-live", v)
}

// seenKeys remembers the idempotency keys of the recent changes on the
// day, which are not lines of the log: a second click of the same form
// changes the plan once. (The console's buttons are remembered by the
// log itself, see [Room.record].)
type seenKeys struct {
	mu   sync.Mutex
	keys map[string]time.Time
}

func (k *seenKeys) seen(key string, now time.Time) bool {
	if key == "" {
		return false
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.keys == nil {
		k.keys = map[string]time.Time{}
	}
	if _, ok := k.keys[key]; ok {
		return true
	}
	if len(k.keys) > 4096 {
		for kk, t := range k.keys {
			if now.Sub(t) > time.Hour {
				delete(k.keys, kk)
			}
		}
	}
	k.keys[key] = now
	return false
}

// forget lets key be used again: its command was refused, and the same
// button pressed again once the group's state allows must run.
func (k *seenKeys) forget(key string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	delete(k.keys, key)
}

// handleCommand runs one console button for one group, or for every
// group of the round ("all"), where groups the command does not suit
// (already started, not paused) are passed over.
func (r *Room) handleCommand(w http.ResponseWriter, req *http.Request) {
	kind := live.CommandKind(req.FormValue("action"))
	switch kind {
	case live.CommandStart, live.CommandNext, live.CommandPause, live.CommandResume, live.CommandRelease, live.CommandNote:
	default:
		r.answer(w, req, ErrUnknownAction)
		return
	}
	round, err := strconv.Atoi(req.FormValue("round"))
	if err != nil {
		r.answer(w, req, errNoGroup)
		return
	}
	// The form's key acts once per group: the log remembers it (see
	// record), across a restart too.
	key := req.FormValue("key")
	p, _, _ := r.snapshot()
	rd := roundOf(p, round)
	if rd == nil {
		r.answer(w, req, errNoGroup)
		return
	}
	var groups []store.GroupRef
	all := req.FormValue("group") == "all"
	if all {
		for _, g := range rd.Groups {
			groups = append(groups, store.GroupRef{Round: round, Group: g.Group})
		}
		// "All groups" is every group on the console: a late group of
		// another round is paused with the rest when the fire alarm goes.
		if kind != live.CommandStart && kind != live.CommandRelease {
			for _, other := range p.Rounds {
				if other.Round == round {
					continue
				}
				for _, g := range other.Groups {
					if st, err := r.groupState(other.Round, g.Group); err == nil && (st.Status == live.StatusRunning || st.Status == live.StatusPaused) {
						groups = append(groups, store.GroupRef{Round: other.Round, Group: g.Group})
					}
				}
			}
		}
	} else {
		g, err := strconv.Atoi(req.FormValue("group"))
		if err != nil || groupOf(p, round, g) == nil {
			r.answer(w, req, errNoGroup)
			return
		}
		groups = []store.GroupRef{{Round: round, Group: g}}
	}
	cmd := live.Command{Kind: kind, Inject: req.FormValue("inject"), Text: req.FormValue("text")}
	var firstErr error
	for _, g := range groups {
		k := keyFor(key, g.Group)
		if g.Round != round && k != "" {
			k += "/r" + strconv.Itoa(g.Round)
		}
		err := r.command(g.Round, g.Group, cmd, "trainer", k)
		if err != nil && !all && firstErr == nil {
			firstErr = err
		}
	}
	r.answer(w, req, firstErr)
}

func keyFor(key string, g int) string {
	if key == "" {
		return ""
	}
	return key + "/" + strconv.Itoa(g)
}

// command checks c against group g's state and appends what it records,
// as one step.
func (r *Room) command(round, g int, c live.Command, by, key string) error {
	return r.record(round, g, c, by, key, r.now())
}

// record checks command c, made at at, against group g as it was then,
// and appends what it records, as one step: a turn tapped offline before
// the group finished is kept with its own time when it arrives after. A
// key applied before acts once, also when the command changed nothing (a
// turn by whoever was already speaking) or would now be refused (a second
// click of Start), so that what is sent again is never read differently;
// a key refused before may be sent again.
func (r *Room) record(round, g int, c live.Command, by, key string, at time.Time) error {
	_, _, a := r.snapshot()
	r.logMu.Lock()
	defer r.logMu.Unlock()
	if seen, err := r.db.KeyApplied(key); err != nil || seen {
		return err
	}
	then, err := r.foldGroup(round, g, func(e live.Entry) bool { return !e.At.After(at) })
	if err != nil {
		return err
	}
	out, err := then.Apply(a, c, at, by)
	if err != nil {
		return err
	}
	_, err = r.appendEntries(key, out)
	return err
}

// answer ends a console form: a page's script gets 204 or the error as
// text; a browser without script is sent back to the console, which
// shows the error.
func (r *Room) answer(w http.ResponseWriter, req *http.Request, err error) {
	async := req.Header.Get("X-Yishi-Async") == "1"
	if err == nil {
		if async {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		http.Redirect(w, req, "/", http.StatusSeeOther)
		return
	}
	msg := fmt.Sprintf(words.In(r.lang, "error"), r.errorText(err))
	if async {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusConflict)
		w.Write([]byte(msg))
		return
	}
	r.consolePage(w, req, msg)
}

// handleRound sets the round the room shows.
func (r *Room) handleRound(w http.ResponseWriter, req *http.Request) {
	n, err := strconv.Atoi(req.FormValue("round"))
	p, _, _ := r.snapshot()
	if err != nil || roundOf(p, n) == nil {
		r.answer(w, req, errNoGroup)
		return
	}
	if err := r.db.Set(settingRound, strconv.Itoa(n)); err != nil {
		r.answer(w, req, err)
		return
	}
	r.hub.room("round", false)
	r.answer(w, req, nil)
}

// handleDebrief opens or closes the debrief: while open, reviewers see
// one another's scores.
func (r *Room) handleDebrief(w http.ResponseWriter, req *http.Request) {
	v := "0"
	if req.FormValue("open") == "1" {
		v = "1"
	}
	if err := r.db.Set(settingDebrief, v); err != nil {
		r.answer(w, req, err)
		return
	}
	r.hub.room("debrief", false)
	r.answer(w, req, nil)
}

// amendFrom is the first round in which no group has started.
func (r *Room) amendFrom() (int, error) {
	p, _, _ := r.snapshot()
	started, err := r.started()
	if err != nil {
		return 0, err
	}
	for _, rd := range p.Rounds {
		if !slices.ContainsFunc(rd.Groups, func(g plan.Group) bool { return started[store.GroupRef{Round: rd.Round, Group: g.Group}] }) {
			return rd.Round, nil
		}
	}
	return 0, nil
}

// errAmendNone is a change on the day asked for when every round has
// started.
var errAmendNone = errors.New("every round has started; changes on the day apply to rounds not yet started")

// handleAmend makes a change on the day from the console, by the rules
// of `yishi amend`, from the first round no group has started.
func (r *Room) handleAmend(w http.ResponseWriter, req *http.Request) {
	if r.cfg.Amend == nil {
		http.NotFound(w, req)
		return
	}
	// One change at a time: two run side by side would both start from
	// the same plan, and the second would undo the first.
	r.amendMu.Lock()
	defer r.amendMu.Unlock()
	key := req.FormValue("key")
	if r.keys.seen(key, r.now()) {
		r.answer(w, req, nil)
		return
	}
	err := r.amend(req)
	if err != nil {
		r.keys.forget(key)
	}
	r.answer(w, req, err)
}

// amend makes the change on the day the console's form asks for.
func (r *Room) amend(req *http.Request) error {
	from, err := r.amendFrom()
	if err != nil {
		return err
	}
	if from == 0 {
		return errAmendNone
	}
	c := Change{FromRound: from, Absent: splitIDs(req.FormValue("absent"))}
	if sw := splitIDs(req.FormValue("swap")); len(sw) > 0 {
		if len(sw) != 2 {
			return errors.New("a swap names two trainee ids")
		}
		c.Swaps = [][2]string{{sw[0], sw[1]}}
	}
	if len(c.Absent) == 0 && len(c.Swaps) == 0 {
		return errors.New("name the absent trainees or the two to swap")
	}
	if err := r.checkUnscored(from); err != nil {
		return err
	}
	p, s, _ := r.snapshot()
	np, changed, err := r.cfg.Amend(req.Context(), p, c)
	if err != nil {
		return err
	}
	data, err := plan.Marshal(np)
	if err != nil {
		return err
	}
	// No group may start while the new plan goes in: starts take the
	// same lock, so the round checked is still unstarted when it changes.
	r.logMu.Lock()
	defer r.logMu.Unlock()
	if now, err := r.amendFrom(); err != nil || now != from {
		if err == nil {
			err = fmt.Errorf("a group of round %d started while the change was made; make it again, from the next round", from)
		}
		return err
	}
	if err := r.checkUnscored(from); err != nil {
		return err
	}
	if err := r.db.SetPlan(np.ID(), data); err != nil {
		return err
	}
	// The plan is changed; what it changed is only shown, and its loss
	// must not leave the room running the plan before.
	if err := r.db.Set(settingAmended, strings.Join(changed, "\n")); err != nil {
		r.logError("amend", err)
	}
	r.setPlan(np, s)
	r.hub.room("plan", false)
	return nil
}

// checkUnscored refuses a change from round from on when reviewers have
// scored a group of those rounds: the change would move those scores to
// other trainees.
func (r *Room) checkUnscored(from int) error {
	sheets, err := r.db.Sheets("")
	if err != nil {
		return err
	}
	for _, sh := range sheets {
		if sh.Round >= from {
			return fmt.Errorf("reviewers have scored group %d of round %d already, and a change would give those scores to other trainees; make the change with yishi amend after the round", sh.Group, sh.Round)
		}
	}
	return nil
}

// splitIDs splits a list typed in a form at commas (either width), 、
// and spaces.
func splitIDs(s string) []string {
	return strings.FieldsFunc(s, func(c rune) bool {
		return c == ',' || c == '，' || c == '、' || c == ' ' || c == '\u3000' || c == ';' || c == '；'
	})
}

// outages are the outages the trainer has not yet decided on, oldest
// first: the room may have gone down twice before anyone answered.
func (r *Room) outages() ([]outage, error) {
	v, err := r.db.Get(settingOutage)
	if err != nil || v == "" {
		return nil, err
	}
	var out []outage
	for _, part := range strings.Split(v, ";") {
		var from, to, seq int64
		n, _ := fmt.Sscanf(part, "%d %d %d", &from, &to, &seq)
		if n < 2 || to <= from {
			continue
		}
		if n < 3 {
			seq = math.MaxInt64
		}
		out = append(out, outage{Interval: live.Interval{From: time.UnixMilli(from), To: time.UnixMilli(to)}, seq: seq})
	}
	return out, nil
}

// outage is a time the room was down: from its last heartbeat to its
// restart, and the last log entry written before it.
type outage struct {
	live.Interval
	seq int64
}

// stateBefore is group g of round n as the server left it when it went
// down in outage o: folded from the entries written before.
func (r *Room) stateBefore(n, g int, o outage) (live.State, error) {
	// By Seq, not by time: a tap queued offline during the outage and
	// sent after the restart carries a time inside it, but was not there
	// when the room went down.
	return r.foldGroup(n, g, func(e live.Entry) bool { return e.Seq <= o.seq })
}

// pendingOutage is what the console asks about the outages not yet
// decided on: when, how long, and which groups were running then; nil
// when there is none, or no group was running.
func (r *Room) pendingOutage() (*outageView, error) {
	outs, err := r.outages()
	if err != nil || len(outs) == 0 {
		return nil, err
	}
	o := &outageView{From: outs[0].From, To: outs[len(outs)-1].To}
	seen := map[string]bool{}
	var running []string
	for _, out := range outs {
		names, err := r.runningIn(out)
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			if !seen[n] {
				seen[n] = true
				running = append(running, n)
			}
		}
		o.Length += out.To.Sub(out.From)
	}
	if len(running) == 0 {
		return nil, nil
	}
	o.Groups = r.page("").Join(running)
	return o, nil
}

// OutageAfter is the shortest gap since the last heartbeat (written every
// second) that the room calls an outage on its return: a restart takes
// longer than this, a server that never stopped does not.
const OutageAfter = 2 * time.Second

// NoteOutage records, when the room starts again, that it was down since
// its last heartbeat, for the trainer to decide whether the outage counts
// as a pause of the groups that were running. A gap shorter than
// [OutageAfter] is not asked about. An outage not yet answered is kept:
// a second one is added to it.
func (r *Room) NoteOutage() error {
	last, err := r.db.LastBeat()
	if err != nil || last.IsZero() {
		return err
	}
	now := r.now()
	if now.Sub(last) < OutageAfter {
		return nil
	}
	es, err := r.db.Entries(0)
	if err != nil {
		return err
	}
	var seq int64
	if len(es) > 0 {
		seq = es[len(es)-1].Seq
	}
	// A room stopped while no group ran (a break, the night) is no
	// outage: no clock ran through it.
	o := outage{Interval: live.Interval{From: last, To: now}, seq: seq}
	running, err := r.runningIn(o)
	if err != nil || len(running) == 0 {
		return err
	}
	v, err := r.db.Get(settingOutage)
	if err != nil {
		return err
	}
	if v != "" {
		v += ";"
	}
	return r.db.Set(settingOutage, v+fmt.Sprintf("%d %d %d", last.UnixMilli(), now.UnixMilli(), seq))
}

// runningIn names the groups that were running when the room went down
// in outage o.
func (r *Room) runningIn(o outage) ([]string, error) {
	p, _, _ := r.snapshot()
	started, err := r.started()
	if err != nil {
		return nil, err
	}
	var running []string
	for _, rd := range p.Rounds {
		for _, g := range rd.Groups {
			if !started[store.GroupRef{Round: rd.Round, Group: g.Group}] {
				continue
			}
			st, err := r.stateBefore(rd.Round, g.Group, o)
			if err != nil {
				return nil, err
			}
			if st.Status == live.StatusRunning {
				running = append(running, fmt.Sprintf(words.In(r.lang, "round_n"), rd.Round)+" "+fmt.Sprintf(words.In(r.lang, "group_n"), g.Group))
			}
		}
	}
	return running, nil
}

// handleOutage answers the outage question: "pause" makes each outage a
// pause of every group that was running when it began, wherever it falls
// among what was logged since; "keep" leaves the clocks as they ran.
func (r *Room) handleOutage(w http.ResponseWriter, req *http.Request) {
	outs, err := r.outages()
	if err != nil {
		r.answer(w, req, err)
		return
	}
	if len(outs) > 0 && req.FormValue("choice") == "pause" {
		p, _, _ := r.snapshot()
		r.logMu.Lock()
		for _, rd := range p.Rounds {
			for _, g := range rd.Groups {
				for _, out := range outs {
					st, err := r.stateBefore(rd.Round, g.Group, out)
					if err == nil {
						_, err = r.appendEntries("", live.Outage(st, out.From, out.To))
					}
					if err != nil {
						r.logMu.Unlock()
						r.answer(w, req, err)
						return
					}
				}
			}
		}
		r.logMu.Unlock()
	}
	if err := r.db.Set(settingOutage, ""); err != nil {
		r.answer(w, req, err)
		return
	}
	r.hub.room("outage", true)
	r.answer(w, req, nil)
}

// errorText is err as the console shows it.
func (r *Room) errorText(err error) string {
	if r.cfg.ErrorText != nil {
		return r.cfg.ErrorText(err)
	}
	return err.Error()
}

// logView is the whole drill log of the round shown, group by group.
type logView struct {
	page
	Round  int
	Groups []groupLog
}

type groupLog struct {
	Group   int
	Table   string
	Entries []logEntryRow
}

type logEntryRow struct {
	logRow
	By string
}

// handleLog shows every line of the log of each group of the round shown,
// oldest first, with who made it: the trainer's record of the drill.
func (r *Room) handleLog(w http.ResponseWriter, req *http.Request) {
	p, s, _ := r.snapshot()
	round := r.currentRound()
	if n, err := strconv.Atoi(req.FormValue("round")); err == nil && roundOf(p, n) != nil {
		round = n
	}
	v := logView{page: r.page(words.In(r.lang, "log") + " · " + s.Title), Round: round}
	rd := roundOf(p, round)
	if rd != nil {
		for _, g := range rd.Groups {
			es, err := r.db.GroupEntries(round, g.Group)
			if err != nil {
				r.fail(w, err)
				return
			}
			names := map[string]string{}
			for _, m := range g.Members {
				names[m.ID] = m.Name
			}
			gl := groupLog{Group: g.Group, Table: g.Table}
			// By time, not by when each line was written: an outage
			// counted as a pause is written after what followed it.
			slices.SortStableFunc(es, func(x, y live.Entry) int { return x.At.Compare(y.At) })
			for _, e := range es {
				gl.Entries = append(gl.Entries, logEntryRow{logRow: logRow{At: e.At, Text: r.describe(e, names)}, By: r.byWhom(e.By, names)})
			}
			v.Groups = append(v.Groups, gl)
		}
	}
	r.render(w, http.StatusOK, "log", v)
}

// byWhom names who made a log entry: the trainer, a reviewer, an observing
// trainee or the room itself.
func (r *Room) byWhom(by string, names map[string]string) string {
	kind, id, _ := strings.Cut(by, ":")
	switch kind {
	case kindTrainer:
		return words.In(r.lang, "trainer")
	case kindReviewer:
		return id
	case kindTrainee:
		if n, ok := names[id]; ok {
			return n
		}
		return id
	case live.BySystem:
		return words.In(r.lang, "room")
	}
	return by
}
