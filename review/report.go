package review

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/review/measure"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// KindReport is the kind of a debrief report in JSON.
const KindReport = "report"

// Report is the debrief report: per group and dimension the reviewers'
// scores, a weighted total and a ranking per round; how far the reviewers
// agree, where they split and how lenient each is; and for each group a
// debrief guide and an improvement plan. [BuildReport] makes it and
// [RenderReport] writes it as HTML, Markdown, JSON or CSV.
type Report struct {
	Version   int          `json:"version"`
	Kind      string       `json:"kind"`
	Language  string       `json:"language"`
	Scenario  ScenarioInfo `json:"scenario"`
	Rubric    RubricInfo   `json:"rubric"`
	Reviewers []string     `json:"reviewers"`
	Sheets    int          `json:"sheets"`
	// Demo is set when the scores are demo data (see [DemoScoresheets]),
	// which every rendering then says at the top.
	Demo bool `json:"demo,omitempty"`
	// Agreement has one entry per rubric dimension, over every group of
	// every round.
	Agreement []DimensionAgreement `json:"agreement"`
	Leniency  []ReviewerLeniency   `json:"leniency"`
	Flags     []Flag               `json:"disagreements"`
	Rounds    []RoundReport        `json:"rounds"`
	// MeasureFlags are where a group's scores and its measures disagree,
	// of every group, in the order of the groups; MeasureDefinitions say
	// what each measure is, when any group has measures.
	MeasureFlags       []MeasureFlag       `json:"measure_flags,omitempty"`
	MeasureDefinitions []MeasureDefinition `json:"measure_definitions,omitempty"`
}

// ScenarioInfo names the scenario of the report.
type ScenarioInfo struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// RubricInfo is the rubric of the report, in the report's language.
type RubricInfo struct {
	ID         string          `json:"id"`
	Title      string          `json:"title"`
	Scale      scenario.Scale  `json:"scale"`
	Dimensions []DimensionInfo `json:"dimensions"`
}

// DimensionInfo is one rubric dimension as the report shows it.
type DimensionInfo struct {
	ID     string  `json:"id"`
	Title  string  `json:"title"`
	Weight float64 `json:"weight"`
	// Owner is the role function answerable for the dimension in an
	// improvement plan, as the rubric says ([scenario.Dimension.Owner]);
	// empty for the whole group.
	Owner string `json:"owner"`
}

// RoundReport is one round: its groups in group order.
type RoundReport struct {
	Round  int           `json:"round"`
	Groups []GroupReport `json:"groups"`
}

// GroupReport is one group of one round.
type GroupReport struct {
	Round     int          `json:"round"`
	Group     int          `json:"group"`
	Members   []MemberInfo `json:"members"`
	Reviewers []string     `json:"reviewers"`
	// Dimensions has one entry per rubric dimension, in rubric order.
	Dimensions []DimensionStats `json:"dimensions"`
	// Weighted is the mean of the dimension means weighted by the
	// dimensions' weights, on the rubric's scale; nil with no scores.
	Weighted *float64 `json:"weighted_total"`
	// Rank is the group's place in its round by Weighted (1 is best;
	// ties share a place); 0 when the group has no scores.
	Rank         int      `json:"rank,omitempty"`
	Weakest      []string `json:"weakest,omitempty"`
	Strengths    []Note   `json:"strengths,omitempty"`
	Improvements []Note   `json:"improvements,omitempty"`
	Debrief      Debrief  `json:"debrief"`
	Plan         []Action `json:"improvement_plan"`
	// Measures are the group's measures from its drill log; nil when the
	// report was given no log of the group.
	Measures *measure.Group `json:"measures,omitempty"`
	// MeasureReadings put the group's measures beside its scores, one
	// per measure the rubric maps to each dimension; MeasureFlags are
	// where the two disagree.
	MeasureReadings []MeasureReading `json:"measure_readings,omitempty"`
	MeasureFlags    []MeasureFlag    `json:"measure_flags,omitempty"`
	// LogNotes are the notes the trainer wrote in the group's drill log
	// (live.KindNote), by time. They are the trainer's: a trainee's
	// progress page never shows them.
	LogNotes []LogNote `json:"log_notes,omitempty"`
}

