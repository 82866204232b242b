package cards

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// MasterSheet is the trainer's overview of a drill day: every round,
// group, member and role, the timetable, and the inject schedule with the
// trainees who receive each inject. It is for the trainer only: it names
// who plays which role and holds every inject's text.
type MasterSheet struct {
	// TrainerOnly is always true, and Notice says in Language that the sheet
	// is for the trainer only, so that the JSON file says it too, as the
	// other formats do. [RenderMaster] fills both when they are empty.
	TrainerOnly bool   `json:"trainer_only"`
	Notice      string `json:"notice"`

	Language      string `json:"language"`
	ScenarioID    string `json:"scenario_id"`
	ScenarioTitle string `json:"scenario_title"`
	Method        string `json:"method"`
	Duration      int    `json:"duration_minutes"`
	FocusQuestion string `json:"focus_question"`
	// Trainer is the scenario's notes for the trainer, if it has any.
	Trainer *MasterTrainer `json:"trainer,omitempty"`
	Seed    uint64         `json:"seed"`
	// Trainees counts the distinct trainees in the rounds shown.
	Trainees  int            `json:"trainees"`
	Rounds    []MasterRound  `json:"rounds"`
	Timetable []CardPhase    `json:"timetable"`
	Injects   []MasterInject `json:"injects"`
	Unmet     []plan.Unmet   `json:"unmet,omitempty"`
	Warnings  []string       `json:"warnings,omitempty"`
	// Changes are the changes on the day made to the plan, oldest first.
	Changes []MasterChange `json:"changes,omitempty"`
}

// MasterTrainer is the scenario's notes for the trainer, which no
// trainee's card shows: where the parties' confidential interests overlap
// (the zone of agreement), one agreement a group could reach, and tips for
// running the drill. The two texts keep their paragraphs.
type MasterTrainer struct {
	ZoneOfAgreement   string   `json:"zone_of_agreement,omitempty"`
	PossibleAgreement string   `json:"possible_agreement,omitempty"`
	Tips              []string `json:"tips,omitempty"`
}

// masterTrainer is the scenario's notes for the master sheet, or nil when
// it has none.
func masterTrainer(s *scenario.Scenario) *MasterTrainer {
	t := MasterTrainer{
		ZoneOfAgreement:   tidyText(s.Trainer.ZoneOfAgreement),
		PossibleAgreement: tidyText(s.Trainer.PossibleAgreement),
	}
	for _, tip := range s.Trainer.Tips {
		if tip = scenario.OneLine(tip); tip != "" {
			t.Tips = append(t.Tips, tip)
		}
	}
	if t.ZoneOfAgreement == "" && t.PossibleAgreement == "" && len(t.Tips) == 0 {
		return nil
	}
	return &t
}

// MasterRound is one round of the master sheet.
type MasterRound struct {
	Round int `json:"round"`
	// Name is the scenario's name of the round, Start and End its clock
	// times on a timed day, and Timetable the agenda on that clock.
	Name      string        `json:"name,omitempty"`
	Start     string        `json:"start,omitempty"`
	End       string        `json:"end,omitempty"`
	Timetable []CardPhase   `json:"timetable,omitempty"`
	Groups    []MasterGroup `json:"groups"`
	// Out are those who sit the round out, absent or not attending it.
	Out []SittingOut `json:"out,omitempty"`
}

// When is the round's name and clock times, "上午 · 09:00–10:00", or "".
func (r MasterRound) When() string { return roundWhen(r.Name, r.Start, r.End) }

// MasterGroup is one group of the master sheet.
type MasterGroup struct {
	Group   int            `json:"group"`
	Table   string         `json:"table,omitempty"`
	Members []MasterMember `json:"members"`
}

// MasterMember is a trainee and the role they play.
type MasterMember struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Unit string `json:"unit"`
	// Background is the background's label in the scenario's language.
	Background string `json:"background"`
	RoleID     string `json:"role_id"`
	RoleTitle  string `json:"role_title"`
	Function   string `json:"function,omitempty"`
	Note       string `json:"note,omitempty"`
	// Remarks is the roster's remarks cell of the trainee (备注).
	Remarks string `json:"remarks,omitempty"`
}

