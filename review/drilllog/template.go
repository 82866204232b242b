package drilllog

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet"
)

// words are the fixed words of the template, in the scenario's language.
var words = scenario.Words{
	"en": {
		"title": "yishi drill log — round %d, group %d, %s. A template: fill it in from your paper log.",
		"how": `How to fill it in:
- Write each time as a clock time on the date below: "14:05" or "14:05:30".
  Fill in the time of every phase_start and phase_end line; delete the lines
  of what you did not log. An empty time is an error, so an untouched
  template never reads as a perfect rhythm.
- Add a line for each thing you logged, in any order (yishi sorts by time):
    - {at: "14:05", kind: turn, member: t01}              a member starts speaking
    - {at: "14:05", end: "14:07", kind: turn, member: t01} with its end, if you noted it
    - {at: "14:09", kind: silence}                          nobody speaks
    - {at: "14:10", kind: interruption, member: t02}      an interruption
    - {at: "14:12", kind: summary, member: t01}           the host sums up
    - {at: "14:15", kind: pause}  and  {at: "14:18", kind: resume}
    - {at: "14:20", kind: inject, inject: ID}             an inject released
    - {at: "14:21", kind: turn, member: t03, inject: ID}  the group's answer to it
    - {at: "14:30", kind: note, text: "what you saw"}
- Lines of the same moment keep the order you write them in.
- end: is optional: a turn without it lasts until the next turn or silence.
- The kinds: phase_start, phase_end, pause, resume, inject, turn, silence,
  interruption, summary, note.`,
		"members": "The group's members (member: takes the id):",
		"injects": "The scenario's injects (inject: takes the id):",
		"phases":  "The agenda: a phase_start and a phase_end line per phase (phase: takes the number).",
		"at_min":  "%d min", "to": "to", "sep": "; ", "planned": "planned", "nobody": "nobody in this group",
		"start": "start", "end": "end",
		"paren_open": " (", "paren_close": ")",
	},
	"zh": {
		"title": "yishi 演练记录——第 %d 轮第 %d 组，%s。这是模板：请照纸质记录填写。",
		"how": `填写方法：
- 时间写成下面日期当天的钟点："14:05" 或 "14:05:30"。
  每个 phase_start（环节开始）和 phase_end（环节结束）行都要填上时间；没有记下的
  就把那一行删掉。时间空着会报错，所以没填的模板不会被当成节奏完美。
- 记下的每件事各写一行，顺序不限（yishi 会按时间排序）：
    - {at: "14:05", kind: turn, member: t01}              某位成员开始发言
    - {at: "14:05", end: "14:07", kind: turn, member: t01} 记下了结束时间的发言
    - {at: "14:09", kind: silence}                          无人发言
    - {at: "14:10", kind: interruption, member: t02}      插话、打断
    - {at: "14:12", kind: summary, member: t01}           主持人小结
    - {at: "14:15", kind: pause}  和  {at: "14:18", kind: resume}   暂停和继续
    - {at: "14:20", kind: inject, inject: 编号}            发布情景注入
    - {at: "14:21", kind: turn, member: t03, inject: 编号} 小组对它的回应
    - {at: "14:30", kind: note, text: "看到的情况"}          备注
- 同一时刻的几行，按写下的先后算。
- end: 可以不写：没写结束时间的发言，持续到下一次发言或无人发言为止。
- kind 的取值：phase_start、phase_end、pause、resume、inject、turn、silence、
  interruption、summary、note。`,
		"members": "本组成员（member: 后写编号）：",
		"injects": "情景注入（inject: 后写编号）：",
		"phases":  "议程：每个环节一行 phase_start、一行 phase_end（phase: 后写环节序号）。",
		"at_min":  "第 %d 分钟", "to": "发给", "sep": "；", "planned": "计划", "nobody": "本组无人",
		"start": "开始", "end": "结束",
		"paren_open": "（", "paren_close": "）",
	},
}

