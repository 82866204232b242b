package messages

// zhLog is the Chinese of the messages of package review/drilllog and of
// `yishi new log`: the drill log (演练记录) as a file. Keys, kinds and ids
// of the file (at, kind, phase_start, entries[3]) stay as typed.
var zhLog = map[string]string{

	// cmd/yishi/new_log.go
	"Write a drill log template for one group, to type a paper log into": "为一个组生成演练记录模板，用来录入纸质记录",
	`Write a drill log template for one round and group of a plan, for a trainer
who logged the drill on paper: the group's members and the scenario's injects
as comments, and a phase_start and a phase_end line per agenda phase with an
empty time to fill in (the planned clock time beside it on a timed day).
An empty time is an error until it is filled in or its line deleted, so an
untouched template never reads as a perfect rhythm.

  --format yaml   a commented YAML file (the default)
  --format csv    the same as rows, for Excel (UTF-8 with BOM)`: `为分组方案中某一轮的某一组生成演练记录模板，供在纸上做记录的培训师录入：
本组成员和情景注入写在注释里，每个议程环节各有一行 phase_start 和一行 phase_end，
时间空着待填（排了时间的日子，旁边注明计划的钟点）。
时间空着会报错，直到填上时间或删掉那一行，所以没填的模板不会被当成节奏完美。

  --format yaml   带注释的 YAML 文件（默认）
  --format csv    同样的内容按行排列，供 Excel 使用（UTF-8 带 BOM）`,
	"the round the log is of":                                                               "记录所属的轮次",
	"the group the log is of":                                                               "记录所属的组",
	"the day of the drill, YYYY-MM-DD (default: today)":                                     "演练日期，YYYY-MM-DD（默认：今天）",
	"yaml or csv (default: from --out, else yaml)":                                          "yaml 或 csv（默认：按 --out 的扩展名，否则 yaml）",
	"file to write (default: log-round-R-group-G.yaml or .csv)":                             "要写出的文件（默认：log-round-R-group-G.yaml 或 .csv）",
	"new log needs --round R, the round the log is of":                                      "new log 需要 --round R，即记录所属的轮次",
	"new log needs --group G, the group the log is of":                                      "new log 需要 --group G，即记录所属的组",
	"--round and --group are numbered from 1":                                               "--round 和 --group 从 1 开始编号",
	"--format must be yaml or csv, not %q":                                                  "--format 必须是 yaml 或 csv，而不是 %q",
	"wrote %s\nnext: fill in the times from your paper log, then give it to yishi review\n": "已写出 %s\n下一步：照纸质记录填上时间，然后交给 yishi review\n",

	// review/drilllog/check.go
	"%s: the log is of scenario %q, but the plan is of scenario %q":                               "%s：这份记录属于情景 %q，但分组方案属于情景 %q",
	"%s: %q is not in round %d, group %d; its members are %s":                                     "%[1]s：%[2]q 不在第 %[3]d 轮第 %[4]d 组；本组成员是 %[5]s",
	"%s: the agenda has no phase %q; its phases are %s":                                           "%s：议程中没有环节 %q；议程环节有 %s",
	"%s: the agenda has no phase %d; its phases are %s":                                           "%s：议程中没有第 %d 个环节；议程环节有 %s",
	"%s: the scenario has no inject %q; it has no injects":                                        "%s：情景中没有情景注入 %q；这个情景没有情景注入",
	"%s: the scenario has no inject %q; its injects are %s":                                       "%s：情景中没有情景注入 %q；情景注入有 %s",
	"%s: phase %d is started twice: also in %s":                                                   "%s：第 %d 个环节开始了两次：%s 也有一次",
	"%s: phase %d is ended twice: also in %s":                                                     "%s：第 %d 个环节结束了两次：%s 也有一次",
	"%s: phase %d ends but never starts; add its phase_start":                                     "%s：第 %d 个环节有结束却没有开始；请补上它的 phase_start",
	"%s: phase %d ends at %s, before it starts at %s":                                             "%s：第 %d 个环节在 %s 结束，早于它 %s 的开始",
	"%s: phase %d ends at %s, after phase %d starts at %s; phases do not overlap: end it by then": "%[1]s：第 %[2]d 个环节在 %[3]s 结束，晚于第 %[4]d 个环节 %[5]s 的开始；环节不能重叠：请让它在那之前结束",
	"%s: a pause while the group is paused since %s; log the resume before it, or delete it":      "%s：本组从 %s 起已经暂停，这里又一次暂停；请在它之前记下继续（resume），或删掉这一行",
	"%s: a resume with no pause before it; log the pause, or delete it":                           "%s：继续（resume）之前没有暂停；请记下暂停（pause），或删掉这一行",

	// review/drilllog/csv.go
	"%s: not a drill log column; it is ignored (the columns are %s)":                              "%s：不是演练记录的列；已忽略（可用的列有 %s）",
	"%s: no %s column; a drill log's header row names at, kind, round and group, and may name %s": "%s：没有 %s 列；演练记录的表头必须有 at、kind、round 和 group，还可以有 %s",
	"entries": "entries",
	"the log has no entries; list what happened, one entry a row":                 "记录里没有条目；请把发生的事逐行列出，每行一条",
	"%s: %q, but row %d says %q; one file holds the log of one plan and scenario": "%s：%q，但第 %d 行写的是 %q；一个文件只放一个分组方案、一个情景的记录",
	"%s: %q is not a date; write it as 2026-12-01":                                "%s：%q 不是日期；请写成 2026-12-01",
	"%s: %q is not a UTC offset; write it as +08:00":                              "%s：%q 不是 UTC 时差；请写成 +08:00",

	// review/drilllog/files.go
	"%s is given twice; give each drill log once":                                       "%s 给了两次；每份演练记录只给一次",
	"the same file as %s; give each drill log once":                                     "与 %s 是同一个文件；每份演练记录只给一次",
	"round %d, group %d: the file holds its log twice":                                  "第 %d 轮第 %d 组：这个文件里有它的两份记录",
	"round %d, group %d: %s is a log of it too; give one drill log per round and group": "第 %d 轮第 %d 组：%s 也是它的记录；每轮每组只给一份演练记录",

	// review/drilllog/parse.go
	"expected a drill log: a mapping of keys starting with `version: %d` and `kind: %s`": "应为演练记录：以 `version: %d` 和 `kind: %s` 开头的键值映射",
	"%s: given twice; keep one":                                              "%s：写了两次；请只留一个",
	"%s: expected a single value, not a list or a mapping":                   "%s：应为单个值，而不是列表或映射",
	"version: missing; a drill log starts with `version: %d` and `kind: %s`": "version：缺少；演练记录以 `version: %d` 和 `kind: %s` 开头",
	"version: this yishi reads drill logs of version 1 and 2, not %q":        "version：此版本的 yishi 读取第 1 版和第 2 版的演练记录，不读 %q",
	"entries: missing; list what happened, one entry a line":                 "entries：缺少；请把发生的事逐行列出，每行一条",
	"entries: expected a list, one entry a line":                             "entries：应为列表，每行一条",
	"the log has no entries; list what happened, one entry a line":           "记录里没有条目；请把发生的事逐行列出，每行一条",
	"entries[%d]":    "entries[%d]",
	"entries[%d].%s": "entries[%d].%s",
	"entries[%d]: expected an entry, such as {at: \"14:05\", kind: turn, member: t01}":                                      "entries[%d]：应为一条记录，例如 {at: \"14:05\", kind: turn, member: t01}",
	"%s: unknown key (did you mean %q?)":                                                                                    "%s：未知的键（是不是 %q？）",
	"%s: unknown key; the keys are %s":                                                                                      "%s：未知的键；可用的键有 %s",
	"kind: missing; write kind: %s under the version":                                                                       "kind：缺少；请在 version 下面写上 kind: %s",
	"%s: missing; a drill log is of one round and group: write %s: N at the top":                                            "%s：缺少；一份演练记录属于一轮中的一个组：请在开头写上 %s: N",
	"%s: %q is not a whole number":                                                                                          "%s：%q 不是整数",
	"%s: rounds and groups are numbered from 1":                                                                             "%s：轮次和组从 1 开始编号",
	"%s: %q is not true or false":                                                                                           "%s：%q 不是 true 或 false",
	"the log has %d entries, more than the %d yishi reads; write one log per round and group":                               "记录有 %d 条，超过了 yishi 读取的上限 %d 条；请每轮每组各写一份记录",
	"%s: kind missing; the kinds are %s":                                                                                    "%s：缺少 kind；kind 的取值有 %s",
	"%s: unknown kind %q; the kinds are %s":                                                                                 "%s：未知的 kind %q；kind 的取值有 %s",
	"%s: empty; give each row its round and group":                                                                          "%s：是空的；请给每一行写上轮次和组",
	"%s: %s missing; a version 1 log gives each entry its round and group":                                                  "%s：缺少 %s；第 1 版记录的每一条都要写上轮次和组",
	"%s: %s %d, but the log is of %s %d; one file holds one round and group":                                                "%[1]s：%[2]s 是 %[3]d，但这份记录属于 %[4]s %[5]d；一个文件只放一轮中一个组的记录",
	"%s: at missing; give the time of the entry, such as 14:05":                                                             "%s：缺少 at；请写上这一条的时间，例如 14:05",
	"%s: only a turn has an end; delete it":                                                                                 "%s：只有发言（turn）才有结束时间；请删掉它",
	"%s: the turn ends at %s, before it starts at %s":                                                                       "%s：这次发言在 %s 结束，早于它 %s 的开始",
	"%s: only phase_start and phase_end name a phase; delete it":                                                            "%s：只有 phase_start 和 phase_end 才写环节；请删掉它",
	"%s: phases are numbered from 1":                                                                                        "%s：议程环节从 1 开始编号",
	"%s: a %s entry needs its phase: a number from 1 or the phase's id":                                                     "%s：%s 这一条需要写明环节：从 1 开始的序号或环节的编号",
	"%s: an inject entry needs the id of the inject released":                                                               "%s：inject 这一条需要写明所发布情景注入的编号",
	"%s: a turn needs the id of the member who spoke":                                                                       "%s：发言（turn）需要写明发言成员的编号",
	"%s: the text is %d characters; keep it to %d":                                                                          "%s：文字有 %d 个字符；请控制在 %d 个以内",
	"%s: fill in the time or delete the line":                                                                               "%s：请填上时间，或删掉这一行",
	"%s: %q is not a time; write 14:05, 14:05:30 or 2026-12-01T14:05:00+08:00":                                              "%s：%q 不是时间；请写成 14:05、14:05:30 或 2026-12-01T14:05:00+08:00",
	"%s: %q is a clock time, but the row has no date; add a date column, or write the date with the time: 2026-12-01 14:05": "%s：%q 是钟点，但这一行没有日期；请加上日期列，或把日期和时间写在一起：2026-12-01 14:05",
	"%s: %q is a clock time, but the log has no date; write date: YYYY-MM-DD at the top":                                    "%s：%q 是钟点，但记录没有日期；请在开头写上 date: YYYY-MM-DD",
	"%s: %s is more than 24 hours from the first entry's time, %s; check the date":                                          "%s：%s 与第一条的时间 %s 相差超过 24 小时；请检查日期",

	// review/drilllog/template.go
	"--date %q is not a date; write it as 2026-12-01": "--date %q 不是日期；请写成 2026-12-01",
	"unknown drill log format %q (use yaml or csv)":   "未知的演练记录格式 %q（请用 yaml 或 csv）",

	// review/drilllog/write.go
	"a drill log file is of one round and group, and this log names none":                                      "一个演练记录文件只放一轮中一个组的记录，而这份记录没有写明轮次和组",
	"a drill log file is of one round and group, and this log holds round %d, group %d and round %d, group %d": "一个演练记录文件只放一轮中一个组的记录，而这份记录里有第 %d 轮第 %d 组，也有第 %d 轮第 %d 组",
}