// HasRemarks reports whether any member of the sheet has remarks, so
// that the member tables show a remarks column only then.
func (m MasterSheet) HasRemarks() bool {
	for _, rd := range m.Rounds {
		for _, g := range rd.Groups {
			for _, mem := range g.Members {
				if mem.Remarks != "" {
					return true
				}
			}
		}
	}
	return false
}

// MasterInject is one inject with its time and, for each round and group,
// the trainees who receive it.
type MasterInject struct {
	ID          string   `json:"id,omitempty"`
	At          string   `json:"at"` // clock time from the start, "0:22"
	Minutes     int      `json:"minutes"`
	ToIDs       []string `json:"to_ids"`
	To          []string `json:"to"` // role titles
	Text        string   `json:"text"`
	Exercises   []string `json:"exercises,omitempty"`
	TrainerNote string   `json:"trainer_note,omitempty"`
	// Recipients lists, per round and group, who gets the inject; Names is
	// empty when no member of the group plays any of the roles.
	Recipients []InjectRecipients `json:"recipients"`
}

// InjectRecipients are the members of one group who receive an inject.
type InjectRecipients struct {
	Round int `json:"round"`
	Group int `json:"group"`
	// Clock is when to hand the inject over in the round ("09:25"), on a
	// timed day.
	Clock string   `json:"clock,omitempty"`
	Table string   `json:"table,omitempty"`
	Names []string `json:"names"`
}

// Master builds the master sheet of the plan, or of one round of it when
// round is above zero.
func Master(p *plan.Plan, s *scenario.Scenario, round int) MasterSheet {
	lang := s.Language
	m := MasterSheet{
		TrainerOnly: true, Notice: words.In(lang, "trainer_notice"),
		Language: lang, ScenarioID: s.ID, ScenarioTitle: s.Title,
		Method: scenario.Label(lang, s.Method), Duration: s.Duration.Minutes(),
		FocusQuestion: scenario.OneLine(s.Issue.FocusQuestion), Trainer: masterTrainer(s), Seed: p.Seed,
		Timetable: cardAgenda(s), Warnings: p.Warnings,
	}
	m.Rounds, m.Trainees = masterRounds(p, s, round)
	m.Changes = masterChanges(p, lang)
	for _, u := range p.Unmet {
		if round == 0 || u.Round == round {
			m.Unmet = append(m.Unmet, u)
		}
	}
	for _, in := range s.Injects {
		m.Injects = append(m.Injects, masterInject(p, s, in, round))
	}
	return m
}

// translate puts the texts the plan keeps in English (notes, unmet rules
// and their details, warnings) through tr, when there is one. The JSON
// file keeps an unmet rule's id, which programs read.
func (m *MasterSheet) translate(tr func(string) string, keepIDs bool) {
	if tr == nil {
		return
	}
	for i := range m.Rounds {
		for j := range m.Rounds[i].Groups {
			members := m.Rounds[i].Groups[j].Members
			for k := range members {
				if members[k].Note != "" {
					members[k].Note = tr(members[k].Note)
				}
			}
		}
	}
	unmet := make([]plan.Unmet, len(m.Unmet))
	for i, u := range m.Unmet {
		if !keepIDs {
			u.Rule = tr(u.Rule)
		}
		u.Detail = tr(u.Detail)
		unmet[i] = u
	}
	m.Unmet = unmet
	warnings := make([]string, len(m.Warnings))
	for i, w := range m.Warnings {
		warnings[i] = tr(w)
	}
	m.Warnings = warnings
}

// MasterChange is one change on the day made to the plan, as the master
// sheet lists it: from which round, who was absent, how many walked in,
// the swaps and moves, and the seats moved against the fewest possible.
type MasterChange struct {
	FromRound  int      `json:"from_round"`
	Absent     []string `json:"absent,omitempty"`
	WalkIns    int      `json:"walk_ins,omitempty"`
	Swaps      []string `json:"swaps,omitempty"`
	Moves      []string `json:"moves,omitempty"`
	Moved      int      `json:"moved"`
	LowerBound int      `json:"lower_bound"`
	// Line is the change in words, in the scenario's language.
	Line string `json:"-"`
}

