package cards

import (
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

	Round     int    `json:"round"`
	Group     int    `json:"group"`
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

// CardPhase is one agenda phase with its start and end as clock times from
// the start of the drill ("0:05").
type CardPhase struct {
	Start   string `json:"start"`
	End     string `json:"end"`
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

// Cards returns one card per trainee per round of the plan, in the plan's
// order (round, group, member), or only the cards of one round when round
// is above zero. Text comes from s, the scenario the plan was made from.
func Build(p *plan.Plan, s *scenario.Scenario, round int) []Card {
	lang := s.Language
	agenda := cardAgenda(s)
	facts := cardTrimAll(s.Issue.PublicFacts)
	var cards []Card
	for _, rd := range p.Rounds {
		if round > 0 && rd.Round != round {
			continue
		}
		for _, g := range rd.Groups {
			members := make([]CardMember, len(g.Members))
			for i, m := range g.Members {
				members[i] = CardMember{ID: m.ID, Name: m.Name, Unit: m.Unit}
				if r, ok := s.Role(m.Role); ok {
					members[i].RoleTitle = cardRoleTitle(r)
					members[i].Function = scenario.Label(lang, r.Function)
				}
			}
			for i, m := range g.Members {
				c := Card{
					Language: lang, ScenarioID: s.ID, ScenarioTitle: s.Title,
					Method: scenario.Label(lang, s.Method), Duration: s.Duration.Minutes(),
					Round: rd.Round, Group: g.Group, TraineeID: m.ID, Name: m.Name, Unit: m.Unit,
					FocusQuestion: cardOneLine(s.Issue.FocusQuestion),
					Background:    tidyText(s.Issue.Background),
					PublicFacts:   facts,
					Agenda:        agenda,
				}
				if r, ok := s.Role(m.Role); ok {
					c.Role = &CardRole{
						ID: r.ID, Title: cardRoleTitle(r), Function: scenario.Label(lang, r.Function),
						Brief:        tidyText(r.Brief),
						Confidential: tidyText(r.Confidential),
						Goals:        cardTrimAll(r.Goals),
						Interests:    cardTrimAll(r.Interests),
					}
				}
				c.Members = make([]CardMember, len(members))
				copy(c.Members, members)
				c.Members[i].You = true
				cards = append(cards, c)
			}
		}
	}
	return cards
}

func cardAgenda(s *scenario.Scenario) []CardPhase {
	out := make([]CardPhase, len(s.Agenda))
	for i, slot := range s.Timetable() {
		ph := slot.Phase
		out[i] = CardPhase{
			Start: scenario.Clock(slot.Start), End: scenario.Clock(slot.End),
			Title: cardOneLine(ph.Title), Minutes: ph.Minutes,
		}
		if ph.LedBy != "" {
			out[i].LedBy = s.RoleTitle(ph.LedBy)
		}
	}
	return out
}

func cardRoleTitle(r scenario.Role) string {
	// Not tidied: "老住户车主 马师傅" means its space.
	if t := strings.Join(strings.Fields(r.Title), " "); t != "" {
		return t
	}
	return r.ID
}

func cardTrimAll(in []string) []string {
	if len(in) == 0 {
		return nil
	}
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = scenario.TidySpaces(strings.TrimSpace(s))
	}
	return out
}

func cardOneLine(s string) string { return scenario.TidySpaces(strings.Join(strings.Fields(s), " ")) }

// tidyText is scenario.TidySpaces for text of several lines and paragraphs.
func tidyText(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = scenario.TidySpaces(l)
	}
	return strings.Join(lines, "\n")
}

// cardLabels are the fixed words of role cards and the master sheet that
// [scenario.Label] does not have; cardLabel falls back to it.
var cardLabels = map[string]map[string]string{
	"en": {
		"role_card":         "Role card",
		"round_group":       "Round %d · Group %d",
		"round":             "Round %d",
		"group":             "Group %d",
		"your_role":         "Your role",
		"function":          "Function",
		"confidential_mark": "Confidential — for you only",
		"no_confidential":   "Your role has no confidential brief.",
		"keep_private":      "Do not show this card to other trainees.",
		"your_group":        "Your group",
		"you":               " (you)",
		"colon":             ": ",
		"method_duration":   "(%s, %d min)",
		"led_by_fmt":        "(led by %s)",
		"unassigned":        "The trainer will assign your role before the drill starts.",
		"unassigned_short":  "to be assigned",
		"time":              "Time",
		"phase":             "Phase",
		"trainee":           "Trainee",
		"name":              "Name",
		"unit":              "Unit",
		"background_col":    "Background",
		"role":              "Role",
		"note":              "Note",
		"id":                "ID",
		"master_sheet":      "Master sheet",
		"trainer_only":      "Trainer only — not for trainees / 仅限培训师",
		"timetable":         "Timetable",
		"inject_schedule":   "Inject schedule",
		"no_injects":        "This scenario has no injects.",
		"recipients":        "Receives it",
		"nobody":            "nobody in this group plays the role",
		"trainer_note":      "Trainer note",
		"unmet":             "Rules not met",
		"warnings":          "Warnings",
		"seed":              "seed",
		"trainees_n":        "%d trainees",
		"cards_for":         "%d cards",
		"total":             "total",
	},
	"zh": {
		"role_card":         "角色卡",
		"round_group":       "第 %d 轮 · 第 %d 组",
		"round":             "第 %d 轮",
		"group":             "第 %d 组",
		"your_role":         "你的角色",
		"function":          "职能",
		"confidential_mark": "保密 — 仅限本人",
		"no_confidential":   "你的角色没有保密说明。",
		"keep_private":      "请勿把本卡给其他学员看。",
		"your_group":        "本组成员",
		"you":               "（你）",
		"colon":             "：",
		"method_duration":   "（%s，%d 分钟）",
		"led_by_fmt":        "（%s主导）",
		"unassigned":        "培训师将在演练开始前为你指定角色。",
		"unassigned_short":  "待指定",
		"time":              "时间",
		"phase":             "环节",
		"trainee":           "学员",
		"name":              "姓名",
		"unit":              "单位",
		"background_col":    "背景",
		"role":              "角色",
		"note":              "备注",
		"id":                "编号",
		"master_sheet":      "培训师总表",
		"trainer_only":      "仅限培训师 — 请勿发给学员 / Trainer only",
		"timetable":         "时间表",
		"inject_schedule":   "插入事件安排",
		"no_injects":        "本情景没有插入事件。",
		"recipients":        "接收人",
		"nobody":            "本组无人扮演该角色",
		"trainer_note":      "培训师提示",
		"unmet":             "未满足的规则",
		"warnings":          "提示",
		"seed":              "随机种子",
		"trainees_n":        "%d 名学员",
		"cards_for":         "%d 张角色卡",
		"total":             "合计",
	},
}

// cardLabel returns the fixed word key in lang, falling back to English,
// then to [scenario.Label].
func cardLabel(lang, key string) string {
	if m, ok := cardLabels[lang]; ok {
		if s, ok := m[key]; ok {
			return s
		}
	}
	if _, known := cardLabels[lang]; !known {
		if s, ok := cardLabels["en"][key]; ok {
			return s
		}
	}
	return scenario.Label(lang, key)
}
