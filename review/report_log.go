package review

import (
	"cmp"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/review/measure"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// How a measure reads against a rubric dimension's reference
// ([scenario.MeasureRef.Reads]).
const (
	ReadsGood    = "good"
	ReadsBetween = "between"
	ReadsPoor    = "poor"
)

// MeasureReading is one measure the rubric maps to one dimension, for one
// group: the reviewers' mean on the dimension beside the measure's value
// and how it reads.
type MeasureReading struct {
	Dimension string `json:"dimension"`
	Title     string `json:"title"`
	// Mean is the reviewers' mean on the dimension; nil with no scores.
	Mean         *float64 `json:"mean"`
	Measure      string   `json:"measure"`
	MeasureTitle string   `json:"measure_title"`
	// Good and Poor are the rubric's reference values.
	Good float64 `json:"good"`
	Poor float64 `json:"poor"`
	// Value is the measure's value; nil when the log cannot give it (no
	// inject answered, no summary), and Reads is then empty.
	Value   *float64 `json:"value"`
	Reads   string   `json:"reads,omitempty"`
	Flagged bool     `json:"flagged,omitempty"`
}

// MeasureFlag is a group whose scores and measures disagree on a
// dimension. A score near the top of the scale (at or above its maximum
// less one) is flagged by each measure the rubric maps to the dimension
// that reads poor, one flag per measure. A score near the bottom (at or
// below its minimum plus one) is flagged once for the dimension when every
// mapped measure the log gives a value for reads good and at least two of
// them are not a count whose good value is 0. Such a count (phases
// skipped, silent members in the standard rubric) reads good just by
// nothing having gone wrong: it must read good for the flag, and the flag
// names it, but it is not one of the two, as a single measure reading
// good proves nothing alone. Text says so in the report's language.
type MeasureFlag struct {
	Round     int     `json:"round"`
	Group     int     `json:"group"`
	Dimension string  `json:"dimension"`
	Title     string  `json:"title"`
	Mean      float64 `json:"mean"`
	// Measure, MeasureTitle and Value are the first of Measures.
	Measure      string  `json:"measure"`
	MeasureTitle string  `json:"measure_title"`
	Value        float64 `json:"value"`
	// Measures are every measure the flag names, in rubric order: the one
	// that reads poor, or all those that read good.
	Measures []FlaggedMeasure `json:"measures"`
	Reads    string           `json:"reads"` // "good" or "poor"
	Text     string           `json:"text"`
}

// FlaggedMeasure is one measure a [MeasureFlag] names, with its value.
type FlaggedMeasure struct {
	Measure string  `json:"measure"`
	Title   string  `json:"title"`
	Value   float64 `json:"value"`
}

// MeasureDefinition is what a measure is, what it can tell a trainer and
// what it cannot, and where it comes from, in the report's language.
type MeasureDefinition struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	Definition string `json:"definition"`
	Tells      string `json:"tells"`
	Cannot     string `json:"cannot"`
	// Source is the measure's reference or, for a measure with no
	// published norm, the note that says so, in the report's language.
	Source string `json:"source"`
	Unit   string `json:"unit"`
}

// LogNote is a note written in a group's drill log: by the trainer in
// the room's console ("Add note") or on a paper log.
type LogNote struct {
	At time.Time `json:"at"`
	// Clock is At's clock time, HH:MM, in the log's own time zone.
	Clock string `json:"clock"`
	// Phase is the agenda phase (from 1) that was running when the note
	// was written, and PhaseTitle its title; 0 and empty outside every
	// phase.
	Phase      int    `json:"phase,omitempty"`
	PhaseTitle string `json:"phase_title,omitempty"`
	By         string `json:"by,omitempty"`
	Text       string `json:"text"`
}

// logNotes are the notes among a group's entries, which are in time
// order, each with the phase of phases running at its time: the last
// phase started at or before it and not yet ended.
func logNotes(entries []live.Entry, phases []measure.PhaseTime) []LogNote {
	var out []LogNote
	for _, e := range entries {
		if e.Kind != live.KindNote || strings.TrimSpace(e.Text) == "" {
			continue
		}
		n := LogNote{At: e.At, Clock: e.At.Format("15:04"), By: e.By, Text: e.Text}
		for _, ph := range phases {
			if ph.Skipped || ph.Start.IsZero() || e.At.Before(ph.Start) || !ph.End.IsZero() && !e.At.Before(ph.End) {
				continue
			}
			n.Phase, n.PhaseTitle = ph.Phase, ph.Title
		}
		out = append(out, n)
	}
	return out
}