// MemberInfo is one member of a group and the role they played.
type MemberInfo struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Role     string `json:"role"`
	Title    string `json:"role_title"`
	Function string `json:"function,omitempty"`
}

// DimensionStats are the scores of one group on one dimension.
type DimensionStats struct {
	ID    string   `json:"id"`
	Title string   `json:"title"`
	Mean  *float64 `json:"mean"`
	Min   *int     `json:"min"`
	Max   *int     `json:"max"`
	// N counts the reviewers who gave a score.
	N      int             `json:"n"`
	Scores []ReviewerScore `json:"scores"`
}

// Note is something a reviewer wrote.
type Note struct {
	Reviewer string `json:"reviewer"`
	Text     string `json:"text"`
}

// Debrief is a guide for the trainer's debrief of one group, in the
// phases of the PEARLS framework (reactions, description, analysis,
// summary), with ORID questions (objective, reflective, interpretive,
// decisional) aimed at the group's weakest dimensions.
type Debrief struct {
	Phases   []DebriefPhase      `json:"phases"`
	Evidence []DimensionEvidence `json:"evidence,omitempty"`
}

// DebriefPhase is one phase of the debrief and its questions.
type DebriefPhase struct {
	Phase     string     `json:"phase"` // reactions, description, analysis, summary
	Title     string     `json:"title"`
	Questions []Question `json:"questions"`
}

// Question is one question of the debrief guide. Level is the ORID level
// (objective, reflective, interpretive, decisional) of questions aimed at
// a Dimension.
type Question struct {
	Level     string `json:"level,omitempty"`
	Dimension string `json:"dimension,omitempty"`
	Text      string `json:"text"`
}

// DimensionEvidence is what reviewers wrote about one of the group's
// weakest dimensions.
type DimensionEvidence struct {
	Dimension string          `json:"dimension"`
	Title     string          `json:"title"`
	Mean      *float64        `json:"mean"`
	Scores    []ReviewerScore `json:"scores"`
}

// Action is one row of a group's improvement plan: the area (a rubric
// dimension, or empty for the group as a whole), what to do, who owns it
// and by when. Rows from reviewers' improvements carry the reviewer; rows
// the trainer should fill in have an empty Action.
type Action struct {
	Area      string `json:"area,omitempty"`
	AreaTitle string `json:"area_title"`
	Action    string `json:"action"`
	Owner     string `json:"owner"`
	Due       string `json:"due"`
	Reviewer  string `json:"reviewer,omitempty"`
}

// BuildReport aggregates the sheets of a plan into a debrief report. The
// sheets should have been read with [ParseScoresheets] and checked with
// [CheckScoresheets]; of two sheets by one reviewer for one group the
// first is used. The report does not depend on the order of the sheets:
// reviewers are sorted by name and groups follow the plan. It is
// [BuildReportLog] without a drill log.
func BuildReport(p *plan.Plan, s *scenario.Scenario, sheets []Scoresheet) *Report {
	return BuildReportLog(p, s, sheets, nil)
}

// BuildReportLog is [BuildReport] with the drill log of the plan's groups:
// each group with entries in log gets its measures ([measure.Of]) beside
// its scores, and flags where the two disagree ([MeasureFlag]). A group is
// measured without its observers (members whose role's function is
// [scenario.FunctionObserver]), who do not speak in the council: they are
// in no speaking share, Gini or count of silent members, and the report
// names them apart. A group
// with a log but no scoresheet is in the report with its measures and no
// rank; a group with neither is left out. The report does not depend on
// the order of the sheets or of the log's entries that carry their own
// times.
func BuildReportLog(p *plan.Plan, s *scenario.Scenario, sheets []Scoresheet, log []live.Entry) *Report {
	return buildReport(p, s, sheets, log, measure.Of)
}