// masterChanges lists the plan's amendments, each absent trainee by name
// and id as the plan's rounds know them.
func masterChanges(p *plan.Plan, lang string) []MasterChange {
	names := map[string]string{}
	for _, rd := range p.Rounds {
		for _, g := range rd.Groups {
			for _, m := range g.Members {
				names[m.ID] = m.Name
			}
		}
		for _, o := range rd.Out {
			names[o.ID] = o.Name
		}
	}
	var out []MasterChange
	for _, a := range p.Amendments {
		c := MasterChange{FromRound: a.FromRound, Swaps: a.Swaps, Moves: a.Moves, Moved: a.Moved, LowerBound: a.LowerBound}
		for _, id := range a.Absent {
			c.Absent = append(c.Absent, strings.TrimSpace(names[id]+" "+id))
		}
		if a.Added != nil {
			c.WalkIns = a.Added.Trainees
		}
		L := func(k string) string { return words.In(lang, k) }
		parts := []string{fmt.Sprintf(L("change_from_round"), a.FromRound)}
		if len(c.Absent) > 0 {
			parts = append(parts, L("change_absent")+L("colon")+strings.Join(c.Absent, listSep(lang)))
		}
		if c.WalkIns > 0 {
			parts = append(parts, fmt.Sprintf(L("change_walk_ins"), c.WalkIns))
		}
		if len(c.Swaps) > 0 {
			parts = append(parts, L("change_swaps")+L("colon")+strings.Join(c.Swaps, listSep(lang)))
		}
		if len(c.Moves) > 0 {
			parts = append(parts, L("change_moves")+L("colon")+strings.Join(c.Moves, listSep(lang)))
		}
		parts = append(parts, fmt.Sprintf(L("change_moved"), a.Moved, a.LowerBound))
		c.Line = strings.Join(parts, L("change_sep"))
		out = append(out, c)
	}
	return out
}

// masterRounds lists the rounds shown, or the one round, with who plays
// what in each group, and counts the distinct trainees in them.
func masterRounds(p *plan.Plan, s *scenario.Scenario, round int) (rounds []MasterRound, trainees int) {
	seen := map[string]bool{}
	for _, rd := range p.Rounds {
		if round > 0 && rd.Round != round {
			continue
		}
		mr := MasterRound{Round: rd.Round, Name: rd.Name, Start: rd.Start, End: rd.End}
		if rd.Timed() {
			mr.Timetable = roundAgenda(cardAgenda(s), s, &rd)
		}
		for _, g := range rd.Groups {
			mg := MasterGroup{Group: g.Group, Table: g.Table}
			for _, mem := range g.Members {
				seen[mem.ID] = true
				mg.Members = append(mg.Members, masterMember(s, mem))
			}
			mr.Groups = append(mr.Groups, mg)
		}
		mr.Out = sittingOut(s, rd)
		rounds = append(rounds, mr)
	}
	return rounds, len(seen)
}

// masterMember is a member of a group with their background and role in
// the scenario's words.
func masterMember(s *scenario.Scenario, mem plan.Member) MasterMember {
	lang := s.Language
	mm := MasterMember{ID: mem.ID, Name: mem.Name, Unit: mem.Unit, Background: mem.Background, RoleID: mem.Role, Note: mem.Note, Remarks: scenario.OneLine(mem.Remarks)}
	if b, ok := s.Background(mem.Background); ok {
		mm.Background = b.Label.In(lang)
	}
	if r, ok := s.Role(mem.Role); ok {
		mm.RoleTitle = r.DisplayTitle()
		// "记录员 (记录员)" says nothing twice: name the function only
		// when the title does not.
		if f := scenario.Label(lang, r.Function); !strings.Contains(strings.ToLower(mm.RoleTitle), strings.ToLower(f)) {
			mm.Function = f
		}
	} else if mem.Role != "" {
		mm.RoleTitle = mem.Role
	}
	return mm
}

// masterInject is an inject with, per group of the rounds shown, the
// members who receive it.
func masterInject(p *plan.Plan, s *scenario.Scenario, in scenario.Inject, round int) MasterInject {
	mi := MasterInject{
		ID: in.ID, At: scenario.Clock(in.At.Minutes()), Minutes: in.At.Minutes(),
		ToIDs: in.To, Text: scenario.OneLine(in.Text), Exercises: s.DimensionTitles(in.Exercises),
		TrainerNote: scenario.OneLine(in.TrainerNote),
	}
	for _, id := range in.To {
		mi.To = append(mi.To, s.RoleTitle(id))
	}
	for _, r := range p.InjectRecipients(in, round) {
		rec := InjectRecipients{Round: r.Round, Group: r.Group, Names: []string{}}
		if rd, ok := p.Round(r.Round); ok {
			rec.Clock = rd.Clock(in.At.Minutes())
			if g, ok := rd.Group(r.Group); ok {
				rec.Table = g.Table
			}
		}
		for _, mem := range r.Members {
			rec.Names = append(rec.Names, fmt.Sprintf("%s (%s)", mem.Name, mem.ID))
		}
		mi.Recipients = append(mi.Recipients, rec)
	}
	return mi
}

