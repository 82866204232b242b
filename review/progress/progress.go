// Package progress follows each trainee through the rounds of a plan: the
// roles they played, their group's scores in the rubric dimensions their
// role owns, their own share of the talk from the drill log, and what
// reviewers wrote that names their role; and it gives the trainer the
// cohort view, the mean of each dimension by round, so that a second
// round's progress shows. [Build] makes it from a debrief report and
// [Cohort.Files] writes a page per trainee (HTML and JSON) and the
// cohort's index.
//
// A trainee's page holds their own figures only: never a role's
// confidential brief, never the trainer's notes of the drill log, never
// another member's speaking share, and only the reviewers' notes that
// name the trainee's role.
package progress

import (
	"sort"
	"strings"
	"time"

	"github.com/yishi-council/yishi/review"
	"github.com/yishi-council/yishi/review/measure"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// Kinds of the JSON files [Cohort.Files] writes.
const (
	KindCohort  = "cohort-progress"
	KindTrainee = "trainee-progress"
)

// What a trainee did in a round ([Round.Status]).
const (
	// StatusPlayed is a trainee who played a role in a group.
	StatusPlayed = "played"
	// StatusOut is a trainee who sat the round out (the plan's
	// [plan.Round.Out]).
	StatusOut = "out"
	// StatusNotPlanned is a trainee the plan does not have in the round
	// at all, such as one who walked in for a later round.
	StatusNotPlanned = "not_planned"
)

// The kinds of a reviewer's note on a trainee's page ([Note.Kind]).
const (
	NoteEvidence    = "evidence"
	NoteStrength    = "strength"
	NoteImprovement = "improvement"
)

// Cohort is the progress of every trainee of a plan and the cohort view:
// the mean of each rubric dimension by round, with the change from the
// round before, and the mean of the main measures of the drill logs by
// round. It marshals to JSON as cohort.json, which is the trainer's: it
// holds every trainee, where each trainee's own file holds only them.
type Cohort struct {
	Version  int                 `json:"version"`
	Kind     string              `json:"kind"`
	Language string              `json:"language"`
	Scenario review.ScenarioInfo `json:"scenario"`
	Rubric   review.RubricInfo   `json:"rubric"`
	// Demo is set when the scores are demo data ([review.Report.Demo]);
	// every page then says so at the top.
	Demo   bool          `json:"demo,omitempty"`
	Rounds []CohortRound `json:"rounds"`
	// Logs is set when any group of any round had a drill log, so that
	// the rounds carry [CohortRound.Measures].
	Logs     bool       `json:"logs"`
	Trainees []*Trainee `json:"trainees"`
}

// CohortRound is one round of the plan in the cohort view.
type CohortRound struct {
	Round int    `json:"round"`
	Name  string `json:"name,omitempty"`
	// Groups counts the round's groups with scores, Logs those with a
	// drill log.
	Groups int `json:"groups"`
	Logs   int `json:"logs"`
	// Dimensions has one entry per rubric dimension, in rubric order:
	// the mean over the round's scored groups of the group's mean.
	Dimensions []Trend `json:"dimensions"`
	// Weighted is the mean of the scored groups' weighted totals.
	Weighted Trend `json:"weighted_total"`
	// Measures are the means over the groups with a log of punctuality,
	// the Gini coefficient of speaking time and the host's share of the
	// talk ([CohortMeasures]); empty when no round had a log.
	Measures []Trend `json:"measures,omitempty"`
}

// CohortMeasures are the measures the cohort view follows by round.
var CohortMeasures = []string{scenario.MeasurePunctuality, scenario.MeasureGini, scenario.MeasureHostShare}

// Trend is one figure of a round: a mean over the round's groups, how
// many groups it rests on, and its change from the round before (nil in
// the first round, or when either round has no value).
type Trend struct {
	ID     string   `json:"id"`
	Title  string   `json:"title"`
	Mean   *float64 `json:"mean"`
	N      int      `json:"n"`
	Change *float64 `json:"change"`
}

// Trainee is one trainee's progress over the rounds of the plan, as their
// page shows it and as its JSON holds it.
type Trainee struct {
	Version  int                 `json:"version"`
	Kind     string              `json:"kind"`
	Language string              `json:"language"`
	Scenario review.ScenarioInfo `json:"scenario"`
	Demo     bool                `json:"demo,omitempty"`
	ID       string              `json:"id"`
	Name     string              `json:"name"`
	// Page and Data are where the trainee's HTML page and JSON file go,
	// relative to the folder [Cohort.Files] writes to.
	Page   string  `json:"page"`
	Data   string  `json:"data"`
	Rounds []Round `json:"rounds"`
}

// Round is what one trainee did in one round of the plan.
type Round struct {
	Round     int    `json:"round"`
	Name      string `json:"name,omitempty"`
	Status    string `json:"status"`
	OutReason string `json:"out_reason,omitempty"` // plan.OutAbsent or plan.OutUnavailable
	Group     int    `json:"group,omitempty"`
	Role      string `json:"role,omitempty"`
	RoleTitle string `json:"role_title,omitempty"`
	Function  string `json:"function,omitempty"`
	// Scored is set when reviewers scored the group; a group with a drill
	// log and no scoresheet is not scored.
	Scored    bool     `json:"scored"`
	Reviewers []string `json:"reviewers,omitempty"`
	// Dimensions are the group's scores in the dimensions the role's
	// function owns ([scenario.Dimension.Owner]), in rubric order; none
	// for a role that owns none, such as a stakeholder.
	Dimensions []Score `json:"dimensions,omitempty"`
	// Weighted is the group's weighted total, the figure for a role that
	// owns no dimension and the context for one that does.
	Weighted *float64 `json:"weighted_total,omitempty"`
	// Speaking is the trainee's own talk from the group's drill log; nil
	// when the group has no log, and for an observer, who does not speak
	// in the council and is not counted in the measures.
	Speaking *Speaking `json:"speaking,omitempty"`
	// Notes are the reviewers' evidence, strengths and improvements for
	// the group that name the trainee's role.
	Notes []Note `json:"notes,omitempty"`
}

// Score is a group's scores on one dimension.
type Score struct {
	ID    string   `json:"id"`
	Title string   `json:"title"`
	Mean  *float64 `json:"mean"`
	Min   *int     `json:"min"`
	Max   *int     `json:"max"`
	N     int      `json:"n"`
}

// Speaking is one trainee's talk in one drill.
type Speaking struct {
	// Share is their share of the group's speaking time, 0..1.
	Share   float64 `json:"share"`
	Turns   int     `json:"turns"`
	Seconds int     `json:"seconds"`
	// Members is the size of the group, so that 1/Members is an equal
	// share.
	Members int `json:"members"`
}

// Note is one thing a reviewer wrote about the group that names the
// trainee's role: the evidence for a dimension's score, a strength or an
// improvement.
type Note struct {
	Kind      string `json:"kind"`
	Dimension string `json:"dimension,omitempty"`
	Title     string `json:"dimension_title,omitempty"`
	Score     *int   `json:"score,omitempty"`
	Reviewer  string `json:"reviewer"`
	Text      string `json:"text"`
}

// Build follows every trainee of the plan through its rounds, from the
// debrief report of its scoresheets (and its groups' measures, where the
// report has them). Trainees are in the order of their ids; the result
// does not depend on the order the sheets were read in.
func Build(p *plan.Plan, s *scenario.Scenario, rep *review.Report) *Cohort {
	lang := s.Language
	c := &Cohort{
		Version: 1, Kind: KindCohort, Language: lang,
		Scenario: rep.Scenario, Rubric: rep.Rubric, Demo: rep.Demo,
		Rounds: []CohortRound{}, Trainees: []*Trainee{},
	}
	groups := map[[2]int]*review.GroupReport{}
	for i := range rep.Rounds {
		for j := range rep.Rounds[i].Groups {
			g := &rep.Rounds[i].Groups[j]
			groups[[2]int{g.Round, g.Group}] = g
		}
	}
	for _, rd := range p.Rounds {
		var gs []*review.GroupReport
		for _, g := range rd.Groups {
			if gr, ok := groups[[2]int{rd.Round, g.Group}]; ok {
				gs = append(gs, gr)
			}
		}
		cr := cohortRound(rd, gs, rep.Rubric.Dimensions, lang)
		if cr.Logs > 0 {
			c.Logs = true
		}
		c.Rounds = append(c.Rounds, cr)
	}
	for i := range c.Rounds {
		var prev *CohortRound
		if i > 0 {
			prev = &c.Rounds[i-1]
		}
		setChanges(&c.Rounds[i], prev)
	}
	if !c.Logs {
		for i := range c.Rounds {
			c.Rounds[i].Measures = nil
		}
	}

	nm := newNamer(s)
	owned := map[string][]review.DimensionInfo{}
	for _, d := range rep.Rubric.Dimensions {
		if d.Owner != "" {
			owned[d.Owner] = append(owned[d.Owner], d)
		}
	}
	for _, id := range traineeIDs(p) {
		t := &Trainee{Version: 1, Kind: KindTrainee, Language: lang, Scenario: rep.Scenario, Demo: rep.Demo, ID: id}
		for _, rd := range p.Rounds {
			r, name := traineeRound(rd, id, s, groups, owned, nm)
			if t.Name == "" {
				t.Name = name
			}
			t.Rounds = append(t.Rounds, r)
		}
		c.Trainees = append(c.Trainees, t)
	}
	setPaths(c.Trainees)
	return c
}

// traineeIDs lists the ids of every trainee the plan names, in a round's
// group or sitting one out, in [idLess] order.
func traineeIDs(p *plan.Plan) []string {
	seen := map[string]bool{}
	var out []string
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	for _, rd := range p.Rounds {
		for _, g := range rd.Groups {
			for _, m := range g.Members {
				add(m.ID)
			}
		}
		for _, o := range rd.Out {
			add(o.ID)
		}
	}
	sort.Slice(out, func(i, j int) bool { return idLess(out[i], out[j]) })
	return out
}

// idLess orders trainee ids as a person reads them: runs of digits by
// their value, so T2 comes before T10; ids that read the same ("T01",
// "T1") fall back to their bytes.
func idLess(a, b string) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if isDigit(a[i]) && isDigit(b[j]) {
			ei, ej := digitsEnd(a, i), digitsEnd(b, j)
			na, nb := strings.TrimLeft(a[i:ei], "0"), strings.TrimLeft(b[j:ej], "0")
			if len(na) != len(nb) {
				return len(na) < len(nb)
			}
			if na != nb {
				return na < nb
			}
			i, j = ei, ej
			continue
		}
		if a[i] != b[j] {
			return a[i] < b[j]
		}
		i, j = i+1, j+1
	}
	if len(a)-i != len(b)-j {
		return len(a)-i < len(b)-j
	}
	return a < b
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// traineeRound is what trainee id did in round rd, and the name the plan
// gives them there ("" when it does not have them).
func traineeRound(rd plan.Round, id string, s *scenario.Scenario, groups map[[2]int]*review.GroupReport, owned map[string][]review.DimensionInfo, nm *namer) (Round, string) {
	r := Round{Round: rd.Round, Name: rd.Name, Status: StatusNotPlanned}
	for _, o := range rd.Out {
		if o.ID == id {
			r.Status, r.OutReason = StatusOut, o.Reason
			return r, o.Name
		}
	}
	for _, g := range rd.Groups {
		for _, m := range g.Members {
			if m.ID != id {
				continue
			}
			r.Status, r.Group, r.Role, r.RoleTitle = StatusPlayed, g.Group, m.Role, s.RoleTitle(m.Role)
			if role, ok := s.Role(m.Role); ok {
				r.Function = role.Function
			}
			if gr, ok := groups[[2]int{rd.Round, g.Group}]; ok {
				fillScores(&r, gr, owned[r.Function], id, nm)
			}
			return r, m.Name
		}
	}
	return r, ""
}

