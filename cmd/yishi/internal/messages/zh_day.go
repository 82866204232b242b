package messages

// zhDay is the Chinese of the messages of the day itself: its clock and
// tables, the amendments made on the day, and the day's paper.
var zhDay = map[string]string{
	// cmd/yishi
	"\nround %d (%s): diversity %s": "\n第 %d 轮（%s）：多样性 %s",
	"TABLE":                         "桌号",
	"--break %s: give whole minutes from 0 to %dh, such as 15m":                                                       "--break %s：请给出 0 到 %d 小时之间的整分钟数，如 15m",
	"clock time the first round starts, such as 09:00 (default: the scenario's schedule.start; none: an untimed day)": "第一轮开始的钟点，如 09:00（默认取情景的 schedule.start；都没有则不排钟点）",
	"time between rounds, such as 15m (default: the scenario's schedule.break)":                                       "两轮之间的休息时间，如 15m（默认取情景的 schedule.break）",
	"rooms or tables, one per group in order, such as \"A1,A2,A3\" (default: the scenario's schedule.tables)":         "会议室或桌号，按组的顺序每组一个，如 \"A1,A2,A3\"（默认取情景的 schedule.tables）",

	// roles/plan
	"%s.id: trainee %q sits round %d out and is in its group %d too":                                      "%s.id：学员 %q 不参加第 %d 轮，却又在该轮第 %d 组",
	"%s.reason: expected %q or %q, got %q":                                                                "%s.reason：应为 %q 或 %q，实际是 %q",
	"%s: %q is not a clock time such as 09:00":                                                            "%s：%q 不是 09:00 这样的钟点",
	"round %d would start at %s, before round %d ends at %s":                                              "第 %d 轮将在 %s 开始，早于第 %d 轮结束的 %s",
	"round %d would end after midnight (%s plus %d minutes); start the day earlier or shorten the breaks": "第 %d 轮将在午夜之后结束（%s 再加 %d 分钟）；请提早开始或缩短休息",
	"a break of %d minutes between rounds is past any sense; give 0 to %d minutes":                        "两轮之间休息 %d 分钟不合常理；请给出 0 到 %d 分钟",
	"table %q is named twice; each group needs a table of its own":                                        "桌号 %q 出现了两次；每组需要自己的桌子",
	"round %d has %d groups but only %d tables are named (%s); name one table per group":                  "第 %d 轮有 %d 个组，但只给了 %d 个桌号（%s）；请每组给一个桌号",
	"start %q is not a clock time; write it as 09:00":                                                     "开始时间 %q 不是钟点；请写成 09:00",
	"round %d: start %q is not a clock time; write it as 14:00":                                           "第 %d 轮：开始时间 %q 不是钟点；请写成 14:00",

	// scenario/schedule.go
	"schedule.start: %q is not a clock time; write it as 09:00":                                                              "schedule.start：%q 不是钟点；请写成 09:00",
	"schedule.break: must not be negative":                                                                                   "schedule.break：不能为负",
	"schedule.break: %s is longer than the %d hours a break between rounds may take":                                         "schedule.break：%s 超过了两轮之间休息最多 %d 小时的上限",
	"schedule.rounds: %d rounds; a training day has at most %d":                                                              "schedule.rounds：%d 轮；一个培训日最多 %d 轮",
	"%s.name: %q is a number, which an availability column would read as a round's number; give the round a name such as 上午": "%s.name：%q 是数字，“可参加轮次”一列会把它当作轮次编号；请给这一轮起个名字，如“上午”",
	"%s.name: %q already names another round (at %s)":                                                                        "%s.name：%q 已是另一轮的名字（在 %s）",
	"%s.start: %q is not a clock time; write it as 14:00":                                                                    "%s.start：%q 不是钟点；请写成 14:00",
	"%s: empty; name the room or table":                                                                                      "%s：为空；请写出会议室或桌号",
	"%s: %q is already a table (at %s)":                                                                                      "%s：%q 已是另一张桌子（在 %s）",
	"schedule.tables: %d tables; a day has at most %d groups":                                                                "schedule.tables：%d 张桌子；一天最多 %d 个组",
}
