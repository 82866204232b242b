package cards

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// Base names of the day's paper among the files [Paper] returns; each is
// an HTML file. The trainer-only ones say so in their names, as the master
// sheet's does.
const (
	SlipsName    = "inject-slips-TRAINER-ONLY"
	SignsName    = "table-signs"
	DoorListName = "door-list"
	RunSheetName = "run-sheet-TRAINER-ONLY"
)

// SlipsPerPage is how many inject slips an A4 page holds, one above the
// other, each cut out along its dashed border.
const SlipsPerPage = 4

// Slip is one inject as the trainer hands it to its recipients in one
// group of one round: who gets it, where they sit, when to hand it over,
// and the inject's text. It holds nothing else the trainees may not see:
// no trainer note, no confidential brief.
type Slip struct {
	Language      string `json:"language"`
	ScenarioTitle string `json:"scenario_title"`
	Round         int    `json:"round"`
	RoundName     string `json:"round_name,omitempty"`
	Group         int    `json:"group"`
	Table         string `json:"table,omitempty"`
	InjectID      string `json:"inject_id,omitempty"`
	// At is when to hand the slip over: the clock time on a timed day
	// ("09:25"), else the time from the round's start ("0:25"), which
	// Offset always is.
	At     string          `json:"at"`
	Offset string          `json:"offset"`
	To     []SlipRecipient `json:"to"`
	Text   string          `json:"text"`
}

// Timed reports whether the slip's time is a clock time.
func (s Slip) Timed() bool { return s.At != s.Offset }

// SlipRecipient is a member of the group who receives an inject: their
// name and the public title of their role.
type SlipRecipient struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	RoleTitle string `json:"role_title"`
}

// Slips returns the inject slips of the plan, or of one round when round
// is above zero: one per inject per group, for the members whose role the
// inject is aimed at, in the order the trainer hands them out (round,
// time, group). A group in which nobody plays any of the inject's roles
// gets no slip: the master sheet and the run sheet name those groups.
func Slips(p *plan.Plan, s *scenario.Scenario, round int) []Slip {
	var slips []Slip
	for _, rd := range p.Rounds {
		if round > 0 && rd.Round != round {
			continue
		}
		for _, in := range injectsByTime(s) {
			for _, r := range p.InjectRecipients(in, rd.Round) {
				if len(r.Members) == 0 {
					continue
				}
				g, _ := rd.Group(r.Group)
				slip := Slip{
					Language: s.Language, ScenarioTitle: s.Title,
					Round: rd.Round, RoundName: rd.Name, Group: r.Group, Table: g.Table,
					InjectID: in.ID, At: injectAt(&rd, in), Offset: scenario.Clock(in.At.Minutes()),
					Text: scenario.OneLine(in.Text),
				}
				for _, m := range r.Members {
					slip.To = append(slip.To, SlipRecipient{ID: m.ID, Name: m.Name, RoleTitle: s.RoleTitle(m.Role)})
				}
				slips = append(slips, slip)
			}
		}
	}
	return slips
}

// injectsByTime is the scenario's injects in the order they fall due.
func injectsByTime(s *scenario.Scenario) []scenario.Inject {
	out := slices.Clone(s.Injects)
	slices.SortStableFunc(out, func(a, b scenario.Inject) int { return cmp.Compare(a.At, b.At) })
	return out
}

// injectAt is when an inject falls due in the round: its clock time on a
// timed day, else its time from the round's start.
func injectAt(rd *plan.Round, in scenario.Inject) string {
	if rd.Timed() {
		return rd.Clock(in.At.Minutes())
	}
	return scenario.Clock(in.At.Minutes())
}

// Sign is a table tent: an A4 page folded in half that stands on a
// group's table, with the group's number and table on both faces.
type Sign struct {
	Language      string `json:"language"`
	ScenarioTitle string `json:"scenario_title"`
	Round         int    `json:"round"`
	RoundName     string `json:"round_name,omitempty"`
	Start         string `json:"start,omitempty"`
	End           string `json:"end,omitempty"`
	Group         int    `json:"group"`
	Table         string `json:"table,omitempty"`
}

// When is the round's name and clock times, or "".
func (s Sign) When() string { return roundWhen(s.RoundName, s.Start, s.End) }

// Signs returns a table sign for each group of each round of the plan, or
// of one round when round is above zero.
func Signs(p *plan.Plan, s *scenario.Scenario, round int) []Sign {
	var signs []Sign
	for _, rd := range p.Rounds {
		if round > 0 && rd.Round != round {
			continue
		}
		for _, g := range rd.Groups {
			signs = append(signs, Sign{
				Language: s.Language, ScenarioTitle: s.Title,
				Round: rd.Round, RoundName: rd.Name, Start: rd.Start, End: rd.End,
				Group: g.Group, Table: g.Table,
			})
		}
	}
	return signs
}