// csvHeaders are the template's CSV headers in Chinese, each with its
// column's id in brackets so that any reader knows it.
var csvHeaders = map[string]string{
	"seq": "序号", "round": "轮次", "group": "组", "date": "日期", "at": "时间", "end": "结束时间",
	"kind": "类型", "phase": "议程环节", "inject": "情景注入", "member": "成员", "text": "内容", "by": "记录人",
	"auto": "自动", "utc_offset": "时区", "plan": "分组方案", "scenario": "情景", "demo": "演示",
}

// Template is the drill log template of round and group of the plan, for
// a trainer who logs on paper: format "yaml" or "csv", dated date
// (YYYY-MM-DD), in the scenario's language. The YAML has a comment saying
// how to fill it in, the group's members and the scenario's injects as
// comments, and a phase_start and a phase_end line per agenda phase with
// an empty time (and the planned clock time as a comment when the round
// has one); the CSV has the same as rows, with a row per member and per
// inject besides, for Excel. Its empty times are errors until filled in.
// The same arguments give the same bytes.
func Template(p *plan.Plan, s *scenario.Scenario, round, group int, date string, format string) ([]byte, error) {
	if err := p.CheckRound(round); err != nil {
		return nil, err
	}
	rd, ok := p.Round(round)
	if !ok {
		return nil, p.CheckRound(round)
	}
	g, ok := rd.Group(group)
	if !ok {
		return nil, scenario.Invalid(scenario.Msg("round %d of the plan has no group %d (it has groups 1–%d)", round, group, len(rd.Groups)))
	}
	y, m, d, ok := parseDate(date)
	if !ok {
		return nil, scenario.Invalid(scenario.Msg("--date %q is not a date; write it as 2026-12-01", date))
	}
	date = dateText(y, m, d)
	t := tmpl{p: p, s: s, rd: rd, g: g, date: date, lang: s.Language, a: live.AgendaOf(s)}
	switch format {
	case FormatYAML:
		return t.yaml(), nil
	case FormatCSV:
		return t.csv(), nil
	}
	return nil, scenario.Invalid(scenario.Msg("unknown drill log format %q (use yaml or csv)", format))
}

type tmpl struct {
	p    *plan.Plan
	s    *scenario.Scenario
	rd   *plan.Round
	g    *plan.Group
	a    live.Agenda
	date string
	lang string
}

func (t tmpl) w(key string) string { return words.In(t.lang, key) }

// examples puts the group's own ids in the examples of how, so that a
// trainer copies ids that check: the host's for t01, two others' for t02
// and t03.
func (t tmpl) examples(how string) string {
	ids := []string{}
	for _, m := range t.g.Members {
		if r, ok := t.s.Role(m.Role); ok && r.Function == scenario.FunctionHost {
			ids = append([]string{m.ID}, ids...)
		} else {
			ids = append(ids, m.ID)
		}
	}
	for len(ids) < 3 {
		ids = append(ids, fmt.Sprintf("t%02d", len(ids)+1))
	}
	return strings.NewReplacer("t01", ids[0], "t02", ids[1], "t03", ids[2]).Replace(how)
}

// member names a member as the template lists them: "t01 王芳 — 主持人
// (host)".
func (t tmpl) member(m plan.Member) string {
	fn := ""
	if r, ok := t.s.Role(m.Role); ok {
		fn = t.w("paren_open") + scenario.Label(t.lang, r.Function) + t.w("paren_close")
	}
	return strings.TrimSpace(m.ID+" "+m.Name) + " — " + t.s.RoleTitle(m.Role) + fn
}

// inject describes an inject: "rain — 22 min — to 孙女士 (T19 曹雪莲)",
// with its planned clock time when the round has one.
func (t tmpl) inject(i int) string {
	in := t.a.Injects[i]
	min := int(in.At / time.Minute)
	when := fmt.Sprintf(t.w("at_min"), min)
	if t.rd.Timed() {
		when += " (" + t.rd.Clock(min) + ")"
	}
	var to []string
	for _, role := range in.To {
		var who []string
		for _, m := range t.g.Members {
			if m.Role == role {
				who = append(who, strings.TrimSpace(m.ID+" "+m.Name))
			}
		}
		if len(who) == 0 {
			who = []string{t.w("nobody")}
		}
		to = append(to, t.s.RoleTitle(role)+" ("+strings.Join(who, ", ")+")")
	}
	return in.ID + " — " + when + " — " + t.w("to") + " " + strings.Join(to, t.w("sep"))
}

