package measure

import (
	"fmt"
	"math"

	"github.com/yishi-council/yishi/scenario"
)

// Definition is what a report prints with a measure: its name, how it is
// computed, what it can tell a trainer and what it cannot, and where it
// comes from.
type Definition struct {
	// ID is the measure's id, one of [scenario.Measures].
	ID string
	// Title names the measure and Definition says how it is computed, in
	// English and Chinese.
	Title, Definition scenario.Text
	// Tells is what the measure can tell a trainer, Cannot what it cannot.
	Tells, Cannot scenario.Text
	// Source is the published reference or references the measure rests
	// on: authors, year, title, venue, and DOI where known. It holds
	// citations only, which read the same in every language; it is empty
	// for a measure with no published norm, whose Note says so.
	Source string
	// Note, in English and Chinese, is what a report prints in the place
	// of Source when Source is empty: the remark that the measure has no
	// published norm and what it is read from. It is empty whenever
	// Source is not.
	Note scenario.Text
	// Unit is how a value reads: [UnitShare], [UnitMinutes], [UnitCount],
	// [UnitPer10] or [UnitIndex].
	Unit string
}

// The units of the measures, as [Format] prints them.
const (
	// UnitShare is a share of 0..1, printed as a percentage.
	UnitShare = "share"
	// UnitMinutes is minutes of drill time.
	UnitMinutes = "minutes"
	// UnitCount is a whole number of things.
	UnitCount = "count"
	// UnitPer10 is a number of events per ten minutes of drill.
	UnitPer10 = "per10"
	// UnitIndex is a number on a scale of 0..1.
	UnitIndex = "index"
)

// The references the definitions cite.
const (
	sourceLeach = "Leach, D. J., Rogelberg, S. G., Warr, P. B. & Burnfield, J. L. (2009). " +
		"Perceived meeting effectiveness: The role of design characteristics. " +
		"Journal of Business and Psychology 24(1), 65–76. doi:10.1007/s10869-009-9092-6"
	sourceWoolley = "Woolley, A. W., Chabris, C. F., Pentland, A., Hashmi, N. & Malone, T. W. (2010). " +
		"Evidence for a collective intelligence factor in the performance of human groups. " +
		"Science 330(6004), 686–688. doi:10.1126/science.1193147"
	sourceRiedl = "Riedl, C., Kim, Y. J., Gupta, P., Malone, T. W. & Woolley, A. W. (2021). " +
		"Quantifying collective intelligence in human groups. " +
		"PNAS 118(21), e2005737118. doi:10.1073/pnas.2005737118"
	sourceTausczik = "Tausczik, Y. R. & Pennebaker, J. W. (2013). " +
		"Improving teamwork using real-time language feedback. " +
		"Proceedings of CHI 2013. doi:10.1145/2470654.2470720"
	sourceTalkRatio = "Immediate faculty feedback using debriefing timing data and conversational diagrams. " +
		"Advances in Simulation 7 (2022). doi:10.1186/s41077-022-00203-6"
	sourceHaan = "Haan, K.-W., Riedl, C. & Woolley, A. W. (2021). " +
		"Discovering where we excel: How inclusive turn-taking in conversation improves team performance. " +
		"ICMI '21 Companion (International Conference on Multimodal Interaction), 278–283. doi:10.1145/3461615.3485417"
	sourceGibson = "Gibson, D. R. (2003). Participation shifts: Order and differentiation in group conversation. " +
		"Social Forces 81(4), 1335–1380"
	sourceOkamoto = "Okamoto, D. G., Rashotte, L. S. & Smith-Lovin, L. (2002). " +
		"Measuring interruption: Syntactic and contextual methods of coding conversation. " +
		"Social Psychology Quarterly 65(1), 38–55"
)

