package messages

// zhHistory is the Chinese of the messages of a cohort's history across
// training days: yishi history and history add, assign --history and the
// cohort database.
//
// Words of the history: cohort 学员班（一期学员）, training day 培训日,
// cohort database / history file 学员档案库, record 记入, weighted total
// 加权总分.
var zhHistory = map[string]string{
	// cmd/yishi/history.go
	"no arguments (use --history)":                                                     "不带参数（请用 --history）",
	"history needs --history FILE, the cohort database":                                "history 需要 --history FILE，即学员档案库",
	"%w: %s: no such file; yishi history add PLAN SCORESHEET... --history %s makes it": "%w：%s：没有这个文件；用 yishi history add PLAN SCORESHEET... --history %s 创建它",
	"%w: %s keeps no trainee %q; yishi history --history %s lists them all":            "%w：%s 中没有学员 %q；用 yishi history --history %s 可列出全部学员",
	"cohort %q: %s, %s\n": "学员班 %q：%s，%s\n",
	"history add --db takes the plan and the scores from the database; leave out the plan and scoresheet files": "history add --db 从数据库读取分组方案和评分；请不要再给分组方案和评分表文件",
	"history add needs --history FILE, the cohort database":                                                     "history add 需要 --history FILE，即学员档案库",
	"%w: --date %q is not a date; write it as YYYY-MM-DD, such as 2026-03-10":                                   "%w：--date %q 不是日期；请写成 YYYY-MM-DD，例如 2026-03-10",
	"note: --cohort is kept only when the file is made; %s keeps cohort %s\n":                                   "提示：--cohort 只在创建文件时记下；%s 记的学员班是 %s\n",
	"%d group with scores":  "%d 个组有评分",
	"%d groups with scores": "%d 个组有评分",
	"replaced the day of plan %s in %s (cohort %q): %s, %s, %s\n":                                                            "已替换 %[2]s 中分组方案 %[1]s 的那一天（学员班 %[3]q）：%[4]s，%[5]s，%[6]s\n",
	"recorded plan %s in %s (cohort %q): %s, %s, %s\n":                                                                       "已把分组方案 %[1]s 记入 %[2]s（学员班 %[3]q）：%[4]s，%[5]s，%[6]s\n",
	"%w: %s is the room's database (yishi serve --db), not a cohort history; give --history another file, such as cohort.db": "%w：%s 是演练室的数据库（yishi serve --db），不是学员档案库；请给 --history 另一个文件，例如 cohort.db",
	"%w: %s is not a yishi cohort history; give --history a new file name, or the file yishi history add made":               "%w：%s 不是 yishi 学员档案库；请给 --history 一个新文件名，或 yishi history add 创建的文件",
	"%w: %s was made by a newer yishi; use that version, or give --history another file":                                     "%w：%s 是更新版本的 yishi 创建的；请使用那个版本，或给 --history 另一个文件",
	"%w: %s keeps another cohort (%s, %s, none on this roster); give another --history file":                                 "%w：%s 记的是另一个学员班（%s，%s，没有一人在这份名单上）；请给另一个 --history 文件",
	"%d training day":  "%d 个培训日",
	"%d training days": "%d 个培训日",
	"List who played what on each training day of a cohort, and their scores over time": "列出学员班每个培训日谁演了什么角色，以及各次的得分",
	`A cohort database keeps a cohort's training days by trainee id: each day's
plan, who sat in which group and played which role, and what each group
scored. yishi history add records a day; yishi history lists, for each
trainee, their rounds in date order: the scenario, round, group and role,
their group's scores on the dimensions their role owns (the host: rhythm,
hosting...; the recorder: recording) and the group's weighted total.

yishi assign --history uses the same file to avoid pairings of earlier
days and to let those who hosted or recorded before lead later.`: `学员档案库按学员编号保存一个学员班的各个培训日：每天的分组方案、谁在哪个组演了
哪个角色、各组得了多少分。yishi history add 记入一天；yishi history 按日期列出每位
学员的每一轮：情景、轮次、组别和角色，本组在其角色负责的维度上的得分（主持人：
节奏把控、主持人角色等；记录员：记录）以及本组的加权总分。

yishi assign --history 读同一个文件，避开以前培训日的同组搭配，并让以前当过主持人
或记录员的学员往后再当。`,
	"the cohort database":           "学员档案库",
	"list this trainee only, by id": "只列出这位学员（按编号）",
	"Record a training day in the cohort database: its plan and its groups' scores": "把一个培训日记入学员档案库：分组方案和各组得分",
	`Record one training day in the cohort database: who sat in which group and
played which role, from the plan, and each group's mean per dimension and
weighted total, from the reviewers' scoresheets as yishi review reads them
(or, with --db, the plan and scores the room kept). The file is created if
missing, with the cohort's name from --cohort (default: the file's name).

A day is kept by its plan id: recording the same plan again replaces it. A
plan that shares no trainee with the days already kept is refused: the
file keeps another cohort.`: `把一个培训日记入学员档案库：从分组方案读出谁在哪个组演了哪个角色，从评审员的评分表
（和 yishi review 读法相同；用 --db 时读演练室保存的分组方案和评分）读出各组每个维度
的平均分和加权总分。文件不存在时会新建，学员班名称取 --cohort（默认用文件名）。

每一天按方案编号保存：同一个分组方案再记一次会替换原来那一天。如果分组方案里的学员
与已保存的培训日没有一人相同，就会被拒绝：这个文件记的是另一个学员班。`,
	"the cohort database, created if missing":                                               "学员档案库，不存在时新建",
	"the cohort's name, kept when the file is created (default: the file's name)":           "学员班名称，创建文件时记下（默认用文件名）",
	"the training day, YYYY-MM-DD (default: today; with --db, the day the room was opened)": "培训日期，YYYY-MM-DD（默认今天；用 --db 时为演练室首次打开的那天）",
	"record the plan and scores kept by yishi serve in this database":                       "记入 yishi serve 在这个数据库中保存的分组方案和评分",

	// cmd/yishi/assign.go
	"\nearlier days: %s from %s; their pairings count as repeats, and who hosted or recorded leads later\n":                               "\n以前的培训日：%[2]s 中的 %[1]s；那时的同组搭配算作重复同组，当过主持人或记录员的往后再当\n",
	"cohort database of earlier training days (yishi history add): avoid their pairings, and let those who hosted or recorded lead later": "以前培训日的学员档案库（yishi history add）：避开那时的同组搭配，让当过主持人或记录员的往后再当",

	// cmd/yishi/internal/cohort
	"not a yishi cohort database":                   "不是 yishi 学员档案库",
	"the room's database, not a cohort database":    "是演练室的数据库，不是学员档案库",
	"the cohort database was made by a newer yishi": "学员档案库是更新版本的 yishi 创建的",
	"open the cohort database %s: %w":               "打开学员档案库 %s：%w",
	"%s is a folder, %w":                            "%s 是文件夹，%w",
	"%s: %w (schema %d; this yishi knows up to %d)": "%s：%w（结构版本 %d；这个 yishi 最高只认 %d）",
	"read the cohort of %s: %w":                     "读取 %s 的学员班：%w",
	"record the day in %s: %w":                      "把培训日记入 %s：%w",
	"read the days in %s: %w":                       "读取 %s 中的培训日：%w",
}