// logByGroup splits the log by round and group, each group's entries by
// time and then by their place in the log, so that entries given in
// another order come out the same.
func logByGroup(log []live.Entry) map[unit][]live.Entry {
	out := map[unit][]live.Entry{}
	for _, e := range log {
		u := unit{e.Round, e.Group}
		out[u] = append(out[u], e)
	}
	for _, es := range out {
		sort.SliceStable(es, func(i, j int) bool {
			if !es[i].At.Equal(es[j].At) {
				return es[i].At.Before(es[j].At)
			}
			return es[i].Seq < es[j].Seq
		})
	}
	return out
}

// measureInput is what [measure.Of] needs of group g of round: the
// scenario's agenda, the group's speakers (each with the id of their
// role; observers are not among them: they do not speak in the council,
// and are often the ones keeping the log, so counting them would add a
// silent member and a zero to the Gini), its hosts and its entries.
func measureInput(round int, g plan.Group, s *scenario.Scenario, agenda live.Agenda, entries []live.Entry) measure.Input {
	team := live.TeamOf(round, &g).Speakers(s)
	return measure.Input{Agenda: agenda, Team: team, Hosts: team.Hosts(s), Entries: entries}
}

// measureTitle is the title of the measure id in lang, or the id.
func measureTitle(id, lang string) string {
	if d, ok := measure.DefinitionOf(id); ok {
		if t := d.Title.In(lang); t != "" {
			return t
		}
	}
	return id
}

// measureDefinitions are the definitions of every measure in lang.
func measureDefinitions(lang string) []MeasureDefinition {
	var out []MeasureDefinition
	for _, d := range measure.Definitions {
		out = append(out, MeasureDefinition{
			ID: d.ID, Title: measureTitle(d.ID, lang), Definition: d.Definition.In(lang),
			Tells: d.Tells.In(lang), Cannot: d.Cannot.In(lang), Source: cmp.Or(d.Source, d.Note.In(lang)), Unit: d.Unit,
		})
	}
	return out
}

// readsWord is how [scenario.MeasureRef.Reads] is written in a report.
func readsWord(r int) string {
	switch r {
	case 1:
		return ReadsGood
	case -1:
		return ReadsPoor
	}
	return ReadsBetween
}

// measureReadings fills in the group's readings, one per measure the
// rubric maps to each dimension, in rubric order, and returns the flags
// among them ([MeasureFlag]). The group must have measures.
func measureReadings(g *GroupReport, s *scenario.Scenario) []MeasureFlag {
	lang := s.Language
	rub := s.Rubric.Rubric
	var flags []MeasureFlag
	for _, d := range rub.Dimensions {
		ds, _ := g.dimension(d.ID)
		first := len(g.MeasureReadings)
		for _, ref := range d.Measures {
			mr := MeasureReading{
				Dimension: d.ID, Title: d.Title.In(lang), Mean: ds.Mean,
				Measure: ref.ID, MeasureTitle: measureTitle(ref.ID, lang), Good: ref.Good, Poor: ref.Poor,
			}
			if v, ok := g.Measures.Values[ref.ID]; ok {
				mr.Value = &v
				mr.Reads = readsWord(ref.Reads(v))
			}
			g.MeasureReadings = append(g.MeasureReadings, mr)
		}
		flags = append(flags, dimensionFlags(*g, rub.Scale, g.MeasureReadings[first:], lang)...)
	}
	return flags
}