// buildReport is [BuildReportLog] with the function that computes a
// group's measures, which tests replace.
func buildReport(p *plan.Plan, s *scenario.Scenario, sheets []Scoresheet, log []live.Entry, of func(measure.Input) measure.Group) *Report {
	lang := s.Language
	rub := s.Rubric.Rubric
	t := newTable(p, sheets)
	rep := &Report{
		Version: 1, Kind: KindReport, Language: lang,
		Scenario:  ScenarioInfo{ID: s.ID, Title: s.Title},
		Rubric:    RubricInfo{ID: rub.ID, Title: rub.Title.In(lang), Scale: rub.Scale},
		Reviewers: append([]string{}, t.reviewers...),
		Sheets:    len(sheets),
		Demo:      isDemo(sheets),
	}
	if rep.Reviewers == nil {
		rep.Reviewers = []string{}
	}
	for _, d := range rub.Dimensions {
		rep.Rubric.Dimensions = append(rep.Rubric.Dimensions, DimensionInfo{ID: d.ID, Title: d.Title.In(lang), Weight: d.EffectiveWeight(), Owner: d.Owner})
		rep.Agreement = append(rep.Agreement, dimensionAgreement(t, d, lang))
	}
	rep.Leniency = leniency(t, rub.DimensionIDs(), lang)
	rep.Flags = flags(t, rub, lang)

	logs := logByGroup(log)
	agenda := live.AgendaOf(s)
	measured := false
	for _, rd := range p.Rounds {
		rr := RoundReport{Round: rd.Round}
		for _, g := range rd.Groups {
			u := unit{rd.Round, g.Group}
			_, scored := t.sheet[u]
			entries := logs[u]
			if !scored && len(entries) == 0 {
				continue
			}
			gr := buildGroup(t, u, g, s)
			if len(entries) > 0 {
				m := of(measureInput(rd.Round, g, s, agenda, entries))
				gr.Measures = &m
				measured = true
				gr.MeasureFlags = measureReadings(&gr, s)
				gr.LogNotes = logNotes(entries, m.Rhythm.Phases)
				rep.MeasureFlags = append(rep.MeasureFlags, gr.MeasureFlags...)
			}
			rr.Groups = append(rr.Groups, gr)
		}
		if len(rr.Groups) == 0 {
			continue
		}
		rank(rr.Groups)
		rep.Rounds = append(rep.Rounds, rr)
	}
	if measured {
		rep.MeasureDefinitions = measureDefinitions(lang)
	}
	return rep
}

func buildGroup(t *table, u unit, g plan.Group, s *scenario.Scenario) GroupReport {
	gr := GroupReport{Round: u.round, Group: u.group, Members: memberInfo(g, s)}
	for j, name := range t.reviewers {
		sh, ok := t.sheet[u][j]
		if !ok {
			continue
		}
		gr.Reviewers = append(gr.Reviewers, name)
		for _, x := range sh.Strengths {
			gr.Strengths = append(gr.Strengths, Note{Reviewer: name, Text: x})
		}
		for _, x := range sh.Improvements {
			gr.Improvements = append(gr.Improvements, Note{Reviewer: name, Text: x})
		}
	}
	// The weighted total is taken over the unrounded means.
	var wsum, wtot float64
	for _, d := range s.Rubric.Rubric.Dimensions {
		ds, mean := dimensionStats(t, u, d, s.Language)
		if ds.N > 0 {
			w := d.EffectiveWeight()
			wsum += w * mean
			wtot += w
		}
		gr.Dimensions = append(gr.Dimensions, ds)
	}
	if wtot > 0 {
		w := scenario.Round3(wsum / wtot)
		gr.Weighted = &w
	}
	gr.Weakest = weakest(gr.Dimensions, 2)
	gr.Debrief = debrief(gr, s)
	gr.Plan = improvementPlan(gr, s)
	return gr
}

// memberInfo lists a group's members with the role each played.
func memberInfo(g plan.Group, s *scenario.Scenario) []MemberInfo {
	var out []MemberInfo
	for _, m := range g.Members {
		mi := MemberInfo{ID: m.ID, Name: m.Name, Role: m.Role, Title: s.RoleTitle(m.Role)}
		if r, ok := s.Role(m.Role); ok {
			mi.Function = r.Function
		}
		out = append(out, mi)
	}
	return out
}

