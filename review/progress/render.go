package progress

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/yishi-council/yishi/review"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

//go:embed templates/*
var templateFS embed.FS

// The pages' templates and style sheet, parsed once.
var (
	styleCSS        = template.CSS(mustRead("templates/style.css"))
	indexTemplate   = parseTemplate("index.html.tmpl")
	traineeTemplate = parseTemplate("trainee.html.tmpl")
)

func mustRead(name string) []byte {
	data, err := templateFS.ReadFile(name)
	if err != nil {
		panic(err) // embedded: present at build time
	}
	return data
}

func parseTemplate(name string) *template.Template {
	return template.Must(template.New(name).Funcs(template.FuncMap{"num": review.FormatMean, "score": review.FormatScore}).ParseFS(templateFS, "templates/"+name))
}

// view is what a page's template reads: the cohort, the page's trainee
// (nil on the index), and the words of the page's language as methods.
type view struct {
	wording
	C   *Cohort
	T   *Trainee
	CSS template.CSS
}

func renderIndex(c *Cohort) ([]byte, error) {
	return execute(indexTemplate, view{wording: wording{c.Language}, C: c, CSS: styleCSS})
}

func renderTrainee(c *Cohort, t *Trainee) ([]byte, error) {
	return execute(traineeTemplate, view{wording: wording{c.Language}, C: c, T: t, CSS: styleCSS})
}

