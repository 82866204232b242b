// Package cards makes what each trainee holds in their hand and what the
// trainer keeps: one role card per trainee per round (the scenario's public
// brief, the agenda with its times, the trainee's own role with its
// confidential brief and nobody else's, the group's public roles) and the
// trainer's master sheet (the scenario's notes for the trainer, every
// group and role, the timetable, who receives each inject). Both render as
// print-ready HTML (A4 or A5, Chinese fonts, no external assets),
// Markdown, text and JSON; [Files] lays them out as files with safe names
// ([SafeFileName]). On a timed day both show clock times
// beside the offsets, and each group's table.
//
// [Paper] makes the rest of the day's paper, as A4 HTML: inject slips to
// cut out and hand over ([Slips]), table tents ([Signs]), a door list in
// 拼音 order ([DoorLists]) and a run sheet per round ([RunSheets]). After a
// change on the day, [ChangedSince] names the trainees whose card differs
// between two plans, and why, and [ChangedFiles] writes only their cards.
// [Overflows] warns of a role whose card would not fit its printed page.
package cards

import (
	"slices"
	"strings"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// Card is one trainee's role card for one round: what the trainee may
// know. It holds the scenario's public brief, the agenda with clock times,
// the trainee's own role with its confidential brief, and the public role
// titles of the group's members. It never holds another role's
// confidential brief, nor any inject: those are for the trainer.
type Card struct {
	Language      string `json:"language"`
	ScenarioID    string `json:"scenario_id"`
	ScenarioTitle string `json:"scenario_title"`
	// Method is the meeting method's name in Language, such as "consensus workshop".
	Method   string `json:"method"`
	Duration int    `json:"duration_minutes"`

	Round int `json:"round"`
	// RoundName is the scenario's name of the round (上午), if it has one;
	// RoundStart and RoundEnd are its clock times on a timed day.
	RoundName  string `json:"round_name,omitempty"`
	RoundStart string `json:"round_start,omitempty"`
	RoundEnd   string `json:"round_end,omitempty"`
	Group      int    `json:"group"`
	// Table is the room or table the group sits at, if the day has them.
	Table     string `json:"table,omitempty"`
	TraineeID string `json:"trainee_id"`
	Name      string `json:"name"`
	Unit      string `json:"unit"`

	FocusQuestion string       `json:"focus_question"`
	Background    string       `json:"background"`
	PublicFacts   []string     `json:"public_facts"`
	Agenda        []CardPhase  `json:"agenda"`
	Role          *CardRole    `json:"role"` // nil when the trainer has yet to assign one
	Members       []CardMember `json:"members"`
}

// CardPhase is one agenda phase with its start and end as times from the
// start of the drill ("0:05") and, on a timed day, as clock times.
type CardPhase struct {
	Start string `json:"start"`
	End   string `json:"end"`
	// Clock is the phase's clock times in the round ("09:05–09:20"), or
	// empty when the day is untimed.
	Clock   string `json:"clock,omitempty"`
	Title   string `json:"title"`
	Minutes int    `json:"minutes"`
	// LedBy is the title of the role that leads the phase, if any.
	LedBy string `json:"led_by,omitempty"`
}

// CardRole is the trainee's own role, confidential brief included.
type CardRole struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Function is the role's function in Language, such as "host" or "主持人".
	Function     string   `json:"function"`
	Brief        string   `json:"brief"`
	Confidential string   `json:"confidential,omitempty"`
	Goals        []string `json:"goals,omitempty"`
	Interests    []string `json:"interests,omitempty"`
}

// CardMember is a member of the trainee's group as everyone may see them:
// name, unit and the public title of their role.
type CardMember struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Unit      string `json:"unit"`
	RoleTitle string `json:"role_title"` // empty when not yet assigned
	Function  string `json:"function,omitempty"`
	// You marks the card's own trainee.
	You bool `json:"you,omitempty"`
}

// Build returns one card per trainee per round of the plan, in the plan's
// order (round, group, member), or only the cards of one round when round
// is above zero. Text comes from s, the scenario the plan was made from.
func Build(p *plan.Plan, s *scenario.Scenario, round int) []Card {
	public := publicCard(s)
	var cards []Card
	for _, rd := range p.Rounds {
		if round > 0 && rd.Round != round {
			continue
		}
		agenda := roundAgenda(public.Agenda, s, &rd)
		for _, g := range rd.Groups {
			members := groupMembers(s, g)
			for i, m := range g.Members {
				c := public
				c.Round, c.Group, c.Table = rd.Round, g.Group, g.Table
				c.RoundName, c.RoundStart, c.RoundEnd = rd.Name, rd.Start, rd.End
				c.Agenda = slices.Clone(agenda)
				c.TraineeID, c.Name, c.Unit = m.ID, m.Name, m.Unit
				c.Role = cardRole(s, m.Role)
				c.Members = slices.Clone(members)
				c.Members[i].You = true
				cards = append(cards, c)
			}
		}
	}
	return cards
}