// dimensionStats gathers the scores of unit u on dimension d, and returns
// their mean unrounded (0 when no reviewer scored it).
func dimensionStats(t *table, u unit, d scenario.Dimension, lang string) (DimensionStats, float64) {
	ds := DimensionStats{ID: d.ID, Title: d.Title.In(lang), Scores: t.reviewerScores(u, d.ID)}
	sum := 0
	for _, sc := range ds.Scores {
		if sc.Score == nil {
			continue
		}
		lo, hi := *sc.Score, *sc.Score
		if ds.N == 0 || lo < *ds.Min {
			ds.Min = &lo
		}
		if ds.N == 0 || hi > *ds.Max {
			ds.Max = &hi
		}
		ds.N++
		sum += *sc.Score
	}
	if ds.N == 0 {
		return ds, 0
	}
	mean := float64(sum) / float64(ds.N)
	m := scenario.Round3(mean)
	ds.Mean = &m
	return ds, mean
}

// weakest returns the ids of the n dimensions with the lowest mean, ties
// broken by rubric order; dimensions without a score are left out.
func weakest(dims []DimensionStats, n int) []string {
	idx := make([]int, 0, len(dims))
	for i, d := range dims {
		if d.Mean != nil {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return *dims[idx[a]].Mean < *dims[idx[b]].Mean })
	var out []string
	for _, i := range idx {
		if len(out) == n {
			break
		}
		out = append(out, dims[i].ID)
	}
	return out
}

// rank places the groups of a round by weighted total, best first; equal
// totals share a place (1, 2, 2, 4).
func rank(groups []GroupReport) {
	var idx []int
	for i := range groups {
		if groups[i].Weighted != nil {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return *groups[idx[a]].Weighted > *groups[idx[b]].Weighted })
	for k, i := range idx {
		if k > 0 && *groups[i].Weighted == *groups[idx[k-1]].Weighted {
			groups[i].Rank = groups[idx[k-1]].Rank
		} else {
			groups[i].Rank = k + 1
		}
	}
}

// Ranking returns the round's groups in rank order, unranked last.
func (r RoundReport) Ranking() []GroupReport {
	out := append([]GroupReport{}, r.Groups...)
	sort.SliceStable(out, func(a, b int) bool {
		ra, rb := out[a].Rank, out[b].Rank
		if ra == 0 || rb == 0 {
			return rb == 0 && ra != 0
		}
		return ra < rb
	})
	return out
}

func (g GroupReport) dimension(id string) (DimensionStats, bool) {
	for _, d := range g.Dimensions {
		if d.ID == id {
			return d, true
		}
	}
	return DimensionStats{}, false
}

// dimensionOwner names who owns improvements of a dimension in this
// group: the role the rubric makes answerable for it, or the whole group.
func dimensionOwner(g GroupReport, s *scenario.Scenario, dim string) string {
	d, _ := s.Rubric.Rubric.Dimension(dim)
	return owner(g, s, d.Owner)
}

// owner names the group's players of the role function fn, with the
// role's title ("Recorder (Bo Wang)"); the whole group when fn is empty.
func owner(g GroupReport, s *scenario.Scenario, fn string) string {
	if fn == "" {
		return words.In(s.Language, "whole_group")
	}
	var names []string
	title := scenario.Label(s.Language, fn)
	for _, m := range g.Members {
		if m.Function == fn {
			names = append(names, m.Name)
			title = m.Title
		}
	}
	if len(names) == 0 {
		return title
	}
	return title + wordf(s.Language, "paren", strings.Join(names, words.In(s.Language, "list_sep")))
}