// The notes of the measures with no published norm, printed where the
// source would be.
var (
	noteInjectResponse = scenario.Text{
		"en": "No published norm: a time this tool reads from the drill log.",
		"zh": "没有公开发表的参考标准：这是本工具从演练记录中读出的时间。",
	}
	noteSummaries = scenario.Text{
		"en": "No published norm: a count this tool reads from the drill log, for the trainer's judgement of summing up (induction).",
		"zh": "没有公开发表的参考标准：这是本工具从演练记录中数出的次数，供培训师评“问题归纳”时参考。",
	}
	noteFirstSummary = scenario.Text{
		"en": "No published norm: a time this tool reads from the drill log, for the trainer's judgement of summing up (induction).",
		"zh": "没有公开发表的参考标准：这是本工具从演练记录中读出的时间，供培训师评“问题归纳”时参考。",
	}
)

// talkOnly and talkOnlyZh end the definition of each participation and
// induction measure: those need a log on which an observer followed the
// talk.
const (
	talkOnly   = " Measured only when the log records speaking turns: a log of phase times alone does not give it."
	talkOnlyZh = "只有日志里记了发言才计算这一项；只记了各环节起止时间的日志没有这一项。"
	// kindOnly and kindOnlyZh end the definition of a measure counted
	// from entries of its own kind.
	kindOnly   = " Measured when the log records speaking turns or entries of this kind: a log of phase times alone does not give it."
	kindOnlyZh = "日志里记了发言或记了这类事项才计算这一项；只记了各环节起止时间的日志没有这一项。"
)