// SittingOut is a trainee who sits a round out, with the reason in the
// scenario's language.
type SittingOut struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// DoorList is the list of one round to put up at the door: each trainee's
// name with their group and table, in the order a reader looks a name up
// (拼音 for Chinese names, alphabetical for Latin ones), then who sits the
// round out.
type DoorList struct {
	RoundHead
	Entries []DoorEntry  `json:"entries"`
	Out     []SittingOut `json:"out,omitempty"`
}

// RoundHead is what a page of one round says of it at the top: the
// scenario, the round's number and name and its clock times.
type RoundHead struct {
	Language      string `json:"language"`
	ScenarioTitle string `json:"scenario_title"`
	Round         int    `json:"round"`
	Name          string `json:"name,omitempty"`
	Start         string `json:"start,omitempty"`
	End           string `json:"end,omitempty"`
}

// When is the round's name and clock times, or "".
func (h RoundHead) When() string { return roundWhen(h.Name, h.Start, h.End) }

func roundHeadOf(s *scenario.Scenario, rd plan.Round) RoundHead {
	return RoundHead{Language: s.Language, ScenarioTitle: s.Title, Round: rd.Round, Name: rd.Name, Start: rd.Start, End: rd.End}
}

// DoorEntry is one trainee on a door list.
type DoorEntry struct {
	Name  string `json:"name"`
	ID    string `json:"id"`
	Group int    `json:"group"`
	Table string `json:"table,omitempty"`
}

// DoorLists returns the door list of each round of the plan, or of one
// round when round is above zero.
func DoorLists(p *plan.Plan, s *scenario.Scenario, round int) []DoorList {
	var lists []DoorList
	for _, rd := range p.Rounds {
		if round > 0 && rd.Round != round {
			continue
		}
		d := DoorList{RoundHead: roundHeadOf(s, rd), Entries: []DoorEntry{}}
		for _, g := range rd.Groups {
			for _, m := range g.Members {
				d.Entries = append(d.Entries, DoorEntry{Name: m.Name, ID: m.ID, Group: g.Group, Table: g.Table})
			}
		}
		SortByName(d.Entries, func(e DoorEntry) (string, string) { return e.Name, e.ID })
		d.Out = sittingOut(s, rd)
		lists = append(lists, d)
	}
	return lists
}

// SortByName sorts items by the name key gives them, as a reader looks a
// name up: Chinese names in 拼音 order (安 before 白 before 陈 before 张),
// Latin names alphabetically without regard to case, before the Chinese
// ones; two people of one name by the id key gives.
func SortByName[T any](items []T, key func(T) (name, id string)) {
	c := collate.New(language.Chinese)
	slices.SortStableFunc(items, func(a, b T) int {
		an, aid := key(a)
		bn, bid := key(b)
		if n := c.CompareString(an, bn); n != 0 {
			return n
		}
		return cmp.Compare(aid, bid)
	})
}

// sittingOut lists who sits the round out, sorted by name, with the
// reason in the scenario's language.
func sittingOut(s *scenario.Scenario, rd plan.Round) []SittingOut {
	var out []SittingOut
	for _, o := range rd.Out {
		reason := words.In(s.Language, "out_absent")
		if o.Reason != plan.OutAbsent {
			reason = words.In(s.Language, "out_unavailable")
		}
		out = append(out, SittingOut{ID: o.ID, Name: o.Name, Reason: reason})
	}
	SortByName(out, func(o SittingOut) (string, string) { return o.Name, o.ID })
	return out
}

// RunSheet is the trainer's page for one round: the round's clock, the
// phases with their times, the injects due with who receives each in
// every group, and who sits the round out.
type RunSheet struct {
	RoundHead
	Phases  []CardPhase  `json:"phases"`
	Injects []RunInject  `json:"injects"`
	Out     []SittingOut `json:"out,omitempty"`
}

// RunInject is an inject due in a round, with its recipients in every
// group.
type RunInject struct {
	ID string `json:"id,omitempty"`
	// At is the clock time on a timed day, else the time from the round's
	// start, which Offset always is.
	At     string          `json:"at"`
	Offset string          `json:"offset"`
	To     []string        `json:"to"` // role titles
	Text   string          `json:"text"`
	Groups []RunRecipients `json:"groups"`
}

// Timed reports whether the inject's time is a clock time.
func (in RunInject) Timed() bool { return in.At != in.Offset }