// RenderMaster renders the master sheet as html (print-ready A4), md, txt
// or json.
func RenderMaster(m MasterSheet, format string) ([]byte, error) {
	L := func(k string) string { return words.In(m.Language, k) }
	m.TrainerOnly = true
	if m.Notice == "" {
		m.Notice = L("trainer_notice")
	}
	switch format {
	case FormatHTML:
		var buf bytes.Buffer
		err := pages.ExecuteTemplate(&buf, "master.html.tmpl", masterPage{page{m.Language}, m})
		return buf.Bytes(), err
	case FormatJSON:
		return marshalJSON(m)
	case FormatMarkdown:
		return []byte(masterMarkdown(m, L)), nil
	case FormatText:
		return []byte(masterText(m, L)), nil
	}
	return nil, formatError(format)
}

// masterPage is what the master sheet's HTML template is given.
type masterPage struct {
	page
	M MasterSheet
}

// Nobody is what the sheet says for a group that nobody in receives in.
func (p masterPage) Nobody(in MasterInject) string { return nobodyLine(in, p.L) }

// masterMarkdown writes the master sheet in Markdown, its sections in the
// order of the HTML sheet.
func masterMarkdown(m MasterSheet, L func(string) string) string {
	var b strings.Builder
	mdMasterHead(&b, m, L)
	mdMasterTrainer(&b, m, L)
	mdMasterProblems(&b, m, L)
	mdMasterTimetable(&b, m, L)
	mdMasterRounds(&b, m, L)
	mdMasterInjects(&b, m, L)
	return b.String()
}

func mdMasterHead(b *strings.Builder, m MasterSheet, L func(string) string) {
	e := scenario.EscapeMarkdown
	fmt.Fprintf(b, "> **%s**\n\n", e(L("trainer_only")))
	fmt.Fprintf(b, "# %s%s%s\n\n", e(L("master_sheet")), L("colon"), e(m.ScenarioTitle))
	fmt.Fprintf(b, "%s · %s · %d %s · %s · %s %d\n\n", e(m.ScenarioID), e(m.Method), m.Duration, e(L("minutes")),
		e(fmt.Sprintf(L("trainees_n"), m.Trainees)), e(L("seed")), m.Seed)
	fmt.Fprintf(b, "**%s**%s%s\n\n", e(L("focus_question")), L("colon"), e(m.FocusQuestion))
}

func mdMasterTrainer(b *strings.Builder, m MasterSheet, L func(string) string) {
	e := scenario.EscapeMarkdown
	t := m.Trainer
	if t == nil {
		return
	}
	fmt.Fprintf(b, "## %s\n\n", e(L("trainer_notes")))
	for _, part := range []struct{ key, text string }{
		{"zone_of_agreement", t.ZoneOfAgreement}, {"possible_agreement", t.PossibleAgreement},
	} {
		if part.text == "" {
			continue
		}
		fmt.Fprintf(b, "**%s**\n\n", e(L(part.key)))
		for _, p := range paragraphs(part.text) {
			fmt.Fprintf(b, "%s\n\n", e(p))
		}
	}
	if len(t.Tips) > 0 {
		fmt.Fprintf(b, "**%s**\n\n", e(L("tips")))
		for _, tip := range t.Tips {
			fmt.Fprintf(b, "- %s\n", e(tip))
		}
		b.WriteString("\n")
	}
}

func mdMasterProblems(b *strings.Builder, m MasterSheet, L func(string) string) {
	e := scenario.EscapeMarkdown
	if len(m.Changes) > 0 {
		fmt.Fprintf(b, "## %s\n\n", e(L("changes_on_day")))
		for _, c := range m.Changes {
			fmt.Fprintf(b, "- %s\n", e(c.Line))
		}
		b.WriteString("\n")
	}
	if len(m.Unmet) == 0 && len(m.Warnings) == 0 {
		return
	}
	fmt.Fprintf(b, "## %s / %s\n\n", e(L("unmet")), e(L("warnings")))
	for _, u := range m.Unmet {
		fmt.Fprintf(b, "- %s — %s%s%s\n", e(unmetWhere(u, L)), e(u.Rule), L("colon"), e(u.Detail))
	}
	for _, w := range m.Warnings {
		fmt.Fprintf(b, "- %s\n", e(w))
	}
	b.WriteString("\n")
}

