package room

import (
	"encoding/json"
	"errors"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/scenario"
)

// reviewerView lists a reviewer's groups, the round shown first.
type reviewerView struct {
	page
	Name   string
	Rounds []reviewerRound
}

type reviewerRound struct {
	Round   int
	Current bool
	Groups  []reviewerGroup
}

type reviewerGroup struct {
	Round, Group int
	Table        string
	Members      string
	Scored       int // dimensions scored so far
	Dimensions   int
}

func (r *Room) reviewerPage(w http.ResponseWriter, p store.Person) {
	pl, s, _ := r.snapshot()
	cur := r.currentRound()
	v := reviewerView{page: r.page(s.Title), Name: p.Name}
	sheets, err := r.db.Sheets(p.ID)
	if err != nil {
		r.fail(w, err)
		return
	}
	scored := map[store.GroupRef]int{}
	for _, sh := range sheets {
		scored[store.GroupRef{Round: sh.Round, Group: sh.Group}] = len(sh.Scores)
	}
	for _, rd := range pl.Rounds {
		vr := reviewerRound{Round: rd.Round, Current: rd.Round == cur}
		for _, g := range rd.Groups {
			if !reviews(p.Groups, rd.Round, g.Group) {
				continue
			}
			var names []string
			for _, m := range g.Members {
				names = append(names, m.Name)
			}
			vr.Groups = append(vr.Groups, reviewerGroup{Round: rd.Round, Group: g.Group, Table: g.Table,
				Members: v.Join(names), Scored: scored[store.GroupRef{Round: rd.Round, Group: g.Group}], Dimensions: len(s.Rubric.Rubric.Dimensions)})
		}
		if len(vr.Groups) == 0 {
			continue
		}
		if vr.Current {
			v.Rounds = append([]reviewerRound{vr}, v.Rounds...)
		} else {
			v.Rounds = append(v.Rounds, vr)
		}
	}
	r.render(w, http.StatusOK, "reviewer", v)
}

// scoreView is one reviewer's form for one group: the rubric's
// dimensions with their level descriptors, their own scores so far, and,
// once the trainer opens the debrief, every reviewer's scores.
type scoreView struct {
	page
	// Who names the reviewer, for the page's outbox.
	Who          string
	Round, Group int
	Table        string
	Members      []memberRow
	Dims         []dimView
	Strengths    string
	Improvements string
	Others       []otherRow
	OtherDims    []string
}

type memberRow struct{ Name, Role string }

type dimView struct {
	ID, Title, Description string
	Levels                 []levelView
	Evidence               string
	Score                  int
}

type levelView struct {
	Score   int
	Text    string
	Checked bool
}

type otherRow struct {
	Reviewer string
	Scores   []string
}

// groupParams reads the round and group of a request's path and checks
// that the person may see that group.
func (r *Room) groupParams(req *http.Request) (int, int, bool) {
	n, err1 := strconv.Atoi(req.PathValue("round"))
	g, err2 := strconv.Atoi(req.PathValue("group"))
	if err1 != nil || err2 != nil {
		return 0, 0, false
	}
	p, _, _ := r.snapshot()
	if groupOf(p, n, g) == nil {
		return 0, 0, false
	}
	return n, g, r.mayLog(personOf(req), n, g)
}

// mayLog reports whether person p may see and log group g of round n: a
// reviewer of the group, or a trainee who plays an observer in it.
func (r *Room) mayLog(p store.Person, n, g int) bool {
	switch p.Kind {
	case kindReviewer:
		return reviews(p.Groups, n, g)
	case kindTrainee:
		pl, s, _ := r.snapshot()
		grp, m := memberOf(pl, n, p.ID)
		if grp == nil || grp.Group != g {
			return false
		}
		role, ok := s.Role(m.Role)
		return ok && role.Function == scenario.FunctionObserver
	}
	return false
}

func (r *Room) handleScoreForm(w http.ResponseWriter, req *http.Request) {
	p := personOf(req)
	n, g, ok := r.groupParams(req)
	if !ok || p.Kind != kindReviewer {
		http.NotFound(w, req)
		return
	}
	pl, s, _ := r.snapshot()
	grp := groupOf(pl, n, g)
	v := scoreView{page: r.page(s.Title), Who: whoOf(p), Round: n, Group: g, Table: grp.Table}
	for _, m := range grp.Members {
		v.Members = append(v.Members, memberRow{Name: m.Name, Role: s.RoleTitle(m.Role)})
	}
	sheets, err := r.db.Sheets("")
	if err != nil {
		r.fail(w, err)
		return
	}
	var mine *store.Sheet
	for i := range sheets {
		if sheets[i].Reviewer == p.ID && sheets[i].Round == n && sheets[i].Group == g {
			mine = &sheets[i]
		}
	}
	rb := s.Rubric.Rubric
	for _, d := range rb.Dimensions {
		dv := dimView{ID: d.ID, Title: d.Title.In(r.lang), Description: d.Description.In(r.lang)}
		if mine != nil {
			dv.Score, dv.Evidence = mine.Scores[d.ID], mine.Evidence[d.ID]
		}
		for _, l := range d.Levels {
			dv.Levels = append(dv.Levels, levelView{Score: l.Score, Text: l.Descriptor.In(r.lang), Checked: dv.Score == l.Score})
		}
		v.Dims = append(v.Dims, dv)
		v.OtherDims = append(v.OtherDims, dv.Title)
	}
	if mine != nil {
		v.Strengths, v.Improvements = mine.Strengths, mine.Improvements
	}
	if r.debriefOpen() {
		for _, sh := range sheets {
			if sh.Round != n || sh.Group != g {
				continue
			}
			row := otherRow{Reviewer: sh.Reviewer}
			for _, d := range rb.Dimensions {
				if sc, ok := sh.Scores[d.ID]; ok {
					row.Scores = append(row.Scores, strconv.Itoa(sc))
				} else {
					row.Scores = append(row.Scores, "–")
				}
			}
			v.Others = append(v.Others, row)
		}
	}
	r.render(w, http.StatusOK, "score", v)
}