// dimensionFlags flags where the readings rs of one dimension disagree
// with its mean, and marks the readings each flag names: with a mean at
// or above the scale's maximum less one, each reading that is poor; with
// a mean at or below its minimum plus one, all the readings with a value
// at once, when they all read good and two or more of them are not
// counts good at 0 ([goodAtZero]). On a scale
// too short for the two to be apart (1 to 3), the middle of the scale is
// neither.
func dimensionFlags(g GroupReport, sc scenario.Scale, rs []MeasureReading, lang string) []MeasureFlag {
	if len(rs) == 0 || rs[0].Mean == nil {
		return nil
	}
	mean, mid := *rs[0].Mean, float64(sc.Min+sc.Max)/2
	high := mean >= float64(sc.Max-1) && mean > mid
	low := mean <= float64(sc.Min+1) && mean < mid
	flag := func(reads, text string, named ...MeasureReading) MeasureFlag {
		f := MeasureFlag{
			Round: g.Round, Group: g.Group, Dimension: named[0].Dimension, Title: named[0].Title, Mean: mean,
			Measure: named[0].Measure, MeasureTitle: named[0].MeasureTitle, Value: *named[0].Value, Reads: reads, Text: text,
		}
		for _, mr := range named {
			f.Measures = append(f.Measures, FlaggedMeasure{Measure: mr.Measure, Title: mr.MeasureTitle, Value: *mr.Value})
		}
		return f
	}
	var out []MeasureFlag
	switch {
	case high:
		for i, mr := range rs {
			if mr.Value == nil || mr.Reads != ReadsPoor {
				continue
			}
			// Where the value lies beyond the reference: above it when
			// poor is the higher.
			key := "mflag_poor_down"
			if mr.Poor > mr.Good {
				key = "mflag_poor_up"
			}
			text := mwordf(lang, key, mr.Title, num(mr.Mean), mr.MeasureTitle,
				measure.Format(mr.Measure, *mr.Value, lang), measure.Format(mr.Measure, mr.Poor, lang))
			rs[i].Flagged = true
			out = append(out, flag(ReadsPoor, text, mr))
		}
	case low:
		var good []MeasureReading
		var shown []string
		counted := 0
		for _, mr := range rs {
			if mr.Value == nil {
				continue
			}
			if mr.Reads != ReadsGood {
				return nil
			}
			good = append(good, mr)
			if !goodAtZero(mr) {
				counted++
			}
			shown = append(shown, mwordf(lang, "mflag_value", mr.MeasureTitle, measure.Format(mr.Measure, *mr.Value, lang)))
		}
		if counted < 2 {
			return nil
		}
		for i := range rs {
			rs[i].Flagged = rs[i].Value != nil
		}
		text := mwordf(lang, "mflag_good", rs[0].Title, num(rs[0].Mean), strings.Join(shown, words.In(lang, "list_sep")))
		out = append(out, flag(ReadsGood, text, good...))
	}
	return out
}

// goodAtZero is whether mr is a count whose good value is 0 (fewer is
// better), such as phases skipped or silent members: it reads good by
// nothing having gone wrong.
func goodAtZero(mr MeasureReading) bool { return mr.Good == 0 && mr.Poor > 0 }