// fillScores puts on r what the report says of the trainee's group gr:
// its scores in the dimensions the role owns, its weighted total, the
// trainee's own speaking and the reviewers' notes that name the role.
func fillScores(r *Round, gr *review.GroupReport, dims []review.DimensionInfo, id string, nm *namer) {
	r.Scored = len(gr.Reviewers) > 0
	r.Reviewers = append([]string{}, gr.Reviewers...)
	r.Weighted = gr.Weighted
	for _, d := range dims {
		for _, ds := range gr.Dimensions {
			if ds.ID == d.ID {
				r.Dimensions = append(r.Dimensions, Score{ID: ds.ID, Title: ds.Title, Mean: ds.Mean, Min: ds.Min, Max: ds.Max, N: ds.N})
			}
		}
	}
	r.Speaking = speaking(gr.Measures, id)
	for _, ds := range gr.Dimensions {
		for _, sc := range ds.Scores {
			if sc.Evidence != "" && nm.names(sc.Evidence, r.Role) {
				r.Notes = append(r.Notes, Note{Kind: NoteEvidence, Dimension: ds.ID, Title: ds.Title, Score: sc.Score, Reviewer: sc.Reviewer, Text: sc.Evidence})
			}
		}
	}
	for _, n := range gr.Strengths {
		if nm.names(n.Text, r.Role) {
			r.Notes = append(r.Notes, Note{Kind: NoteStrength, Reviewer: n.Reviewer, Text: n.Text})
		}
	}
	for _, n := range gr.Improvements {
		if nm.names(n.Text, r.Role) {
			r.Notes = append(r.Notes, Note{Kind: NoteImprovement, Reviewer: n.Reviewer, Text: n.Text})
		}
	}
}

