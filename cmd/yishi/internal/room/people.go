package room

import (
	"bytes"
	"cmp"
	"errors"
	"html/template"
	"net/http"
	"slices"

	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
	"github.com/yishi-council/yishi/roles/plan"
)

// Reasons the console refuses a change it was sent.
var (
	// ErrTrainerRevoke refuses to revoke the trainer's own link, which
	// would lock the console.
	ErrTrainerRevoke = errors.New("the trainer's link cannot be revoked from the console; give it a new one instead")
	// ErrUnknownAction is a form's action the console does not have.
	ErrUnknownAction = errors.New("the console has no such action; reload the page")
)

// Link is the address of a person's link.
func (r *Room) Link(p store.Person) string { return r.cfg.BaseURL + "/t/" + p.Token }

// peopleView lists everyone's links and codes for the trainer.
type peopleView struct {
	page
	Key    string
	People []personRow
}

type personRow struct {
	store.Person
	KindText string
	Link     string
	Where    string
	group    int // the group of the round shown, for the slips' order
}

func (r *Room) personRows() []personRow {
	r.mu.RLock()
	ps := append([]store.Person(nil), r.people...)
	r.mu.RUnlock()
	p, _, _ := r.snapshot()
	round := r.currentRound()
	var out []personRow
	for _, pp := range ps {
		row := personRow{Person: pp, KindText: words.In(r.lang, pp.Kind), Link: r.Link(pp)}
		if pp.Kind == kindTrainee {
			pg := r.page("")
			if g, _ := memberOf(p, round, pp.ID); g != nil {
				row.Where = pg.F("round_n", round) + " · " + pg.F("group_n", g.Group)
				row.group = g.Group
				if g.Table != "" {
					row.Where += " · " + pg.F("table", g.Table)
				}
			} else if rd := roundOf(p, round); rd != nil {
				row.Where, row.group = pg.F("round_n", round)+" · "+pg.L("sitting_out_short"), 1<<30
				for _, o := range rd.Out {
					if o.ID == pp.ID && o.Reason == plan.OutAbsent {
						row.Where = pg.F("round_n", round) + " · " + pg.L("absent_short")
					}
				}
			}
		}
		out = append(out, row)
	}
	return out
}

func (r *Room) handlePeople(w http.ResponseWriter, req *http.Request) {
	r.render(w, http.StatusOK, "people", peopleView{page: r.page(words.In(r.lang, "people")), Key: NewToken(), People: r.personRows()})
}

// handlePeopleChange gives a person a new link and code (the old ones stop
// working) or revokes their link.
func (r *Room) handlePeopleChange(w http.ResponseWriter, req *http.Request) {
	kind, id := req.FormValue("kind"), req.FormValue("id")
	var err error
	switch req.FormValue("action") {
	case "reissue":
		err = r.db.Reissue(kind, id, NewToken(), r.newCode())
	case "revoke":
		if kind == kindTrainer {
			err = ErrTrainerRevoke
		} else {
			err = r.db.Revoke(kind, id)
		}
	default:
		err = ErrUnknownAction
	}
	if err == nil {
		err = r.loadPeople()
	}
	if err != nil {
		http.Error(w, r.errorText(err), http.StatusConflict)
		return
	}
	// The trainer who gave their own link anew would be locked out of
	// the console, whose people page is where the new link is shown:
	// their browser is handed it.
	if me := personOf(req); req.FormValue("action") == "reissue" && me.Kind == kind && me.ID == id {
		if p, err := r.db.Person(kind, id); err == nil {
			setCookie(w, req, p.Token)
		}
	}
	r.hub.room("people", true)
	http.Redirect(w, req, "/console/people", http.StatusSeeOther)
}

func kindOrder(kind string) int {
	if kind == kindReviewer {
		return 0
	}
	return 1
}

// newCode is a short code nobody in the room has.
func (r *Room) newCode() string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	for {
		c := NewCode()
		if _, taken := r.byCode[c]; !taken {
			return c
		}
	}
}

// slipsView is the printable page of link slips.
type slipsView struct {
	page
	Base  string
	Slips []slip
	// CSS is the style written into a file of slips to open without the
	// room; the room's own page links its style instead.
	CSS template.CSS
}

type slip struct {
	personRow
	QR template.HTML
}

// Slips renders the printable slips of every person but the trainer:
// name, group and table, the QR code of their link, their short code and
// the room's address. A standalone page carries its style, to be opened
// from a file.
func (r *Room) Slips(standalone bool) ([]byte, error) {
	v := slipsView{page: r.page(words.In(r.lang, "links")), Base: r.cfg.BaseURL}
	if standalone {
		css, err := staticFS.ReadFile("static/room.css")
		if err != nil {
			return nil, err
		}
		more, err := staticFS.ReadFile("static/slips.css")
		if err != nil {
			return nil, err
		}
		v.CSS = template.CSS(string(css) + string(more))
	}
	for _, row := range r.personRows() {
		if row.Kind == kindTrainer || row.Revoked {
			continue
		}
		qr, err := QRSVG(row.Link)
		if err != nil {
			return nil, err
		}
		v.Slips = append(v.Slips, slip{personRow: row, QR: qr})
	}
	// Reviewers first, then trainees group by group, as the trainer hands
	// them out table by table.
	slices.SortStableFunc(v.Slips, func(a, b slip) int {
		if c := cmp.Compare(kindOrder(a.Kind), kindOrder(b.Kind)); c != 0 {
			return c
		}
		if c := cmp.Compare(a.group, b.group); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	var buf bytes.Buffer
	if err := r.tmpl.ExecuteTemplate(&buf, "slips", v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (r *Room) handleSlips(w http.ResponseWriter, req *http.Request) {
	data, err := r.Slips(false)
	if err != nil {
		r.fail(w, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(data)
}