// Reasons a reviewer's score change or an observer's tap is rejected, sent
// back to the phone with the change's key and shown there.
var (
	// ErrBadKey is a change without an idempotency key of the outbox's
	// form.
	ErrBadKey = errors.New("the change has no valid key; reload the page")
	// ErrNotYourGroup is a group the reviewer does not score, or the
	// observer does not sit in.
	ErrNotYourGroup = errors.New("this group is not yours; reload the page to see your groups")
	// ErrTextTooLong is a text field longer than a form holds.
	ErrTextTooLong = errors.New("the text is too long; shorten it")
	// ErrBadField is a field the scoresheet does not have.
	ErrBadField = errors.New("the form has no such field; reload the page")
	// ErrNoDimension is a dimension the rubric does not have.
	ErrNoDimension = errors.New("the rubric has no such dimension; reload the page")
	// ErrOutOfScale is a score that is not one of the rubric's levels.
	ErrOutOfScale = errors.New("the score is not on the rubric's scale; choose one of its levels")
	// ErrBadTap is a tap of a kind the turns page does not send.
	ErrBadTap = errors.New("the tap is not a turn, interruption, summary or silence; reload the page")
)

// whoOf names a person for their page's outbox: "reviewer:Li".
func whoOf(p store.Person) string { return p.Kind + ":" + p.ID }

// otherPerson refuses a batch from an outbox of another person than the
// one signed in on the phone now: the phone keeps it for its owner.
func (r *Room) otherPerson(w http.ResponseWriter) {
	http.Error(w, words.In(r.lang, "other_person"), http.StatusConflict)
}