// speaking is trainee id's own talk in the measures m, nil without them.
func speaking(m *measure.Group, id string) *Speaking {
	// A log that records no turn says nothing of who spoke.
	if m == nil || m.Participation.Turns == 0 {
		return nil
	}
	for _, mt := range m.Participation.Members {
		if mt.ID == id {
			return &Speaking{
				Share: scenario.Round3(mt.Share), Turns: mt.Turns,
				Seconds: int(mt.Speaking.Round(time.Second) / time.Second),
				Members: len(m.Participation.Members),
			}
		}
	}
	return nil
}

// cohortRound averages the scored groups gs of round rd.
func cohortRound(rd plan.Round, gs []*review.GroupReport, dims []review.DimensionInfo, lang string) CohortRound {
	cr := CohortRound{Round: rd.Round, Name: rd.Name}
	for _, g := range gs {
		if len(g.Reviewers) > 0 {
			cr.Groups++
		}
		if g.Measures != nil {
			cr.Logs++
		}
	}
	for _, d := range dims {
		var vs []float64
		for _, g := range gs {
			for _, ds := range g.Dimensions {
				if ds.ID == d.ID && ds.Mean != nil {
					vs = append(vs, *ds.Mean)
				}
			}
		}
		cr.Dimensions = append(cr.Dimensions, trend(d.ID, d.Title, vs))
	}
	var ws []float64
	for _, g := range gs {
		if g.Weighted != nil {
			ws = append(ws, *g.Weighted)
		}
	}
	cr.Weighted = trend("weighted_total", words.In(lang, "weighted"), ws)
	for _, id := range CohortMeasures {
		var vs []float64
		for _, g := range gs {
			if v, ok := measureValue(g.Measures, id); ok {
				vs = append(vs, v)
			}
		}
		cr.Measures = append(cr.Measures, trend(id, words.In(lang, "measure_"+id), vs))
	}
	return cr
}