// inferArea finds the dimension an improvement is about: the one whose id
// or title (in either language) appears first in the text.
func inferArea(text string, rub *scenario.Rubric) string {
	lower := strings.ToLower(text)
	best, at := "", math.MaxInt
	for _, d := range rub.Dimensions {
		names := []string{d.ID, d.Title.In("en"), d.Title.In("zh")}
		for _, n := range names {
			if n == "" {
				continue
			}
			if i := wordIndex(lower, strings.ToLower(n)); i >= 0 && i < at {
				best, at = d.ID, i
			}
		}
	}
	if best != "" {
		return best
	}
	// No dimension named: fall back to the rubric's cues, words that
	// point at a dimension.
	for _, d := range rub.Dimensions {
		for _, cue := range d.Cues {
			cue = strings.ToLower(strings.TrimSpace(cue))
			if cue == "" {
				continue
			}
			if i := wordIndex(lower, cue); i >= 0 && i < at {
				best, at = d.ID, i
			}
		}
	}
	return best
}

// wordIndex is the index of the first place in text where word starts a
// word, or -1: "time" is found in "on time" but not in "sometimes", and
// "floor" not in "ground-floor". A word of Chinese, which is written
// without spaces, is found anywhere.
func wordIndex(text, word string) int {
	first, _ := utf8.DecodeRuneInString(word)
	for from := 0; ; {
		i := strings.Index(text[from:], word)
		if i < 0 {
			return -1
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		if i == 0 || scenario.IsWide(first) || !(unicode.IsLetter(before) || unicode.IsDigit(before) || before == '-') {
			return i
		}
		from = i + len(word)
	}
}

func improvementPlan(g GroupReport, s *scenario.Scenario) []Action {
	lang := s.Language
	rub := s.Rubric.Rubric
	title := func(id string) string {
		if d, ok := rub.Dimension(id); ok {
			return d.Title.In(lang)
		}
		return words.In(lang, "general")
	}
	var out []Action
	seen := map[string]bool{}
	covered := map[string]bool{}
	for _, n := range g.Improvements {
		if seen[n.Text] {
			continue
		}
		seen[n.Text] = true
		area := inferArea(n.Text, rub)
		covered[area] = true
		out = append(out, Action{Area: area, AreaTitle: title(area), Action: n.Text, Owner: dimensionOwner(g, s, area), Reviewer: n.Reviewer})
	}
	for _, id := range g.Weakest {
		if !covered[id] {
			out = append(out, Action{Area: id, AreaTitle: title(id), Owner: dimensionOwner(g, s, id)})
		}
	}
	return out
}

// levelAt returns the descriptor of the level nearest to score, and of the
// level above it (empty at the top of the scale).
func levelAt(d scenario.Dimension, score float64, lang string) (at, next string) {
	want := int(math.Floor(score + 0.5))
	for i, l := range d.Levels {
		if l.Score == want {
			at = l.Descriptor.In(lang)
			if i+1 < len(d.Levels) {
				next = d.Levels[i+1].Descriptor.In(lang)
			}
		}
	}
	return at, next
}

func debrief(g GroupReport, s *scenario.Scenario) Debrief {
	lang := s.Language
	rub := s.Rubric.Rubric
	q := func(key string, args ...any) Question {
		return Question{Text: fmt.Sprintf(words.In(lang, key), args...)}
	}
	host, recorder := owner(g, s, scenario.FunctionHost), owner(g, s, scenario.FunctionRecorder)
	var db Debrief
	db.Phases = append(db.Phases,
		DebriefPhase{Phase: "reactions", Title: words.In(lang, "phase_reactions"), Questions: []Question{
			q("q_react_all"), q("q_react_leads", host, recorder),
		}},
		DebriefPhase{Phase: "description", Title: words.In(lang, "phase_description"), Questions: []Question{
			q("q_describe_record", recorder), q("q_describe_story", s.Issue.FocusQuestion),
		}},
	)
	analysis := DebriefPhase{Phase: "analysis", Title: words.In(lang, "phase_analysis")}
	if len(g.Strengths) > 0 || len(g.Weakest) > 0 {
		analysis.Questions = append(analysis.Questions, q("q_analysis_plus"))
	}
	for k, id := range g.Weakest {
		d, _ := rub.Dimension(id)
		ds, _ := g.dimension(id)
		title := d.Title.In(lang)
		look := words.In(lang, "q_default_look")
		if len(d.LookFor) > 0 {
			look = d.LookFor[k%len(d.LookFor)].In(lang)
		}
		look2 := look
		if len(d.LookFor) > 1 {
			look2 = d.LookFor[(k+1)%len(d.LookFor)].In(lang)
		}
		at, next := levelAt(d, *ds.Mean, lang)
		own := dimensionOwner(g, s, id)
		add := func(level, key string, args ...any) {
			analysis.Questions = append(analysis.Questions, Question{Level: level, Dimension: id, Text: fmt.Sprintf(words.In(lang, key), args...)})
		}
		add("objective", "q_objective", title, trimStop(look))
		add("reflective", "q_reflective", title)
		if next != "" {
			add("interpretive", "q_interpretive", title, trimStop(at), trimStop(next), trimStop(look2))
		} else {
			add("interpretive", "q_interpretive_top", title, trimStop(at))
		}
		add("decisional", "q_decisional", title, own)
		db.Evidence = append(db.Evidence, DimensionEvidence{Dimension: id, Title: title, Mean: ds.Mean, Scores: ds.Scores})
	}
	db.Phases = append(db.Phases, analysis,
		DebriefPhase{Phase: "summary", Title: words.In(lang, "phase_summary"), Questions: []Question{
			q("q_summary_take"), q("q_summary_plan"),
		}},
	)
	return db
}

// trimStop drops a final full stop so a sentence can be quoted inside
// another.
func trimStop(s string) string { return strings.TrimRight(strings.TrimSpace(s), ".。") }

// wordf is the format key of words in lang, filled in with args.
func wordf(lang, key string, args ...any) string { return fmt.Sprintf(words.In(lang, key), args...) }

// words holds the fixed words of scoresheets and reports in each language;
// words every document shares come from [scenario.Words.In]'s fallback.
var words = scenario.Words{
	"en": {
		"scoresheet_title": "Scoresheet", "report_title": "Debrief report",
		"sheet_help_yaml": "Give each dimension a whole-number score and the evidence you saw (phase, minute, who said what). Leave a score empty if you did not see it.",
		"reviewer":        "Reviewer", "round": "Round", "group": "Group", "members": "Members",
		"evidence": "evidence", "Evidence": "Evidence", "strengths": "Strengths", "improvements": "Improvements",
		"strengths_help":    "What the group did well, one item per line.",
		"improvements_help": "What the group should do differently next time, one item per line; name the dimension (e.g. \"rhythm: ...\") so the report can give it an owner.",
		"score":             "Score", "scale": "Scale", "role": "Role", "name": "Name", "dimension": "Dimension",
		"mean": "Mean", "range": "Min–max", "n": "Reviewers", "weighted": "Weighted total", "rank": "Rank",
		"ranking": "Ranking", "agreement": "Agreement between reviewers", "alpha": "Krippendorff's α (ordinal)",
		"icc": "ICC(2,1)", "units": "Groups rated twice+", "reading": "Reading", "leniency": "Reviewer leniency",
		"leniency_help": "Mean of (this reviewer's score − the other reviewers' mean) over every group and dimension they shared. Positive: more lenient than the others.",
		"compared":      "Scores compared", "sheets": "Sheets", "flags": "Where reviewers differ by 2 points or more",
		"no_flags": "No group and dimension where reviewers differ by 2 points or more.",
		"spread":   "Spread", "debrief": "Debrief guide", "weakest": "Weakest dimensions", "plan": "Improvement plan",
		"area": "Area", "action": "Action", "owner": "Owner", "due": "By when", "whole_group": "Whole group",
		"general": "General", "not_computable": "not computable", "heatmap": "Mean score by group and dimension",
		"bars": "Scores by group", "agreement_help": "Units are groups (of every round), raters are reviewers. α ≥ 0.8 reliable, ≥ 0.667 tentative (Krippendorff). With few groups these figures are rough.",
		"alpha_reliable": "reliable", "alpha_tentative": "tentative", "alpha_unreliable": "not reliable",
		"nc_one_reviewer": "only one reviewer scored this dimension", "nc_no_scores": "no reviewer scored this dimension", "nc_no_pairs": "no group was scored by two reviewers",
		"nc_all_same":     "every score is the same, so there is no disagreement to measure",
		"nc_few_complete": "fewer than two groups were scored by every reviewer", "nc_no_variance": "the scores do not vary",
		"nc_no_shared": "no group shared with another reviewer", "reviewers": "Reviewers", "scenario": "Scenario",
		"levels": "Level descriptors", "look_for": "Look for", "no_reviews": "No scoresheets.",
		"phase_reactions": "Reactions", "phase_description": "Description", "phase_analysis": "Analysis", "phase_summary": "Summary",
		"objective": "Objective", "reflective": "Reflective", "interpretive": "Interpretive", "decisional": "Decisional",
		"q_react_all":        "Going round the table: how are you feeling now that the council is over? One word each.",
		"q_react_leads":      "%s and %s: what was it like to run the meeting?",
		"q_describe_record":  "%s: read back what the council agreed, and who does what next.",
		"q_describe_story":   "In two sentences: the focus question was \"%s\" — where did the group end up?",
		"q_analysis_plus":    "What went well, and why? (Use the strengths below.) Then look at the two weakest dimensions:",
		"q_objective":        "%s — What did you see and hear at the moment the group needed this: %s? Who said what, and when?",
		"q_reflective":       "%s — How did that moment feel, for the host and for the parties? Where did the energy rise or drop?",
		"q_interpretive":     "%s — Reviewers saw: \"%s\". A group one level up: \"%s\". What got in the way? Think of: \"%s\".",
		"q_interpretive_top": "%s — Reviewers saw: \"%s\". What made this work, and how would you do it again under pressure?",
		"q_decisional":       "%s — What will you do differently next time, and who does it? (Owner: %s)",
		"q_default_look":     "the behaviours the rubric describes",
		"q_summary_take":     "Each of you: one thing you will keep doing, and one thing you will change.",
		"q_summary_plan":     "Fill in the improvement plan below together: area, action, owner, by when.",
		"demo_note":          "This report was made from demo data.",
		"sheet_id":           "Sheet id", "sheet_id_help": "names the group this sheet is for, with its members and roles; leave it as it is",
		"levels_marker": "# levels", "scored_by": "%d of %d reviewers",
		"round_tab": "Round %d", "score_prompt_title": "Score",
		"score_prompt":      "A whole number from %d to %d. Point at the column's header to see what each level means.",
		"score_error_title": "Not a score", "score_error": "Scores are whole numbers from %d to %d.",
		"partial_note": "(n/m): only n of the group's m reviewers scored this dimension, so its mean rests on fewer scores.",
		// Formats: a round, group or place by its number, and an aside
		// in brackets after what it is about ("Recorder (Bo Wang)").
		"round_n": "Round %d", "group_n": "Group %d", "rank_n": "Rank %d", "paren": " (%s)",
	},
	"zh": {
		"scoresheet_title": "评分表", "report_title": "复盘报告",
		"sheet_help_yaml": "每个维度给出整数分，并写明证据（哪个环节、第几分钟、谁说了什么）。没有观察到的维度可以留空。",
		"reviewer":        "评分人", "round": "轮次", "group": "组", "members": "成员",
		"evidence": "证据", "Evidence": "证据", "strengths": "优点", "improvements": "改进建议",
		"strengths_help":    "小组做得好的地方，每行一条。",
		"improvements_help": "小组下次应改进的地方，每行一条；写明维度（如“节奏把控：……”），报告才能确定负责人。",
		"score":             "分数", "scale": "分值", "role": "角色", "name": "姓名", "dimension": "维度",
		"mean": "平均分", "range": "最低–最高", "n": "评分人数", "weighted": "加权总分", "rank": "名次",
		"ranking": "排名", "agreement": "评分人一致性", "alpha": "Krippendorff α（顺序）",
		"icc": "ICC(2,1)", "units": "两人以上评分的组数", "reading": "解读", "leniency": "评分宽严",
		"leniency_help": "该评分人的分数减去其他评分人对同一组同一维度的平均分，再对所有共同评分取平均。正数表示比其他人宽松。",
		"compared":      "比较的评分数", "sheets": "评分表数", "flags": "评分相差 2 分及以上之处",
		"no_flags": "没有评分相差 2 分及以上的组和维度。",
		"spread":   "差距", "debrief": "复盘引导", "weakest": "最弱的维度", "plan": "改进计划",
		"area": "方面", "action": "行动", "owner": "负责人", "due": "完成时间", "whole_group": "全组",
		"general": "综合", "not_computable": "无法计算", "heatmap": "各组各维度平均分",
		"bars": "各组得分", "agreement_help": "单位为各组（含各轮），评分者为评分人。α ≥ 0.8 为可靠，≥ 0.667 为可暂用（Krippendorff）。组数少时这些数字只是粗略估计。",
		"alpha_reliable": "可靠", "alpha_tentative": "可暂用", "alpha_unreliable": "不可靠",
		"nc_one_reviewer": "只有一位评分人为该维度打分", "nc_no_scores": "还没有评分人为该维度打分", "nc_no_pairs": "没有任何一组由两位评分人打分",
		"nc_all_same":     "所有分数都相同，无从衡量分歧",
		"nc_few_complete": "由全部评分人打分的组少于两个", "nc_no_variance": "分数没有变化",
		"nc_no_shared": "没有与其他评分人共同评过的组", "reviewers": "评分人", "scenario": "情景",
		"levels": "等级描述", "look_for": "观察要点", "no_reviews": "没有评分表。",
		"phase_reactions": "感受", "phase_description": "描述", "phase_analysis": "分析", "phase_summary": "总结",
		"objective": "客观性问题", "reflective": "反映性问题", "interpretive": "诠释性问题", "decisional": "决定性问题",
		"q_react_all":        "轮流说一说：议事会结束了，你现在是什么感受？每人一个词。",
		"q_react_leads":      "%s和%s：主持和记录这场会议是什么感觉？",
		"q_describe_record":  "%s：请读一下议事会达成了什么共识，下一步由谁做什么。",
		"q_describe_story":   "用两句话说：焦点问题是“%s”，小组最后走到了哪一步？",
		"q_analysis_plus":    "哪些地方做得好？为什么？（参考下面的优点。）然后看最弱的两个维度：",
		"q_objective":        "%s——在需要做到“%s”的时候，你看到、听到了什么？谁在什么时候说了什么？",
		"q_reflective":       "%s——那一刻主持人和各方有什么感受？气氛在哪里升高、在哪里冷下来？",
		"q_interpretive":     "%s——评分人看到的是：“%s”。高一个等级的小组会：“%s”。是什么阻碍了你们？可以想一想：“%s”。",
		"q_interpretive_top": "%s——评分人看到的是：“%s”。是什么让它奏效？压力更大时你们如何再做到？",
		"q_decisional":       "%s——下次你们会怎么做？由谁来做？（负责人：%s）",
		"q_default_look":     "量表描述的行为",
		"q_summary_take":     "每人说一件会继续做的事，和一件会改变的事。",
		"q_summary_plan":     "一起填写下面的改进计划：方面、行动、负责人、完成时间。",
		"demo_note":          "本报告由演示数据生成。",
		"sheet_id":           "评分表编号", "sheet_id_help": "标识本评分表所对应的小组及其成员和角色，请勿修改",
		"levels_marker": "# 等级说明", "scored_by": "%d/%d 位评分人",
		"round_tab": "第%d轮", "score_prompt_title": "评分",
		"score_prompt":      "填 %d 到 %d 的整数。指向列标题可查看各等级的说明。",
		"score_error_title": "分数无效", "score_error": "分数是 %d 到 %d 的整数。",
		"partial_note": "(n/m)：该组 m 位评分人中只有 n 位为该维度打分，平均分所依据的分数较少。",
		"round_n":      "第 %d 轮", "group_n": "第 %d 组", "rank_n": "第 %d 名", "paren": "（%s）",
	},
}