func mdMasterTimetable(b *strings.Builder, m MasterSheet, L func(string) string) {
	e := scenario.EscapeMarkdown
	fmt.Fprintf(b, "## %s\n\n| %s | %s | %s |\n| --- | --- | --- |\n", e(L("timetable")), e(L("time")), e(L("phase")), e(L("led_by")))
	for _, ph := range m.Timetable {
		fmt.Fprintf(b, "| %s–%s | %s (%d %s) | %s |\n", ph.Start, ph.End, e(ph.Title), ph.Minutes, e(L("minutes")), e(ph.LedBy))
	}
}

func mdMasterInjects(b *strings.Builder, m MasterSheet, L func(string) string) {
	e := scenario.EscapeMarkdown
	if len(m.Rounds) == 0 {
		b.WriteString("\n") // after the timetable's last row
	}
	fmt.Fprintf(b, "## %s\n\n", e(L("inject_schedule")))
	if len(m.Injects) == 0 {
		fmt.Fprintf(b, "%s\n\n", e(L("no_injects")))
	}
	for _, in := range m.Injects {
		fmt.Fprintf(b, "### %s · %s %s\n\n%s\n\n", in.At, e(L("to")), e(strings.Join(in.To, listSep(m.Language))), e(in.Text))
		if len(in.Exercises) > 0 {
			fmt.Fprintf(b, "%s%s%s\n\n", e(L("exercises")), L("colon"), e(strings.Join(in.Exercises, listSep(m.Language))))
		}
		if in.TrainerNote != "" {
			fmt.Fprintf(b, "*%s*%s%s\n\n", e(L("trainer_note")), L("colon"), e(in.TrainerNote))
		}
		fmt.Fprintf(b, "| %s | |\n| --- | --- |\n", e(L("recipients")))
		for _, r := range in.Recipients {
			fmt.Fprintf(b, "| %s | %s |\n", e(recipientWhere(r, L)), e(recipientNames(in, r, L, m.Language)))
		}
		b.WriteString("\n")
	}
}

func mdMasterRounds(b *strings.Builder, m MasterSheet, L func(string) string) {
	e := scenario.EscapeMarkdown
	remarks := m.HasRemarks()
	for i, rd := range m.Rounds {
		if i == 0 {
			b.WriteString("\n") // after the timetable's last row
		}
		fmt.Fprintf(b, "## %s\n\n", e(roundHead(rd, L)))
		if len(rd.Timetable) > 0 {
			fmt.Fprintf(b, "| %s | %s |\n| --- | --- |\n", e(L("time")), e(L("phase")))
			for _, ph := range rd.Timetable {
				fmt.Fprintf(b, "| %s | %s |\n", ph.Time(), e(ph.Title))
			}
			b.WriteString("\n")
		}
		for _, g := range rd.Groups {
			fmt.Fprintf(b, "### %s\n\n| %s | %s | %s | %s | %s | %s |",
				e(groupHead(g.Group, g.Table, L)), e(L("id")), e(L("name")), e(L("unit")), e(L("background")), e(L("role")), e(L("note")))
			rule := "\n| --- | --- | --- | --- | --- | --- |"
			if remarks {
				fmt.Fprintf(b, " %s |", e(L("remarks")))
				rule += " --- |"
			}
			b.WriteString(rule + "\n")
			for _, mem := range g.Members {
				fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |", e(mem.ID), e(mem.Name), e(mem.Unit), e(mem.Background), e(memberRole(mem, L)), e(mem.Note))
				if remarks {
					fmt.Fprintf(b, " %s |", e(mem.Remarks))
				}
				b.WriteString("\n")
			}
			b.WriteString("\n")
		}
		if len(rd.Out) > 0 {
			fmt.Fprintf(b, "**%s**%s%s\n\n", e(L("not_in_round")), L("colon"), e(outList(rd.Out, L)))
		}
	}
}