// RunRecipients are who receive an inject in one group; Names is empty
// when nobody there plays any of its roles.
type RunRecipients struct {
	Group int      `json:"group"`
	Table string   `json:"table,omitempty"`
	Names []string `json:"names"`
}

// RunSheets returns the run sheet of each round of the plan, or of one
// round when round is above zero.
func RunSheets(p *plan.Plan, s *scenario.Scenario, round int) []RunSheet {
	var sheets []RunSheet
	for _, rd := range p.Rounds {
		if round > 0 && rd.Round != round {
			continue
		}
		r := RunSheet{
			RoundHead: roundHeadOf(s, rd),
			Phases:    roundAgenda(cardAgenda(s), s, &rd), Injects: []RunInject{},
			Out: sittingOut(s, rd),
		}
		for _, in := range injectsByTime(s) {
			ri := RunInject{ID: in.ID, At: injectAt(&rd, in), Offset: scenario.Clock(in.At.Minutes()), Text: scenario.OneLine(in.Text)}
			for _, id := range in.To {
				ri.To = append(ri.To, s.RoleTitle(id))
			}
			for _, rec := range p.InjectRecipients(in, rd.Round) {
				g, _ := rd.Group(rec.Group)
				rr := RunRecipients{Group: rec.Group, Table: g.Table, Names: []string{}}
				for _, m := range rec.Members {
					rr.Names = append(rr.Names, fmt.Sprintf("%s (%s)", m.Name, m.ID))
				}
				ri.Groups = append(ri.Groups, rr)
			}
			r.Injects = append(r.Injects, ri)
		}
		sheets = append(sheets, r)
	}
	return sheets
}

// Paper returns the day's paper for the plan, or for one round of it when
// round is above zero, as HTML files to print on A4 in the scenario's
// language: the inject slips, the table signs, the door list and the run
// sheet. With a round they go under round-R/, as [Files] puts the
// collected files.
func Paper(p *plan.Plan, s *scenario.Scenario, round int) ([]File, error) {
	if err := p.CheckRound(round); err != nil {
		return nil, err
	}
	prefix := ""
	if round > 0 {
		prefix = fmt.Sprintf("round-%d/", round)
	}
	lang := s.Language
	var files []File
	for _, f := range []struct {
		name   string
		render func() ([]byte, error)
	}{
		{SlipsName, func() ([]byte, error) { return RenderSlips(lang, Slips(p, s, round)) }},
		{SignsName, func() ([]byte, error) { return RenderSigns(lang, Signs(p, s, round)) }},
		{DoorListName, func() ([]byte, error) { return RenderDoorLists(lang, DoorLists(p, s, round)) }},
		{RunSheetName, func() ([]byte, error) { return RenderRunSheets(lang, RunSheets(p, s, round)) }},
	} {
		data, err := f.render()
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: prefix + f.name + "." + FormatHTML, Data: data})
	}
	return files, nil
}

// paperPage is what the templates of the day's paper are given.
type paperPage struct {
	page
	Title string
	Data  any
}

// RenderSlips renders inject slips as A4 pages in lang, [SlipsPerPage] a
// page, each in a dashed border to cut along; no slip is split across
// pages.
func RenderSlips(lang string, slips []Slip) ([]byte, error) {
	var pages [][]Slip
	for len(slips) > 0 {
		n := min(SlipsPerPage, len(slips))
		pages = append(pages, slips[:n])
		slips = slips[n:]
	}
	return renderPaper("slips.html.tmpl", lang, words.In(lang, "slips_title"), pages)
}

// RenderSigns renders table signs, one A4 page each, to fold in half.
func RenderSigns(lang string, signs []Sign) ([]byte, error) {
	return renderPaper("signs.html.tmpl", lang, words.In(lang, "signs_title"), signs)
}

// RenderDoorLists renders door lists in large type, each round from a new
// page.
func RenderDoorLists(lang string, lists []DoorList) ([]byte, error) {
	return renderPaper("door.html.tmpl", lang, words.In(lang, "door_list"), lists)
}

// RenderRunSheets renders run sheets, one A4 page a round, each marked
// for the trainer only.
func RenderRunSheets(lang string, sheets []RunSheet) ([]byte, error) {
	return renderPaper("run.html.tmpl", lang, words.In(lang, "run_sheet"), sheets)
}

func renderPaper(tmpl, lang, title string, data any) ([]byte, error) {
	var buf bytes.Buffer
	err := pages.ExecuteTemplate(&buf, tmpl, paperPage{page{lang}, title, data})
	return buf.Bytes(), err
}