// measureValue is the measure id of a group's log, if it has a log and
// the measure could be computed from it.
func measureValue(m *measure.Group, id string) (float64, bool) {
	if m == nil {
		return 0, false
	}
	// From the values alone: a measure the log cannot give (a Gini
	// from a log of phase times) is not there, rather than a zero that
	// reads as equal talk.
	v, ok := m.Values[id]
	return v, ok
}

// trend is the mean of vs, nil when there are none.
func trend(id, title string, vs []float64) Trend {
	t := Trend{ID: id, Title: title, N: len(vs)}
	if len(vs) == 0 {
		return t
	}
	sum := 0.0
	for _, v := range vs {
		sum += v
	}
	m := scenario.Round3(sum / float64(len(vs)))
	t.Mean = &m
	return t
}

// setChanges gives each figure of r its change from the same figure of
// prev, the round before.
func setChanges(r, prev *CohortRound) {
	if prev == nil {
		return
	}
	change := func(t *Trend, before Trend) {
		if t.Mean != nil && before.Mean != nil {
			c := scenario.Round3(*t.Mean - *before.Mean)
			t.Change = &c
		}
	}
	for i := range r.Dimensions {
		change(&r.Dimensions[i], prev.Dimensions[i])
	}
	change(&r.Weighted, prev.Weighted)
	for i := range r.Measures {
		change(&r.Measures[i], prev.Measures[i])
	}
}