// Definitions are the definitions of every measure, one per id of
// [scenario.Measures], in the same order.
var Definitions = []Definition{
	{
		ID:    scenario.MeasurePunctuality,
		Title: scenario.Text{"en": "Punctuality index", "zh": "守时指数"},
		Definition: scenario.Text{
			"en": "1 less the mean, over the agenda's phases, of each phase's deviation from its timebox as a share of it, capped at 1; a skipped phase deviates by 1. Pauses are not counted.",
			"zh": "对每个议程环节，算出实际用时偏离计划时长的比例（最多算 1，跳过的环节算 1），取各环节的平均值，再用 1 减去它。暂停的时间不计入。",
		},
		Tells: scenario.Text{
			"en": "Whether the host kept each phase to its timebox: 1 when every phase ended on time, lower the more phases ran long or short. Keeping to time and using the agenda go with meetings that attendees judge effective.",
			"zh": "主持人是否让每个环节守住了计划时间：每个环节都按时结束为 1，超时或提前结束的环节越多越低。研究发现，守时和按议程开会与参会者认为会议有成效相关。",
		},
		Cannot: scenario.Text{
			"en": "Whether keeping to time was right: cutting a phase short to stay on schedule can leave a party unheard, and a phase that overran may have needed the time. It is only as exact as the phase taps.",
			"zh": "守时是否恰当：为了赶时间草草结束一个环节，可能有一方没能充分表达；超时的环节也可能确实需要更多时间。它的准确程度取决于环节开始和结束记录得是否及时。",
		},
		Source: sourceLeach,
		Unit:   UnitIndex,
	},
	{
		ID:    scenario.MeasureOverrun,
		Title: scenario.Text{"en": "Overrun", "zh": "超时比例"},
		Definition: scenario.Text{
			"en": "The phases' total time less their planned total, as a share of the planned total; 0 when the drill ran under. Pauses are not counted.",
			"zh": "各环节实际用时之和超出计划时长之和的部分，占计划时长之和的比例；没有超时记为 0。暂停的时间不计入。",
		},
		Tells: scenario.Text{
			"en": "How far the meeting as a whole ran past its plan, when the phases' overruns and savings are added up.",
			"zh": "把各环节的超时和节省的时间加在一起，整场会议比计划超出了多少。",
		},
		Cannot: scenario.Text{
			"en": "Which phase lost the time (see each phase's overrun), nor whether finishing early meant a phase was rushed or skipped.",
			"zh": "时间具体耗在哪个环节（请看各环节的超时情况），也看不出提前结束是不是因为某个环节被匆匆带过或跳过了。",
		},
		Source: sourceLeach,
		Unit:   UnitShare,
	},
	{
		ID:    scenario.MeasurePhasesSkipped,
		Title: scenario.Text{"en": "Phases skipped", "zh": "跳过的环节"},
		Definition: scenario.Text{
			"en": "The agenda phases never started in a drill that started.",
			"zh": "会议开始后，始终没有开始过的议程环节个数。",
		},
		Tells: scenario.Text{
			"en": "Whether the host followed the agenda through to its end, such as coming to a decision and a record of it.",
			"zh": "主持人有没有把议程走完，例如有没有进入形成决议、记录成果的环节。",
		},
		Cannot: scenario.Text{
			"en": "Whether a phase's work was done inside another, or whether the observer forgot to tap its start.",
			"zh": "某个环节的内容是否已经在别的环节里完成了，也分辨不出是不是观察员漏记了环节开始。",
		},
		Source: sourceLeach,
		Unit:   UnitCount,
	},
	{
		ID:    scenario.MeasureInjectResponse,
		Title: scenario.Text{"en": "Response to injects", "zh": "情景注入响应时间"},
		Definition: scenario.Text{
			"en": "The mean, over the injects released to the group, of the drill time (pauses not counted) from an inject's release to its answer: the first later entry that names the inject or, with none, the first later turn by a member whose role the inject is aimed at. An inject never answered counts as answered at the end of the drill, a lower bound on its response time, so ignoring an inject reads slow; those injects are also listed as not answered. A log without speaking turns counts only the answers it shows.",
			"zh": "对发放给小组的每条情景注入，算出从发放到回应之间的会议时间（不含暂停），取平均值。回应以发放后日志里第一条标明这条情景注入的记录为准；没有这样的记录时，以注入对象角色的成员在发放后的第一次发言为准。始终没有回应的情景注入，按会议结束时才回应计算（这只是它响应时间的下限），所以不理会情景注入会让这一项变慢；这些注入还会单独列为未回应。没有记发言的日志，只按其中记下的回应计算。",
		},
		Tells: scenario.Text{
			"en": "How quickly the council took up a new development, such as a resident's complaint or a new rule, instead of carrying on as planned.",
			"zh": "议事会对新情况（如居民投诉、新出台的规定）反应有多快，还是照原计划往下走、不予理会。",
		},
		Cannot: scenario.Text{
			"en": "How well the group answered, only when. Unless an entry names the inject, the first turn by a member it is aimed at counts as the answer, whether or not that member took the inject up.",
			"zh": "回应得好不好，它只反映快慢。如果没有记录标明对应这条情景注入，注入对象角色的成员一开口就算作回应，不管说的是不是这件事。",
		},
		Note: noteInjectResponse,
		Unit: UnitMinutes,
	},
	{
		ID:    scenario.MeasureGini,
		Title: scenario.Text{"en": "Gini of speaking time", "zh": "发言时间基尼系数"},
		Definition: scenario.Text{
			"en": "The Gini coefficient of the members' speaking times, every member who takes part (observers are not counted), silent ones as zero: the mean absolute difference between any two members over twice the mean. 0 when all spoke equally, near 1 when one spoke alone." + talkOnly,
			"zh": "全组成员发言时间的基尼系数，每位参加演练的成员都计入（观察员不计），没有发言的记为 0：任意两名成员发言时间之差的绝对值的平均数，除以平均发言时间的两倍。人人发言一样多为 0，只有一人发言时接近 1。" + talkOnlyZh,
		},
		Tells: scenario.Text{
			"en": "How evenly the floor was shared. Groups whose members shared the turns more equally showed more collective intelligence across tasks, and how a group works together predicted it more than its members' individual skill.",
			"zh": "发言机会分配得是否均衡。研究发现，成员发言轮次更均衡的小组在各类任务上表现出更高的集体智慧，而小组的协作过程比成员的个人能力更能预示这一点。",
		},
		Cannot: scenario.Text{
			"en": "Whether the spread was right: in a council one stakeholder may need to hold the floor to state a hard interest, so a Gini near 0 is not always the goal. Speaking time is not quality, and an observer's taps are coarse.",
			"zh": "这种分配是否合适：议事会上，某一方可能需要较长时间讲清自己的利益诉求，所以基尼系数接近 0 并不总是目标。发言时间长不等于发言质量高，观察员的点按记录也比较粗略。",
		},
		Source: sourceWoolley + "; " + sourceRiedl + "; " + sourceTausczik,
		Unit:   UnitIndex,
	},
	{
		ID:    scenario.MeasureSilentMembers,
		Title: scenario.Text{"en": "Silent members", "zh": "未发言成员"},
		Definition: scenario.Text{
			"en": "The members of the group with no speaking turn in the drill." + talkOnly,
			"zh": "整场会议中一次也没有发言的组员人数。" + talkOnlyZh,
		},
		Tells: scenario.Text{
			"en": "Whether the host drew every party in; a measure of participation that leaves silent members out would hide exactly them.",
			"zh": "主持人有没有让每一方都开口。如果统计发言时不把沉默的成员算进去，恰恰会把他们漏掉。",
		},
		Cannot: scenario.Text{
			"en": "Why a member stayed silent (a role that listens, such as the recorder, or a party shut out), nor turns the observer missed.",
			"zh": "成员为什么没有发言（比如记录员本来以听为主，还是某一方被排除在外），也补不上观察员漏记的发言。",
		},
		Source: sourceTausczik,
		Unit:   UnitCount,
	},
	{
		ID:    scenario.MeasureHostShare,
		Title: scenario.Text{"en": "Host's share of talk", "zh": "主持人发言占比"},
		Definition: scenario.Text{
			"en": "The host's speaking time as a share of the group's speaking time (the facilitator talk ratio)." + talkOnly,
			"zh": "主持人的发言时间占全组发言时间的比例（主持人发言比）。" + talkOnlyZh,
		},
		Tells: scenario.Text{
			"en": "Whether the host guided the parties or spoke for them. In simulation debriefs, those where the debriefer talked less than the participants were rated higher by the participants.",
			"zh": "主持人是在引导各方发言，还是替各方说话。模拟教学复盘的研究中，引导者讲话比学员少的复盘，学员给出的评价更高。",
		},
		Cannot: scenario.Text{
			"en": "What the host said: a short summary that unlocks the discussion and a long speech count by their length only. The study behind it is small (twelve medical simulation debriefs), not of councils, and the measure is only as exact as the observer's taps.",
			"zh": "主持人说了什么：一句打开局面的简短小结和一段冗长的讲话，只按时长计算。所依据的研究样本很小（12 场医学模拟复盘），研究的也不是议事会；它的准确程度还取决于观察员点按得是否及时。",
		},
		Source: sourceTalkRatio,
		Unit:   UnitShare,
	},
	{
		ID:    scenario.MeasureInterruptionsPer10,
		Title: scenario.Text{"en": "Interruptions per 10 minutes", "zh": "每 10 分钟插话次数"},
		Definition: scenario.Text{
			"en": "The interruptions the observer logged, per ten minutes of drill time (pauses not counted)." + kindOnly,
			"zh": "观察员记下的插话次数，按每 10 分钟会议时间（不含暂停）计算。" + kindOnlyZh,
		},
		Tells: scenario.Text{
			"en": "How often members cut in on one another, a sign of how well the host kept order on the floor.",
			"zh": "成员之间互相插话的频繁程度，反映主持人维持发言秩序的情况。",
		},
		Cannot: scenario.Text{
			"en": "Which interruptions were hostile and which supportive: researchers define and code interruptions in different ways, and an observer's tap marks only that one happened.",
			"zh": "哪些插话带有对抗性、哪些是表示支持：研究者对插话的界定和编码方法各不相同，观察员的一次点按只能说明发生过一次插话。",
		},
		Source: sourceOkamoto,
		Unit:   UnitPer10,
	},
	{
		ID:    scenario.MeasureFloorPasses,
		Title: scenario.Text{"en": "Floor passes", "zh": "发言权转换"},
		Definition: scenario.Text{
			"en": "The share of turns, after the first, taken by another member than the one before." + talkOnly,
			"zh": "除第一轮发言外，由不同于上一位发言者的成员接过话头的发言所占比例。" + talkOnlyZh,
		},
		Tells: scenario.Text{
			"en": "Whether the discussion moved around the table or stayed between a few voices; inclusive turn-taking goes with better group work.",
			"zh": "讨论是在各方之间轮流展开，还是只在少数几个人之间来回；研究表明包容性的发言轮换与更好的小组协作相关。",
		},
		Cannot: scenario.Text{
			"en": "Whether the floor passed to the party who needed it. A member who goes on after a silence is logged as a second turn that kept the floor, which lowers the share.",
			"zh": "发言权是否交给了最需要发言的一方。同一个人停顿后接着说，会被记成没有换人的第二次发言，使比例偏低。",
		},
		Source: sourceHaan + "; " + sourceGibson,
		Unit:   UnitShare,
	},
	{
		ID:    scenario.MeasureSummaries,
		Title: scenario.Text{"en": "Host summaries", "zh": "主持人小结次数"},
		Definition: scenario.Text{
			"en": "The host summaries logged in the drill, counted also per agenda phase; one logged at the minute a phase ends counts in that phase. A summary logged as made by a member who is not a host is left out; one logged without a member counts as the host's." + kindOnly,
			"zh": "会议中记下的主持人小结次数，并按议程环节分别统计；在某个环节结束的那一分钟记下的小结，算在这个环节里。记在其他成员（不是主持人）名下的小结不计入；没有记是谁做的小结，算作主持人的。" + kindOnlyZh,
		},
		Tells: scenario.Text{
			"en": "Whether the host gathered what the parties said into points the council could act on, and in which phases.",
			"zh": "主持人有没有适时小结，把各方的发言梳理成议事会可以讨论推进的要点，以及是在哪些环节做的。",
		},
		Cannot: scenario.Text{
			"en": "Whether a summary was fair and complete; only that the observer heard one.",
			"zh": "小结是否公允、完整；它只说明观察员听到了一次小结。",
		},
		Note: noteSummaries,
		Unit: UnitCount,
	},
	{
		ID:    scenario.MeasureFirstSummary,
		Title: scenario.Text{"en": "Time to first summary", "zh": "首次小结用时"},
		Definition: scenario.Text{
			"en": "The drill time, in minutes and pauses not counted, from the start to the host's first summary; none when the host made no summary.",
			"zh": "从会议开始到主持人第一次小结所经过的会议时间，以分钟计，不含暂停；主持人没有做过小结就没有这一项。",
		},
		Tells: scenario.Text{
			"en": "How soon the host began to draw the views together instead of letting them pile up.",
			"zh": "主持人多早开始把各方观点汇总起来，而不是任由意见越积越多。",
		},
		Cannot: scenario.Text{
			"en": "Whether an early summary came too soon, before every party had spoken.",
			"zh": "过早的小结是否在各方还没说完之前就下了结论。",
		},
		Note: noteFirstSummary,
		Unit: UnitMinutes,
	},
}