// measureWords are the words of the measures' part of a report, apart
// from [words] so that a report without a log reads only the words it
// always did.
var measureWords = scenario.Words{
	"en": {
		"mflag_poor_up":   "Scored %[2]s on %[1]s, but the drill log reads poor on %[3]s: %[4]s (%[5]s or more is poor).",
		"mflag_poor_down": "Scored %[2]s on %[1]s, but the drill log reads poor on %[3]s: %[4]s (%[5]s or less is poor).",
		"mflag_good":      "Scored only %[2]s on %[1]s, but every measure of it in the drill log reads good: %[3]s.",
		"mflag_value":     "%s %s",
		"observers":       "Observers, not counted",
		"measured":        "Measured from the drill log",
		"measured_help":   "What the drill log shows, beside the reviewers' scores. A measure counts what happened, not how well: read it with the evidence. ⚑ marks a dimension where scores and measures disagree.",
		"measure":         "Measure", "value": "Value", "reads_shown": "as shown", "flag": "Where scores and measures disagree", "reads": "Reads", "reference": "Reads good / poor at",
		"ref_fmt":    "good %s, poor %s",
		"ref_zero":   "good at 0, poor %s",
		"reads_good": "good", "reads_between": "in between", "reads_poor": "poor", "not_measured": "not in the log",
		"participation": "Participation", "speaking": "Speaking (min)", "share": "Share of talk", "turns": "Turns",
		"interruptions": "Interruptions", "silent": "Silent members", "none": "none",
		"no_talk": "The log records no speaking turn: who spoke, and who did not, is not measured.",
		"phases":  "Agenda phases", "phase": "Phase", "planned": "Planned (min)", "actual": "Actual (min)",
		"over": "Over (min)", "summaries": "Summaries", "skipped": "skipped", "total": "Total",
		"injects": "Injects", "inject": "Inject", "released": "Released (min)", "response": "First response",
		"no_response": "no response in the log", "after_min": "after %s min",
		"figures": "Every measure", "no_sheets": "No scoresheet for this group: only what the drill log shows.",
		"timeline":       "Timeline",
		"timeline_label": "Timeline of round %d, group %d: the agenda phases planned and as they ran, pauses, injects, and each member's turns",
		"tl_planned":     "Planned", "tl_actual": "Actual", "tl_injects": "Injects", "tl_summaries": "Summaries",
		"tl_interruptions": "Interruptions", "tl_minutes": "min", "tl_over": "over its timebox", "tl_within": "within its timebox",
		"tl_pause": "pause", "tl_turn": "speaking turn",
		"tl_phase_planned":  "Phase %d · %s: planned %s min",
		"tl_phase_actual":   "Phase %d · %s: %s min of %s planned (%s)",
		"tl_pause_t":        "Pause, min %s–%s",
		"tl_turn_t":         "%s: min %s–%s",
		"tl_inject_t":       "Inject %s released at min %s; %s",
		"tl_summary_t":      "Summary at min %s",
		"tl_interruption_t": "Interruption at min %s",
		"definitions":       "How the measures are defined",
		"definitions_help":  "Each measure is computed from the drill log alone, the same way for every group. None of them replaces a reviewer's judgement.",
		"def_tells":         "What it can tell", "def_cannot": "What it cannot tell", "def_source": "Source",
		"log_notes":      "Notes from the drill log",
		"log_notes_help": "Written during the drill, in the room or on the paper log. For the trainer: trainees' pages do not show them.",
		"note_phase":     "Phase %d · %s",
		"note_time":      "Time",
	},
	"zh": {
		"mflag_poor_up":   "“%[1]s”平均得分 %[2]s，但演练记录中的“%[3]s”不佳：%[4]s（%[5]s及以上即为不佳）。",
		"mflag_poor_down": "“%[1]s”平均得分 %[2]s，但演练记录中的“%[3]s”不佳：%[4]s（%[5]s及以下即为不佳）。",
		"mflag_good":      "“%[1]s”平均得分仅 %[2]s，但演练记录中这一维度的各项测量结果都良好：%[3]s。",
		"mflag_value":     "%s %s",
		"observers":       "观察员（不计入）",
		"measured":        "演练记录中的测量结果",
		"measured_help":   "演练记录反映的情况，与评分人的评分并列。测量结果只记录发生了什么，不评判做得好坏，请结合依据来看。⚑ 标出评分与测量结果不一致的维度。",
		"measure":         "测量指标", "value": "数值", "reads_shown": "显示值", "flag": "评分与测量结果不一致之处", "reads": "解读", "reference": "好/差的界线",
		"ref_fmt":    "良好 %s，不佳 %s",
		"ref_zero":   "为 0 即为良好，不佳 %s",
		"reads_good": "良好", "reads_between": "中等", "reads_poor": "不佳", "not_measured": "记录中没有",
		"participation": "发言与参与", "speaking": "发言时长（分钟）", "share": "发言占比", "turns": "发言次数",
		"interruptions": "插话次数", "silent": "未发言的成员", "none": "无",
		"no_talk": "记录中没有记发言：谁发了言、谁没发言，这里没有测量。",
		"phases":  "议程环节用时", "phase": "环节", "planned": "计划（分钟）", "actual": "实际（分钟）",
		"over": "超出（分钟）", "summaries": "小结次数", "skipped": "跳过", "total": "合计",
		"injects": "情景注入", "inject": "情景注入", "released": "发布于（第几分钟）", "response": "首次回应",
		"no_response": "记录中未见回应", "after_min": "%s 分钟后",
		"figures": "全部测量指标", "no_sheets": "本组没有评分表，只有演练记录反映的情况。",
		"timeline":       "时间线",
		"timeline_label": "第 %d 轮第 %d 组时间线：议程环节的计划与实际用时、暂停、情景注入，以及每位成员的发言",
		"tl_planned":     "计划", "tl_actual": "实际", "tl_injects": "情景注入", "tl_summaries": "小结",
		"tl_interruptions": "插话", "tl_minutes": "分钟", "tl_over": "超出时限", "tl_within": "未超时限",
		"tl_pause": "暂停", "tl_turn": "发言",
		"tl_phase_planned":  "环节 %d · %s：计划 %s 分钟",
		"tl_phase_actual":   "环节 %d · %s：用时 %s 分钟，计划 %s 分钟（%s）",
		"tl_pause_t":        "暂停，第 %s–%s 分钟",
		"tl_turn_t":         "%s：第 %s–%s 分钟",
		"tl_inject_t":       "情景注入 %s 于第 %s 分钟发布；%s",
		"tl_summary_t":      "第 %s 分钟小结",
		"tl_interruption_t": "第 %s 分钟插话",
		"definitions":       "测量指标的定义",
		"definitions_help":  "每项指标都只根据演练记录计算，对每个组算法相同。它们都不能代替评分人的判断。",
		"def_tells":         "能说明什么", "def_cannot": "不能说明什么", "def_source": "出处",
		"log_notes":      "演练记录中的备注",
		"log_notes_help": "演练过程中在现场控制台或纸质记录上写下的备注，供培训师参考，不会出现在学员的个人页面上。",
		"note_phase":     "环节 %d · %s",
		"note_time":      "时间",
	},
}

// mword is the word key of the measures' part in lang.
func mword(lang, key string) string { return measureWords.In(lang, key) }

// mwordf is the format key of the measures' part in lang, filled in.
func mwordf(lang, key string, args ...any) string {
	return fmt.Sprintf(measureWords.In(lang, key), args...)
}