// keyPattern is what a client-made idempotency key looks like.
var keyPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{8,64}$`)

// maxText is the most characters a reviewer's text field or a note holds.
const maxText = 4000

// maxBatch is the most changes one request may carry; an outbox sends
// what it holds in batches of this size.
const maxBatch = 200

type scoreChangeJSON struct {
	Key string `json:"key"`
	// Who is the person whose outbox sent the change ("reviewer:Li"): a
	// phone signed in as someone else since must not send it as theirs.
	Who   string `json:"who,omitempty"`
	Round int    `json:"round"`
	Group int    `json:"group"`
	Field string `json:"field"`
	Value string `json:"value"`
}

type rejected struct {
	Key   string `json:"key"`
	Error string `json:"error"`
}

type batchAnswer struct {
	// Applied are the keys the room holds, applied now or before: the
	// outbox may forget them.
	Applied  []string   `json:"applied"`
	Rejected []rejected `json:"rejected,omitempty"`
}

// handleScores takes a batch of score changes from a reviewer's outbox.
// Each change has a key the phone made; a change whose key the room has
// seen is acknowledged again and not applied twice, so a phone that lost
// the answer may send the batch again.
func (r *Room) handleScores(w http.ResponseWriter, req *http.Request) {
	p := personOf(req)
	var body struct {
		Changes []scoreChangeJSON `json:"changes"`
	}
	if err := decodeBatch(req, &body); err != nil || len(body.Changes) > maxBatch {
		http.Error(w, "bad batch", http.StatusBadRequest)
		return
	}
	for _, c := range body.Changes {
		if c.Who != "" && c.Who != whoOf(p) {
			r.otherPerson(w)
			return
		}
	}
	var ans batchAnswer
	var ok []store.ScoreChange
	now := r.now()
	for _, c := range body.Changes {
		if err := r.checkScore(p, c); err != nil {
			ans.Rejected = append(ans.Rejected, rejected{Key: c.Key, Error: r.errorText(err)})
			continue
		}
		ok = append(ok, store.ScoreChange{Key: c.Key, Reviewer: p.ID, Round: c.Round, Group: c.Group, Field: c.Field, Value: c.Value, At: now})
	}
	if err := r.applyScores(ok); err != nil {
		r.fail(w, err)
		return
	}
	for _, c := range ok {
		ans.Applied = append(ans.Applied, c.Key)
	}
	writeJSON(w, ans)
}

func (r *Room) checkScore(p store.Person, c scoreChangeJSON) error {
	if !keyPattern.MatchString(c.Key) {
		return ErrBadKey
	}
	pl, s, _ := r.snapshot()
	if groupOf(pl, c.Round, c.Group) == nil || !reviews(p.Groups, c.Round, c.Group) {
		return ErrNotYourGroup
	}
	if utf8.RuneCountInString(c.Value) > maxText {
		return ErrTextTooLong
	}
	rb := s.Rubric.Rubric
	field, dim, _ := strings.Cut(c.Field, ":")
	switch field {
	case "strengths", "improvements":
		if dim != "" {
			return ErrBadField
		}
		return nil
	case "score", "evidence":
		if _, ok := rb.Dimension(dim); !ok {
			return ErrNoDimension
		}
		if field == "score" && c.Value != "" {
			n, err := strconv.Atoi(c.Value)
			if err != nil || n < rb.Scale.Min || n > rb.Scale.Max {
				return ErrOutOfScale
			}
		}
		return nil
	}
	return ErrBadField
}

// decodeBatch reads a JSON body of at most 1 MiB, strictly.
func decodeBatch(req *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(nil, req.Body, 1<<20))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	json.NewEncoder(w).Encode(v)
}

// turnsView is an observer's phone: the group's members as buttons.
type turnsView struct {
	page
	Who          string
	Round, Group int
	Table        string
	Members      []turnMember
	Back         bool
}

type turnMember struct{ ID, Name, Role string }

func (r *Room) handleTurnsPage(w http.ResponseWriter, req *http.Request) {
	n, g, ok := r.groupParams(req)
	if !ok {
		http.NotFound(w, req)
		return
	}
	pl, s, _ := r.snapshot()
	grp := groupOf(pl, n, g)
	v := turnsView{page: r.page(s.Title), Who: whoOf(personOf(req)), Round: n, Group: g, Table: grp.Table}
	for _, m := range grp.Members {
		v.Members = append(v.Members, turnMember{ID: m.ID, Name: m.Name, Role: s.RoleTitle(m.Role)})
	}
	r.render(w, http.StatusOK, "turns", v)
}

type tapJSON struct {
	Key    string `json:"key"`
	Who    string `json:"who,omitempty"`
	Round  int    `json:"round"`
	Group  int    `json:"group"`
	Kind   string `json:"kind"`
	Member string `json:"member"`
	// At is when the observer tapped, in Unix milliseconds by the room's
	// clock as the page reckons it; a tap queued offline keeps its time.
	At int64 `json:"at"`
}

// handleLogTaps takes a batch of an observer's taps (turns,
// interruptions, summaries) from the page's outbox, each applied once.
func (r *Room) handleLogTaps(w http.ResponseWriter, req *http.Request) {
	p := personOf(req)
	var body struct {
		Taps []tapJSON `json:"taps"`
	}
	if err := decodeBatch(req, &body); err != nil || len(body.Taps) > maxBatch {
		http.Error(w, "bad batch", http.StatusBadRequest)
		return
	}
	for _, t := range body.Taps {
		if t.Who != "" && t.Who != whoOf(p) {
			r.otherPerson(w)
			return
		}
	}
	var ans batchAnswer
	now := r.now()
	by := p.Kind + ":" + p.ID
	for _, t := range body.Taps {
		if !keyPattern.MatchString(t.Key) {
			ans.Rejected = append(ans.Rejected, rejected{Key: t.Key, Error: r.errorText(ErrBadKey)})
			continue
		}
		if !r.mayLog(p, t.Round, t.Group) {
			ans.Rejected = append(ans.Rejected, rejected{Key: t.Key, Error: r.errorText(ErrNotYourGroup)})
			continue
		}
		var kind live.CommandKind
		switch t.Kind {
		case "turn":
			kind = live.CommandTurn
		case "interruption":
			kind = live.CommandInterruption
		case "summary":
			kind = live.CommandSummary
		case "silence":
			kind = live.CommandSilence
		default:
			ans.Rejected = append(ans.Rejected, rejected{Key: t.Key, Error: r.errorText(ErrBadTap)})
			continue
		}
		at := time.UnixMilli(t.At)
		// A tap's own time is kept unless it is in the future or older
		// than a day of drills: a phone's clock may be wrong.
		if t.At == 0 || at.After(now) || now.Sub(at) > 12*time.Hour {
			at = now
		}
		if err := r.record(t.Round, t.Group, live.Command{Kind: kind, Member: t.Member}, by, t.Key, at); err != nil {
			// Refused (a tap before the group started, a member not in
			// it): the phone drops it and shows why; sending it again
			// would never change that.
			ans.Rejected = append(ans.Rejected, rejected{Key: t.Key, Error: r.errorText(err)})
			continue
		}
		ans.Applied = append(ans.Applied, t.Key)
	}
	writeJSON(w, ans)
}