// planned is the planned clock time offset minutes into the round, or "".
func (t tmpl) planned(offset int) string {
	if !t.rd.Timed() {
		return ""
	}
	return t.w("planned") + " " + t.rd.Clock(offset)
}

func (t tmpl) title() string {
	return fmt.Sprintf(t.w("title"), t.rd.Round, t.g.Group, scenario.OneLine(t.s.Title))
}

func comment(b *bytes.Buffer, text string) {
	for _, line := range strings.Split(text, "\n") {
		b.WriteString(strings.TrimRight("# "+line, " ") + "\n")
	}
}

func (t tmpl) yaml() []byte {
	var b bytes.Buffer
	comment(&b, t.title())
	comment(&b, "")
	comment(&b, t.examples(t.w("how")))
	b.WriteString("version: " + strconv.Itoa(Version) + "\nkind: " + Kind + "\n")
	b.WriteString("plan: " + yamlString(t.p.GroupID(t.rd.Round, t.g.Group)) + "\nscenario: " + yamlString(t.s.ID) + "\n")
	b.WriteString("round: " + strconv.Itoa(t.rd.Round) + "\ngroup: " + strconv.Itoa(t.g.Group) + "\n")
	b.WriteString("date: " + strconv.Quote(t.date) + "\nutc_offset: " + strconv.Quote(DefaultUTCOffset) + "\n")
	b.WriteString("#\n")
	comment(&b, t.w("members"))
	for _, m := range t.g.Members {
		comment(&b, "  "+t.member(m))
	}
	if len(t.a.Injects) > 0 {
		comment(&b, t.w("injects"))
		for i := range t.a.Injects {
			comment(&b, "  "+t.inject(i))
		}
	}
	comment(&b, t.w("phases"))
	b.WriteString("entries:\n")
	offset := 0
	for i, ph := range t.a.Phases {
		n := strconv.Itoa(i + 1)
		title := ph.ID
		if ph.Title != "" {
			title += ": " + scenario.OneLine(ph.Title)
		}
		minutes := int(ph.Planned / time.Minute)
		for _, end := range []bool{false, true} {
			kind, note, at := "phase_start", title, offset
			if end {
				kind, note, at = "phase_end", ph.ID+" "+t.w("end"), offset+minutes
			}
			line := `  - {at: "", kind: ` + kind + ", phase: " + n + "}"
			if pl := t.planned(at); pl != "" {
				note += " — " + pl
			}
			b.WriteString(fmt.Sprintf("%-46s # %s\n", line, note))
		}
		offset += minutes
	}
	return b.Bytes()
}

func (t tmpl) csv() []byte {
	cols := []string{"round", "group", "date", "at", "end", "kind", "phase", "inject", "member", "text"}
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = c
		if t.lang == "zh" {
			header[i] = csvHeaders[c] + " [" + c + "]"
		}
	}
	rows := [][]string{header}
	row := func(kind, phase, inject, member, text string) {
		rows = append(rows, []string{strconv.Itoa(t.rd.Round), strconv.Itoa(t.g.Group), t.date, "", "", kind, phase, inject, member, text})
	}
	offset := 0
	for i, ph := range t.a.Phases {
		minutes := int(ph.Planned / time.Minute)
		title := ph.ID
		if ph.Title != "" {
			title += ": " + scenario.OneLine(ph.Title)
		}
		for _, end := range []bool{false, true} {
			kind, note, at := "phase_start", title, offset
			if end {
				kind, note, at = "phase_end", ph.ID+" "+t.w("end"), offset+minutes
			}
			if pl := t.planned(at); pl != "" {
				note += " — " + pl
			}
			row(kind, strconv.Itoa(i+1), "", "", note)
		}
		offset += minutes
	}
	for i, in := range t.a.Injects {
		row("inject", "", in.ID, "", t.inject(i))
	}
	for _, m := range t.g.Members {
		row("turn", "", "", m.ID, t.member(m))
	}
	return sheet.WriteCSV(rows)
}