// outList is who sits a round out, "王秀英 T05 · 缺席、李娜 T09 · 不参加本轮".
func outList(out []SittingOut, L func(string) string) string {
	parts := make([]string, len(out))
	for i, o := range out {
		parts[i] = o.Name + " " + o.ID + " · " + o.Reason
	}
	return strings.Join(parts, L("list_sep"))
}

// masterText writes the master sheet as plain text between two trainer-only
// marks, its sections in the order of the HTML sheet.
func masterText(m MasterSheet, L func(string) string) string {
	var b strings.Builder
	mark := "*** " + L("trainer_only") + " ***"
	fmt.Fprintf(&b, "%s\n\n", mark)
	txtMasterHead(&b, m, L)
	txtMasterTrainer(&b, m, L)
	txtMasterProblems(&b, m, L)
	txtMasterTimetable(&b, m, L)
	txtMasterRounds(&b, m, L)
	txtMasterInjects(&b, m, L)
	fmt.Fprintf(&b, "\n%s\n", mark)
	return b.String()
}

func txtMasterHead(b *strings.Builder, m MasterSheet, L func(string) string) {
	fmt.Fprintf(b, "%s%s%s\n", L("master_sheet"), L("colon"), m.ScenarioTitle)
	fmt.Fprintf(b, "%s · %s · %d %s · %s · %s %d\n", m.ScenarioID, m.Method, m.Duration, L("minutes"), fmt.Sprintf(L("trainees_n"), m.Trainees), L("seed"), m.Seed)
	fmt.Fprintf(b, "%s%s%s\n", L("focus_question"), L("colon"), m.FocusQuestion)
}

func txtMasterTrainer(b *strings.Builder, m MasterSheet, L func(string) string) {
	t := m.Trainer
	if t == nil {
		return
	}
	fmt.Fprintf(b, "\n%s\n", strings.ToUpper(L("trainer_notes")))
	for _, part := range []struct{ key, text string }{
		{"zone_of_agreement", t.ZoneOfAgreement}, {"possible_agreement", t.PossibleAgreement},
	} {
		if part.text == "" {
			continue
		}
		fmt.Fprintf(b, "  %s%s\n", L(part.key), strings.TrimSpace(L("colon")))
		writeParas(b, part.text, "    ")
	}
	if len(t.Tips) > 0 {
		fmt.Fprintf(b, "  %s%s\n", L("tips"), strings.TrimSpace(L("colon")))
		for _, tip := range t.Tips {
			fmt.Fprintf(b, "    - %s\n", tip)
		}
	}
}

func txtMasterProblems(b *strings.Builder, m MasterSheet, L func(string) string) {
	if len(m.Changes) > 0 {
		fmt.Fprintf(b, "\n%s\n", strings.ToUpper(L("changes_on_day")))
		for _, c := range m.Changes {
			fmt.Fprintf(b, "  - %s\n", c.Line)
		}
	}
	if len(m.Unmet) == 0 && len(m.Warnings) == 0 {
		return
	}
	fmt.Fprintf(b, "\n%s / %s\n", strings.ToUpper(L("unmet")), strings.ToUpper(L("warnings")))
	for _, u := range m.Unmet {
		fmt.Fprintf(b, "  - %s — %s%s%s\n", unmetWhere(u, L), u.Rule, L("colon"), u.Detail)
	}
	for _, w := range m.Warnings {
		fmt.Fprintf(b, "  - %s\n", w)
	}
}

func txtMasterTimetable(b *strings.Builder, m MasterSheet, L func(string) string) {
	fmt.Fprintf(b, "\n%s\n", strings.ToUpper(L("timetable")))
	for _, ph := range m.Timetable {
		fmt.Fprintf(b, "  %s–%s  %s (%d %s)", ph.Start, ph.End, ph.Title, ph.Minutes, L("minutes"))
		if ph.LedBy != "" {
			fmt.Fprintf(b, ", %s %s", L("led_by"), ph.LedBy)
		}
		b.WriteString("\n")
	}
}