// When is the round's name and clock times, "上午 · 09:00–10:00", as far
// as the day has them, or "" on an untimed day of unnamed rounds.
func (c Card) When() string { return roundWhen(c.RoundName, c.RoundStart, c.RoundEnd) }

// roundWhen names a round by its name and its clock times, those it has.
func roundWhen(name, start, end string) string {
	var parts []string
	if name != "" {
		parts = append(parts, name)
	}
	if start != "" {
		parts = append(parts, start+"–"+end)
	}
	return strings.Join(parts, " · ")
}

// Time is the phase's time as a card prints it outside HTML: the offsets
// ("0:05–0:20"), after the clock times on a timed day
// ("09:05–09:20 (0:05–0:20)").
func (ph CardPhase) Time() string {
	if ph.Clock == "" {
		return ph.Start + "–" + ph.End
	}
	return ph.Clock + " (" + ph.Start + "–" + ph.End + ")"
}

// publicCard is what every card of the scenario shows alike: the issue,
// the method and the agenda.
func publicCard(s *scenario.Scenario) Card {
	lang := s.Language
	return Card{
		Language: lang, ScenarioID: s.ID, ScenarioTitle: s.Title,
		Method: scenario.Label(lang, s.Method), Duration: s.Duration.Minutes(),
		FocusQuestion: scenario.OneLine(s.Issue.FocusQuestion),
		Background:    tidyText(s.Issue.Background),
		PublicFacts:   oneLineAll(s.Issue.PublicFacts),
		Agenda:        cardAgenda(s),
	}
}

// groupMembers lists a group as its members see it: names, units and the
// public titles of their roles.
func groupMembers(s *scenario.Scenario, g plan.Group) []CardMember {
	members := make([]CardMember, len(g.Members))
	for i, m := range g.Members {
		members[i] = CardMember{ID: m.ID, Name: m.Name, Unit: m.Unit}
		if r, ok := s.Role(m.Role); ok {
			members[i].RoleTitle = r.DisplayTitle()
			members[i].Function = scenario.Label(s.Language, r.Function)
		}
	}
	return members
}

// cardRole is the role id of s as its player sees it, confidential brief
// included, or nil when s has no such role (the trainee has none yet).
func cardRole(s *scenario.Scenario, id string) *CardRole {
	r, ok := s.Role(id)
	if !ok {
		return nil
	}
	return &CardRole{
		ID: r.ID, Title: r.DisplayTitle(), Function: scenario.Label(s.Language, r.Function),
		Brief:        tidyText(r.Brief),
		Confidential: tidyText(r.Confidential),
		Goals:        oneLineAll(r.Goals),
		Interests:    oneLineAll(r.Interests),
	}
}

func cardAgenda(s *scenario.Scenario) []CardPhase {
	out := make([]CardPhase, len(s.Agenda))
	for i, slot := range s.Timetable() {
		ph := slot.Phase
		out[i] = CardPhase{
			Start: scenario.Clock(slot.Start), End: scenario.Clock(slot.End),
			Title: scenario.OneLine(ph.Title), Minutes: ph.Minutes,
		}
		if ph.LedBy != "" {
			out[i].LedBy = s.RoleTitle(ph.LedBy)
		}
	}
	return out
}

// roundAgenda is the agenda with the round's clock times beside the
// offsets, or the agenda as it is when the round is untimed.
func roundAgenda(agenda []CardPhase, s *scenario.Scenario, rd *plan.Round) []CardPhase {
	if !rd.Timed() {
		return agenda
	}
	out := slices.Clone(agenda)
	for i, slot := range s.Timetable() {
		out[i].Clock = rd.Span(slot.Start, slot.End)
	}
	return out
}

// oneLineAll applies [scenario.OneLine] to every item of a list: each
// fact, goal and interest is written on one line (a bullet, a table cell),
// so a line break inside one would break the text and Markdown layouts.
func oneLineAll(in []string) []string {
	if len(in) == 0 {
		return nil
	}
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = scenario.OneLine(s)
	}
	return out
}

// tidyText is for the text of several paragraphs (a background, a brief).
// Unlike [scenario.OneLine] it keeps the line breaks, which [paragraphs]
// reads to find the blank lines between paragraphs; it only trims the text
// and drops the folding spaces between Chinese characters on each line.
func tidyText(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = scenario.TidySpaces(l)
	}
	return strings.Join(lines, "\n")
}