func execute(t *template.Template, v view) ([]byte, error) {
	var b bytes.Buffer
	if err := t.Execute(&b, v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// wording gives a template the words of the page's language.
type wording struct{ Lang string }

// W is the fixed word key in the page's language.
func (w wording) W(key string) string { return words.In(w.Lang, key) }

// F is the format key in the page's language filled in with args.
func (w wording) F(key string, args ...any) string {
	return fmt.Sprintf(words.In(w.Lang, key), args...)
}

// L is the word key as the label of what follows: "Role: " or "角色：".
func (w wording) L(key string) string { return words.In(w.Lang, key) + words.In(w.Lang, "colon") }

// Join lists items as the page's language does: "a, b" or "甲、乙".
func (w wording) Join(items []string) string {
	return strings.Join(items, words.In(w.Lang, "list_sep"))
}

// Role is a role's title, and its function's word in brackets when the
// title does not already say it: "Council host", "Mr Zhao (stakeholder)",
// "韩经理（利益相关方）".
func (w wording) Role(r Round) string {
	if r.RoleTitle == "" {
		return words.In(w.Lang, "no_role")
	}
	if r.Function == "" {
		return r.RoleTitle
	}
	fn := scenario.Label(w.Lang, r.Function)
	if strings.Contains(strings.ToLower(r.RoleTitle), strings.ToLower(fn)) {
		return r.RoleTitle
	}
	return r.RoleTitle + w.Paren(fn)
}

// Paren is an aside in brackets after what it is about: " (x)" or "（x）".
func (w wording) Paren(s string) string { return fmt.Sprintf(words.In(w.Lang, "paren"), s) }

// ChangeClass is the class that colours a change of a score, where
// higher is better: "up", "down" or none. Measures are not coloured: a
// higher Gini or host's share is not better.
func (w wording) ChangeClass(v *float64) string {
	switch {
	case v == nil, *v == 0:
		return ""
	case *v > 0:
		return "up"
	}
	return "down"
}

// Out says why a trainee sat a round out.
func (w wording) Out(reason string) string {
	switch reason {
	case plan.OutAbsent, plan.OutUnavailable:
		return words.In(w.Lang, "out_"+reason)
	}
	return words.In(w.Lang, "out")
}

// Change is a change from the round before, signed ("+0.50", "-0.25"),
// or "–" when there is none.
func (w wording) Change(v *float64) string {
	if v == nil {
		return "–"
	}
	if *v > 0 {
		return "+" + strconv.FormatFloat(*v, 'f', 2, 64)
	}
	return strconv.FormatFloat(*v, 'f', 2, 64)
}

// Percent is a share 0..1 as a whole percentage: "23%".
func (w wording) Percent(v float64) string {
	return strconv.Itoa(int(math.Round(v*100))) + "%"
}

// Duration is a number of seconds as minutes and seconds: "4 min 05 s",
// "4分05秒".
func (w wording) Duration(seconds int) string {
	return fmt.Sprintf(words.In(w.Lang, "min_sec"), seconds/60, seconds%60)
}

// Speaking says a trainee's own talk in one sentence.
func (w wording) Speaking(s Speaking) string {
	equal := 0.0
	if s.Members > 0 {
		equal = 1 / float64(s.Members)
	}
	return fmt.Sprintf(words.In(w.Lang, "speaking_text"), w.Percent(s.Share), s.Turns, w.Duration(s.Seconds), w.Percent(equal), s.Members)
}

// RoundTitle is a round's heading: "Round 2" or "Round 2 — Afternoon".
func (w wording) RoundTitle(n int, name string) string {
	t := fmt.Sprintf(words.In(w.Lang, "round_n"), n)
	if name != "" {
		t += " — " + name
	}
	return t
}

// RoleCell is the index's summary of one trainee's round: the role's
// title and the group ("Recorder · Group 2"), or why they were not in it.
func (w wording) RoleCell(r Round) string {
	switch r.Status {
	case StatusPlayed:
		title := r.RoleTitle
		if title == "" {
			title = words.In(w.Lang, "no_role")
		}
		return title + " · " + fmt.Sprintf(words.In(w.Lang, "group_n"), r.Group)
	case StatusOut:
		switch r.OutReason {
		case plan.OutAbsent, plan.OutUnavailable:
			return words.In(w.Lang, "cell_"+r.OutReason)
		}
		return words.In(w.Lang, "cell_out")
	}
	return words.In(w.Lang, "cell_not_planned")
}

// Note is the label of a reviewer's note: the dimension and score of
// evidence, or "Strength" / "Improvement".
func (w wording) Note(n Note) string {
	switch n.Kind {
	case NoteEvidence:
		return n.Title + words.In(w.Lang, "colon") + review.FormatScore(n.Score)
	case NoteStrength:
		return words.In(w.Lang, "strength")
	}
	return words.In(w.Lang, "improvement")
}

// words holds the fixed words of the progress pages; the words every
// document shares come from [scenario.Words.In]'s fallback.
var words = scenario.Words{
	"en": {
		"cohort_title": "Progress of the cohort", "trainee_title": "Progress",
		"demo_note": "These pages were made from demo data.",
		"scenario":  "Scenario", "trainee": "Trainee", "id": "ID",
		"round_n": "Round %d", "group_n": "Group %d", "round": "Round", "group": "Group",
		"role": "Role", "dimension": "Dimension", "mean": "Mean", "range": "Min–max", "n": "Reviewers",
		"weighted": "Weighted total", "reviewers": "Reviewers", "change": "Change",
		"weighted_all": "The group's weighted total (all dimensions)", "paren": " (%s)", "no_role": "no role given",
		"out": "Sat this round out.", "out_absent": "Sat this round out (absent).",
		"out_unavailable": "Sat this round out (not attending this round).",
		"not_planned":     "Not in this round of the plan.",
		"cell_absent":     "absent", "cell_unavailable": "not attending", "cell_out": "sat out", "cell_not_planned": "not in this round",
		"not_scored":    "No reviewer scored this group.",
		"owned":         "The group's scores in the dimensions your role owns",
		"owned_none":    "Your role owns no dimension of the rubric; this is the group's weighted total.",
		"speaking":      "Your speaking",
		"speaking_text": "%s of the group's speaking time in %d turns (%s); an equal share would be %s (%d members).",
		"no_log":        "No drill log of this group, so no speaking time.",
		"observed":      "You observed this round: an observer does not speak in the council, so there is no speaking share.",
		"notes":         "What reviewers wrote about your role", "no_notes": "No reviewer's note names your role.",
		"notes_help": "Evidence, strengths and improvements of your group that name your role.",
		"strength":   "Strength", "improvement": "Improvement",
		"min_sec":       "%d min %02d s",
		"by_round":      "Mean score by round",
		"by_round_help": "Each round's mean is the mean of its scored groups' means; the change is from the round before. Groups are mixed anew each round, so a change is the cohort's, not one group's.",
		"groups_scored": "Groups scored", "groups_logged": "Groups with a drill log",
		"measures": "Measures from the drill logs by round", "measure": "Measure",
		"measures_help": "The mean over the round's groups that have a drill log.",
		"trainees":      "Trainees", "trainees_help": "Each trainee's page shows only their own figures and what reviewers wrote about their role; hand or send each trainee their own page.",
		"measure_punctuality": "Punctuality (1 = every phase on time)",
		"measure_gini":        "Gini of speaking time (0 = equal)",
		"measure_host_share":  "Host's share of the talk",
	},
	"zh": {
		"cohort_title": "学员整体进展", "trainee_title": "个人进展",
		"demo_note": "本页面由演示数据生成。",
		"scenario":  "情景", "trainee": "学员", "id": "编号",
		"round_n": "第 %d 轮", "group_n": "第 %d 组", "round": "轮次", "group": "组",
		"role": "角色", "dimension": "维度", "mean": "平均分", "range": "最低–最高", "n": "评分人数",
		"weighted": "加权总分", "reviewers": "评分人", "change": "变化",
		"weighted_all": "本组加权总分（全部维度）", "paren": "（%s）", "no_role": "未分配角色",
		"out": "本轮未参加。", "out_absent": "本轮未参加（缺席）。",
		"out_unavailable": "本轮未参加（不在本轮时间内）。",
		"not_planned":     "分组方案中本轮没有此学员。",
		"cell_absent":     "缺席", "cell_unavailable": "本轮不参加", "cell_out": "未参加", "cell_not_planned": "本轮无",
		"not_scored":    "本组没有评分。",
		"owned":         "本组在你的角色负责的维度上的得分",
		"owned_none":    "你的角色不单独负责评分量表中的维度，这里给出本组的加权总分。",
		"speaking":      "你的发言",
		"speaking_text": "占全组发言时间的 %s，共 %d 次发言（%s）；平均分配时每人应占 %s（全组 %d 人）。",
		"no_log":        "本组没有议事记录，无法计算发言时间。",
		"observed":      "本轮你担任观察员。观察员在议事中不发言，所以没有发言占比。",
		"notes":         "评分人对你的角色的记录", "no_notes": "没有提到你的角色的评分记录。",
		"notes_help": "本组评分中提到你的角色的证据、优点和改进建议。",
		"strength":   "优点", "improvement": "改进建议",
		"min_sec":       "%d分%02d秒",
		"by_round":      "各轮平均分",
		"by_round_help": "每轮的平均分是该轮各评分小组平均分的平均；变化是与上一轮相比。每轮都会重新分组，所以变化反映的是全体学员，而不是某一个组。",
		"groups_scored": "评分组数", "groups_logged": "有议事记录的组数",
		"measures": "各轮议事记录指标", "measure": "指标",
		"measures_help": "该轮有议事记录的各组的平均值。",
		"trainees":      "学员", "trainees_help": "每位学员的页面只显示本人的数据和评分人对其角色的记录；请把各人的页面分别交给本人。",
		"measure_punctuality": "守时指数（1 = 每个环节都按时）",
		"measure_gini":        "发言时间基尼系数（0 = 人人均等）",
		"measure_host_share":  "主持人发言占比",
	},
}