func txtMasterInjects(b *strings.Builder, m MasterSheet, L func(string) string) {
	fmt.Fprintf(b, "\n%s\n", strings.ToUpper(L("inject_schedule")))
	if len(m.Injects) == 0 {
		fmt.Fprintf(b, "  %s\n", L("no_injects"))
	}
	for _, in := range m.Injects {
		fmt.Fprintf(b, "  %s  %s %s\n    %s\n", in.At, L("to"), strings.Join(in.To, listSep(m.Language)), in.Text)
		if len(in.Exercises) > 0 {
			fmt.Fprintf(b, "    %s%s%s\n", L("exercises"), L("colon"), strings.Join(in.Exercises, listSep(m.Language)))
		}
		if in.TrainerNote != "" {
			fmt.Fprintf(b, "    %s%s%s\n", L("trainer_note"), L("colon"), in.TrainerNote)
		}
		fmt.Fprintf(b, "    %s%s\n", L("recipients"), strings.TrimSpace(L("colon")))
		for _, r := range in.Recipients {
			fmt.Fprintf(b, "      %s%s%s\n", recipientWhere(r, L), L("colon"), recipientNames(in, r, L, m.Language))
		}
	}
}

func txtMasterRounds(b *strings.Builder, m MasterSheet, L func(string) string) {
	for _, rd := range m.Rounds {
		fmt.Fprintf(b, "\n%s\n", strings.ToUpper(roundHead(rd, L)))
		for _, ph := range rd.Timetable {
			fmt.Fprintf(b, "  %s  %s\n", ph.Time(), ph.Title)
		}
		for _, g := range rd.Groups {
			fmt.Fprintf(b, "  %s\n", groupHead(g.Group, g.Table, L))
			for _, mem := range g.Members {
				fmt.Fprintf(b, "    %-6s %s, %s, %s — %s", mem.ID, mem.Name, mem.Unit, mem.Background, memberRole(mem, L))
				if mem.Note != "" {
					fmt.Fprintf(b, " [%s]", mem.Note)
				}
				if mem.Remarks != "" {
					fmt.Fprintf(b, " (%s%s%s)", L("remarks"), L("colon"), mem.Remarks)
				}
				b.WriteString("\n")
			}
		}
		if len(rd.Out) > 0 {
			fmt.Fprintf(b, "  %s%s%s\n", L("not_in_round"), L("colon"), outList(rd.Out, L))
		}
	}
}

// roundHead is a round's heading: its number, then its name and clock
// times when it has them.
func roundHead(rd MasterRound, L func(string) string) string {
	head := fmt.Sprintf(L("round"), rd.Round)
	if w := rd.When(); w != "" {
		head += " · " + w
	}
	return head
}

// groupHead is a group's heading: its number, and its table when it has
// one.
func groupHead(group int, table string, L func(string) string) string {
	head := fmt.Sprintf(L("group"), group)
	if table != "" {
		head += " · " + fmt.Sprintf(L("table"), table)
	}
	return head
}

// recipientWhere is where and when an inject is handed over: the round and
// group, the table, the clock time.
func recipientWhere(r InjectRecipients, L func(string) string) string {
	where := fmt.Sprintf(L("round_group"), r.Round, r.Group)
	if r.Table != "" {
		where += " · " + fmt.Sprintf(L("table"), r.Table)
	}
	if r.Clock != "" {
		where += " · " + r.Clock
	}
	return where
}

func unmetWhere(u plan.Unmet, L func(string) string) string {
	if u.Group > 0 {
		return fmt.Sprintf(L("round_group"), u.Round, u.Group)
	}
	return fmt.Sprintf(L("round"), u.Round)
}

// recipientNames lists who in a group receives an inject or, when nobody
// there plays any of its roles, tells the trainer so.
func recipientNames(in MasterInject, r InjectRecipients, L func(string) string, lang string) string {
	if len(r.Names) == 0 {
		return nobodyLine(in, L)
	}
	return strings.Join(r.Names, listSep(lang))
}

// nobodyLine is what the master sheet says for a group in which nobody
// plays any role an inject is aimed at: it reaches no one there.
func nobodyLine(in MasterInject, L func(string) string) string {
	if len(in.To) > 1 {
		return L("nobody_any")
	}
	return L("nobody")
}

func memberRole(m MasterMember, L func(string) string) string {
	if m.RoleTitle == "" {
		return L("unassigned_short")
	}
	if m.Function == "" {
		return m.RoleTitle
	}
	return fmt.Sprintf("%s (%s)", m.RoleTitle, m.Function)
}

func marshalJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	// EscapeHTML stays on: a name such as <script> is written \u003cscript\u003e,
	// harmless if the JSON is ever pasted into a page.
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