// DefinitionOf returns the definition of the measure with the given id.
func DefinitionOf(id string) (Definition, bool) {
	for _, d := range Definitions {
		if d.ID == id {
			return d, true
		}
	}
	return Definition{}, false
}

// Format prints a measure's value the way reports show it, by its unit,
// in lang ("zh" for Chinese, English otherwise): "40 %", "3.5 min",
// "0.42", "2", "1.5 per 10 min". An unknown id prints as a plain number.
func Format(id string, v float64, lang string) string {
	d, _ := DefinitionOf(id)
	zh := lang == "zh"
	switch d.Unit {
	case UnitShare:
		if zh {
			return fmt.Sprintf("%.0f%%", round(v*100, 0))
		}
		return fmt.Sprintf("%.0f %%", round(v*100, 0))
	case UnitMinutes:
		if zh {
			return fmt.Sprintf("%.1f 分钟", round(v, 1))
		}
		return fmt.Sprintf("%.1f min", round(v, 1))
	case UnitCount:
		return fmt.Sprintf("%.0f", round(v, 0))
	case UnitPer10:
		if zh {
			return fmt.Sprintf("每 10 分钟 %.1f 次", round(v, 1))
		}
		return fmt.Sprintf("%.1f per 10 min", round(v, 1))
	}
	return fmt.Sprintf("%.2f", round(v, 2))
}

// round rounds v to the given decimals, half away from zero, and turns
// a negative zero into zero so that no "-0" is printed.
func round(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	r := math.Round(v*p) / p
	if r == 0 {
		return 0
	}
	return r
}
