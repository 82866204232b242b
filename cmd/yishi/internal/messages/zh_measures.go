package messages

// zhMeasures are the CLI's words for the drill log's measures in review
// and export.
var zhMeasures = map[string]string{
	// review/drilllog
	"%s: the log is of plan %q, but the plan given is %q; give the plan the log was written for":                                                                              "%s：这份记录属于分组方案 %q，但给出的方案是 %q；请给出记录对应的分组方案",
	"%s: the log is of %q, but round %d, group %d of the plan given is %q: the log is of another plan, or the group has changed since; give the plan the log was written for": "%s：这份记录属于 %q，但给出的方案中第 %d 轮第 %d 组是 %q：这是另一份方案的记录，或者这个小组后来有了变动；请给出记录对应的分组方案",

	"%s: inject %q is released again; the release in %s counts":                                                                                    "%s：情景注入 %q 又发布了一次；以 %s 的那次为准",
	"%s: a pause with no resume; the measures take the clock as running again at the next phase's start or end: log the resume if it came earlier": "%s：暂停后没有继续；测量时按下一个环节开始或结束时计时恢复：如果更早就继续了，请记下 resume",
	"%s: %q: write the id as the plan has it, %s":                                                                                                  "%s：%q：编号请照分组方案写，%s",
	"%s: %q is a name; write the member's id, %s":                                                                                                  "%s：%q 是姓名；请写成员编号 %s",

	// cmd/yishi/history.go
	"%w: %s already keeps %s on %s (plan %s), with most of these trainees: the same day, recorded again? Give --force to keep both, or --date for another day": "%w：%s 里已经有 %s 在 %s 的那一天（分组方案 %s），学员大多相同：是同一天又记了一次吗？要两天都留下请加 --force，或用 --date 写另一天",
	"%w: %s keeps plan %s with scores for %s, and these files hold none; give --force to replace them with none":                                               "%w：%s 里分组方案 %s 有 %s的评分，而这次给的文件里没有评分；确要用没有评分的记录替换，请加 --force",
	"%w: %s keeps another cohort (%s): %s of the %s on both are other people there, such as %s, %s here but %s in the history; give another --history file":    "%w：%s 是另一个学员班（%s）的档案：两边都有的 %[5]s中，%[4]s在档案里是别人，比如 %[6]s，这里是 %[7]s，档案里是 %[8]s；请换一个 --history 文件",
	"record the day even if the history keeps the same day under another plan, keeps scores the files lack, or seems another cohort's":                         "即使档案里已有同一天（另一个分组方案）、已有这些文件里没有的评分，或看起来是另一个学员班的档案，也照样记下这一天",
	"%w: %s keeps plan %s on %s; recording it on %s would replace that day: give --date %s, or --force to move it":                                             "%w：%s 里分组方案 %s 记在 %s；记到 %s 会替换掉那一天：请用 --date %[6]s，或加 --force 改到新日期",
	"%w: %s keeps plan %s with scores for %s, and these files hold scores for %s; give every scoresheet of the day, or --force to keep only these":             "%w：%s 里分组方案 %s 有 %s的评分，而这次给的文件只有 %s的评分；请给出当天全部评分表，或加 --force 只保留这些",
	"%d id":  "%d 个编号",
	"%d ids": "%d 个编号",

	// cmd/yishi/review.go
	"a plan file and at least one scoresheet or drill log":                         "一个方案文件，以及至少一份评分表或演练记录",
	"also write each trainee's progress page and the cohort view into this folder": "同时把每位学员的成长页和全班视图写入这个文件夹",
	"measured %s from their drill logs: %s between scores and measures\n":          "按演练记录测量了 %s：评分与测量结果之间有 %s\n",
	"the trainees' pages":                     "学员成长页",
	"wrote %s: %s and the cohort view (%s)\n": "已写入 %s：%s和全班视图（%s）\n",
	"%d trainee's page":                       "%d 位学员的成长页",
	"%d trainees' pages":                      "%d 位学员的成长页",

	// cmd/yishi/demo_steps.go, demo_history.go
	"the debrief report, with the measures of each group's drill": "复盘报告，附各组演练的客观测量",
	"  beside the scores, what each group's drill log measures (rhythm, who spoke how much, summaries) and a timeline;\n  %s/ holds a made-up log per group — DEMO DATA; to type in a log kept on paper:\n": "  评分旁边是各组演练记录测出的结果（节奏、谁发言多少、小结）和一张时间线；\n  %s/ 里每组一份编造的记录——演示数据；要录入纸质记录：\n",
	"  $ yishi new log %s --round 1 --group 1 --out round-1-group-1.yaml\n":                                                                                 "  $ yishi new log %s --round 1 --group 1 --out round-1-group-1.yaml\n",
	"  %s has a page per trainee (their roles, their group's scores, their speaking share)\n  and the cohort view: the mean per dimension by round\n":       "  %s 中每位学员一页（担任的角色、所在小组的得分、本人的发言占比），\n  还有全班视图：各轮每个维度的平均分\n",
	"a second training day, and each trainee's history":                                                                                                     "第二个培训日，以及每位学员的历史记录",
	"  the first day goes into a cohort database; a month later the next day's plan avoids its pairings,\n  and who hosted or recorded then leads later:\n": "  第一天记入学员档案库；一个月后，下一天的方案会避开当天的同组搭配，\n  当天做过主持人或记录员的人，之后才再担任：\n",
	"  $ yishi assign --scenario %s --roster %s --groups %d --rounds %d --seed %d --start %s --break %dm --tables %s --history %s --out %s --force\n":       "  $ yishi assign --scenario %s --roster %s --groups %d --rounds %d --seed %d --start %s --break %dm --tables %s --history %s --out %s --force\n",
	"  $ yishi history add %s %s/*.csv --history %s --date %s\n":                                                                                            "  $ yishi history add %s %s/*.csv --history %s --date %s\n",
	"  $ yishi history --history %s\n\n":                                             "  $ yishi history --history %s\n\n",
	"  the demo's own, %s, keeps both days (DEMO DATA); its first trainee:\n":        "  演示自带的档案库 %s 记有这两天（演示数据）；其中第一位学员：\n",
	"  the second day's plan, scores, logs and report are in %s/; %s lists all %s\n": "  第二天的方案、评分、记录和报告在 %s/ 中；%s 列出全部 %s\n",
}
