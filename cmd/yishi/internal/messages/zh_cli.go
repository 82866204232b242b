package messages

// zhCLI is the Chinese of the CLI's own messages (cmd/yishi): progress lines, table headings,
// summaries, usage errors, cobra's texts and every command's help.
var zhCLI = map[string]string{

	// cmd/yishi/assign.go
	// a rule not met: its place, the rule, what is wrong
	"%s%s: %s: %s": "%s%s：%s：%s",
	"%w: %s cannot be kept (listed above), so no plan was written; change the roster or the scenario's rules, or give --allow-unmet to write the plan with them listed": "%w：%s无法满足（见上），因此没有写出分组方案；请修改学员名单或情景的规则，或加上 --allow-unmet 写出方案并列出这些规则",
	"%d rule":                          "%d 条规则",
	"%d rules":                         "%d 条规则",
	"\nwrote %s\n":                     "\n已写出 %s\n",
	"%d trainee":                       "%d 名学员",
	"%d trainees":                      "%d 名学员",
	"read %s (%s, %s)\n":               "已读取 %s（%s，%s）\n",
	"%s — %s, %s of %s, %s, seed %d\n": "%s — %s，%s，每组 %s 人，%s，随机种子 %d\n",
	"%d groups":                        "%d 个组",
	"\nround %d: diversity %s":         "\n第 %d 轮：多样性 %s",
	" of bound %s (%.2f%%)":            "，上限 %s（%.2f%%）",
	" (at least %d unavoidable with %d groups)": "（%[2]d 个组时至少有 %[1]d 次无法避免）",
	"BACKGROUNDS":                            "背景类别",
	"GROUP":                                  "组",
	"HOST / RECORDER":                        "主持人 / 记录员",
	"SIZE":                                   "人数",
	"UNITS":                                  "社区",
	"note: round %d, group %d: %s (%s) %s\n": "提示：第 %d 轮第 %d 组：%s（%s）%s\n",
	"warning:":                               "警告：",
	"round %d":                               "第 %d 轮",
	"round %d, group %d":                     "第 %d 轮第 %d 组",
	"not met:":                               "未满足：",
	"assign needs --scenario and --roster":   "assign 需要 --scenario 和 --roster",
	"assign needs --out FILE for the plan, or --dry-run": "assign 需要用 --out FILE 指定分组方案文件，或加上 --dry-run",
	"--groups, --size and --rounds must not be negative": "--groups、--size 和 --rounds 不能是负数",
	"give --groups or --size, not both":                  "--groups 和 --size 只能给一个",
	"no arguments (use --scenario and --roster)":         "不带参数（请用 --scenario 和 --roster）",
	"size":          "人数",
	"keep-apart":    "不同组",
	"keep-together": "同组",
	"quota":         "配额",
	"need":          "角色需求",

	// cmd/yishi/cards.go
	"wrote %d files under %s\n":        "已在 %[2]s 下写出 %[1]d 个文件\n",
	"  all cards, for printing: %s\n":  "  全部角色卡（打印用）：%s\n",
	"  master sheet: %s  %s\n":         "  总表：%s  %s\n",
	"(trainer only — do not hand out)": "（仅限培训师——请勿分发）",
	"Print at 100%% scale with the browser's headers and footers off: one card a page.\n":                                                               "请在浏览器中按 100%% 比例打印，并关闭页眉和页脚：每页一张角色卡。\n",
	"removed the whole-day all-cards and master sheet, which may no longer match; run `yishi cards %s --out %s%s` without --round to make them again\n": "已删除全天的全部角色卡和总表，它们可能已与现在不符；不带 --round 运行 `yishi cards %s --out %s%s` 可重新生成\n",
	"--format must be one of %s, not %q":  "--format 必须是 %s 之一，而不是 %q",
	"--paper must be a5 or a4, not %q":    "--paper 必须是 a5 或 a4，而不是 %q",
	"cards needs --out DIR for the cards": "cards 需要用 --out DIR 指定角色卡的文件夹",
	"--round must not be negative":        "--round 不能是负数",
	"%s — %s, %s\n":                       "%s — %s，%s\n",
	"the cards":                           "角色卡",
	"the plan":                            "分组方案",
	"the plan's scenario":                 "分组方案的情景文件",
	"one plan file":                       "一个分组方案文件",

	// cmd/yishi/demo.go
	"the commands below redo each step into %s/, so they carry --force to replace the demo's files": "下面的命令会把每一步重做到 %s/ 中，所以都带有 --force，用来替换演示生成的文件",
	"Step %d — %s":              "第 %d 步 — %s",
	"the scenario":              "情景",
	"\nvalidation: %s\n":        "\n校验：%s\n",
	"ok":                        "通过",
	"mixed groups and roles":    "混合分组与角色分配",
	"\nwrote %d files to %s/\n": "\n已在 %[2]s/ 写出 %[1]d 个文件\n",
	"the demo":                  "演示",
	"no arguments":              "不带参数",

	// cmd/yishi/demo_steps.go
	"role cards and the trainer's master sheet": "角色卡和培训师总表",
	"  one card per trainee per round in %s/round-*/group-*/, all cards for printing in all-cards.html,\n  and %s.html (trainer only: groups, timetable, who gets which inject when)\n": "  每名学员每轮一张角色卡，在 %s/round-*/group-*/ 中；全部角色卡（打印用）在 all-cards.html 中，\n  以及 %s.html（仅限培训师：分组、时间表、谁在何时收到哪条情景注入）\n",
	"scoresheets for reviewers": "给评审员的评分表",
	"  blank sheets (CSV for Excel, HTML for paper) in %s/;\n  %s/ holds two reviewers' made-up scores — DEMO DATA, not real observations\n":      "  空白评分表（CSV 供 Excel 使用，HTML 供纸面评分）在 %s/ 中；\n  %s/ 中是两位评审员编造的评分——演示数据，不是真实观察\n",
	"  open %s in a browser: scores per group and dimension, where reviewers disagree,\n  and a debrief guide per group (built from demo data)\n": "  在浏览器中打开 %s：各组各维度的得分、评审员的分歧，\n  以及每组的复盘引导（根据演示数据生成）\n",

	// cmd/yishi/errors.go
	"%w: %w": "%w：%w",

	// cmd/yishi/internal/output/output.go
	"internal error: folder %s was not checked":    "内部错误：文件夹 %s 未经检查",
	"cannot write %s: it is a folder; name a file": "无法写入 %s：这是一个文件夹；请给出文件名",
	"cannot write %s: %s is a symbolic link, and yishi writes nothing through a link inside %s; remove the link, or write to another folder": "无法写入 %s：%s 是符号链接，yishi 不会经由 %s 中的链接写入任何文件；请删除这个链接，或写到另一个文件夹",
	"cannot write %s":                          "无法写入 %s",
	"cannot write into %s":                     "无法写入 %s 中",
	"%s: it is a file, not a folder":           "%s：这是文件，不是文件夹",
	"%s: %s is a file, not a folder":           "%s：%s 是文件，不是文件夹",
	"already exists":                           "已存在",
	"is a file, not a folder":                  "是文件，不是文件夹",
	"is a folder, not a file":                  "是文件夹，不是文件",
	"is a symbolic link":                       "是符号链接",
	"another yishi run is writing this folder": "另一个 yishi 正在写入这个文件夹",
	"cannot look for the temporary files of earlier runs in %s: %s": "无法在 %s 中查找之前运行留下的临时文件：%s",
	"cannot remove %s, left by an earlier run: %s":                  "无法删除之前运行留下的 %s：%s",
	"%s already exists; use --force to overwrite":                   "%s 已存在；如要覆盖，请加上 --force",
	"%s and %d more already exist; use --force to overwrite":        "%s 等（另有 %d 个）已存在；如要覆盖，请加上 --force",
	"holds the files of another command":                            "存放着另一个命令的文件",
	"%s already exist; use --force to overwrite":                    "%s 已存在；如要覆盖，请加上 --force",
	"is a file this run reads":                                      "是这次运行要读取的文件",
	"cannot write %s: %v":                                           "无法写入 %s：%v",

	// cmd/yishi/internal/output/tree.go
	"internal error: %s is not under %s":                                 "内部错误：%s 不在 %s 之下",
	"%s holds the files of `%s`; write %s to another folder, such as %s": "%s 中是 `%s` 的文件；请把%s写到另一个文件夹，例如 %s",
	"cannot look for the files of earlier runs in %s: %s":                "无法在 %s 中查找之前运行的文件：%s",
	"%s holds %d files of an earlier run; use --force to overwrite them (those this run does not write are removed, so no stale card stays behind)": "%s 中有之前运行的 %d 个文件；如要覆盖，请加上 --force（这次不再写出的文件会被删除，不会留下过时的角色卡）",
	"cannot overwrite %s: it is %s this run reads; write %s to another folder":                                                                      "无法覆盖 %s：它是这次运行要读取的%s；请把%s写到另一个文件夹",
	"cannot remove %s, a file of the earlier run: it is %s this run reads; write %s to another folder":                                              "无法删除之前运行的文件 %s：它是这次运行要读取的%s；请把%s写到另一个文件夹",
	"cannot remove %s, a file of the earlier run: %s":                                                                                               "无法删除之前运行的文件 %s：%s",
	"cannot read %s, the list of files an earlier run wrote: %s":                                                                                    "无法读取 %s（之前运行写出的文件清单）：%s",
	"cannot lock %s for writing: %s":                                                                                                                "无法锁定 %s 以写入：%s",
	"another yishi run":                                                                                                                             "另一个 yishi",
	"another yishi run (pid %s on %s, since %s)":                                                                                                    "另一个 yishi（%[2]s 上的进程 %[1]s，自 %[3]s 起）",
	"another yishi run (pid %s on %s)":                                                                                                              "另一个 yishi（%[2]s 上的进程 %[1]s）",
	"another yishi run (pid %s, since %s)":                                                                                                          "另一个 yishi（进程 %s，自 %s 起）",
	"another yishi run (pid %s)":                                                                                                                    "另一个 yishi（进程 %s）",
	"another yishi run (since %s)":                                                                                                                  "另一个 yishi（自 %s 起）",
	"%s is writing into %s; wait for it to finish, or write to another folder (if no yishi is running, remove %s)":                                  "%s 正在写入 %s；请等它结束，或写到另一个文件夹（如果没有 yishi 在运行，请删除 %s）",
	"%s is writing into %s; wait for it to finish, or write to another folder":                                                                      "%s 正在写入 %s；请等它结束，或写到另一个文件夹",

	// cmd/yishi/lang.go
	"Examples:":           "示例：",
	"Available Commands:": "可用命令：",
	"Flags:":              "选项：",
	"Global Flags:":       "全局选项：",
	"Use \"%s [command] --help\" for more information about a command.": "运行 \"%s [command] --help\" 查看某个命令的详细说明。",
	" (default %s)":                       "（默认 %s）",
	"unknown command %q for %q":           "未知命令 %q（%q 没有这个子命令）",
	"unknown flag: %s":                    "未知选项：%s",
	"unknown shorthand flag: %s in %s":    "未知短选项：%[2]s 中的 %[1]s",
	"flag needs an argument: %s":          "选项缺少取值：%s",
	"invalid argument %q for %q flag: %s": "选项 %[2]q 的取值 %[1]q 无效：%[3]s",
	"bad flag syntax: %s":                 "选项写法有误：%s",
	"required flag(s) %s not set":         "必须给出选项 %s",
	"not a value of this flag's type":     "不是这个选项所需类型的值",
	"out of range":                        "超出范围",
	"Help about any command":              "查看任一命令的帮助",
	"Help shows the help of any command: type %s help [command] for its details.": "显示任一命令的帮助：输入 %s help [command] 查看详细说明。",
	"help for %s": "%s 的帮助",
	"Generate the autocompletion script for the specified shell": "为指定的 shell 生成自动补全脚本",
	`Generate the autocompletion script for %s for the specified shell.
See each sub-command's help for how to use the script.`: `为指定的 shell 生成 %s 的自动补全脚本。
各子命令的帮助说明了脚本的用法。`,
	"Generate the autocompletion script for %s": "生成 %s 的自动补全脚本",
	`Generate the autocompletion script for the %[1]s shell. To load it in this shell:

  source <(%[2]s completion %[1]s)

To load it in every new shell, write it where your shell reads completions, such as:

  %[2]s completion %[1]s > ~/.%[2]s-completion.%[1]s`: `生成 %[1]s shell 的自动补全脚本。在当前 shell 中加载：

  source <(%[2]s completion %[1]s)

要在每个新 shell 中加载，把它写到 shell 读取补全脚本的位置，例如：

  %[2]s completion %[1]s > ~/.%[2]s-completion.%[1]s`,
	"disable completion descriptions": "不显示补全说明",
	"Usage:":                          "用法：",
	"[command]":                       "[command]",
	"Aliases:":                        "别名：",
	`unknown command %q for %q

Did you mean this?
%s`: `未知命令 %q（%q 没有这个子命令）

是不是想用：
%s`,

	// cmd/yishi/new.go
	"a subcommand: scenario or log": "一个子命令：scenario 或 log",

	// cmd/yishi/new_scenario.go
	"%q is not a valid scenario id: use lower-case letters, digits, '-' and '_', such as garden-plots": "%q 不是有效的情景编号：请只用小写字母、数字、“-”和“_”，例如 garden-plots",
	"--language must be en or zh, not %q":                           "--language 必须是 en 或 zh，而不是 %q",
	"wrote %s\nnext: edit it, then run: yishi validate --lint %s\n": "已写出 %s\n下一步：编辑它，然后运行：yishi validate --lint %s\n",
	"the new scenario's id, such as garden-plots":                   "新情景的编号，例如 garden-plots",

	// cmd/yishi/review.go
	"%w: no scores in %s":            "%w：%s 中没有评分",
	"%d group":                       "%d 个组",
	"wrote %s: %s from %s, %s, %s\n": "已写出 %s：%s，来自 %s，%s，%s\n",
	"%d reviewer":                    "%d 位评审员",
	"%d reviewers":                   "%d 位评审员",
	"%d scoresheet":                  "%d 份评分表",
	"%d scoresheets":                 "%d 份评分表",
	"%d disagreement":                "%d 处分歧",
	"%d disagreements":               "%d 处分歧",
	"cannot tell the report format from %q; give --format html, md, json or csv": "无法从 %q 判断报告格式；请用 --format 指定 html、md、json 或 csv",
	"--format must be html, md, json or csv, not %q":                             "--format 必须是 html、md、json 或 csv，而不是 %q",
	"a plan file and at least one scoresheet":                                    "一个分组方案文件和至少一份评分表",

	// cmd/yishi/root.go
	"--output must be text or json, not %q":  "--output 必须是 text 或 json，而不是 %q",
	"%s takes %s (got %d arguments)":         "%s 需要%s（实际给了 %d 个参数）",
	"%s takes %s":                            "%s 需要%s",
	"yishi: --lang must be zh or en, not %q": "yishi：--lang 必须是 zh 或 en，而不是 %q",
	"yishi: ":                                "yishi：",
	"Run 'yishi --help' for usage.\n":        "运行 'yishi --help' 查看用法。\n",
	"This is a bug in yishi (an internal error): please report it with the command you ran.\n": "这是 yishi 的缺陷（内部错误）：请连同所运行的命令一起报告。\n",
	"yishi: internal error: ": "yishi：内部错误：",

	// cmd/yishi/scenarios.go
	"a subcommand: list, show or export": "一个子命令：list、show 或 export",

	// cmd/yishi/scenarios_export.go
	"wrote %s and %s\n":             "已写出 %s 和 %s\n",
	"a scenario id and a directory": "一个情景编号和一个文件夹",

	// cmd/yishi/scenarios_list.go
	"DURATION": "时长",
	"ID":       "编号",
	"LANG":     "语言",
	"METHOD":   "方法",
	"ROLES":    "角色数",
	"TITLE":    "标题",

	// cmd/yishi/scenarios_show.go
	"one scenario id or file": "一个情景编号或文件",

	// cmd/yishi/schema.go
	"no schema for %q (known: %s)": "没有 %q 的 schema（已有：%s）",
	"scenario, rubric or log":      "scenario、rubric 或 log",

	// cmd/yishi/scoresheets.go
	"wrote %s\n":           "已写出 %s\n",
	"%d blank scoresheet":  "%d 份空白评分表",
	"%d blank scoresheets": "%d 份空白评分表",
	"%s for %s\n":          "%s（%s）\n",
	"scoresheets needs --reviewer NAME (once per reviewer)": "scoresheets 需要 --reviewer NAME（每位评审员一次）",
	"scoresheets needs --out DIR":                           "scoresheets 需要 --out DIR",
	"--groups are numbered from 1, not %d":                  "--groups 从 1 开始编号，不能是 %d",

	// cmd/yishi/validate.go
	"rubric":                         "评分量表",
	"scenario":                       "情景",
	"invalid":                        "无效",
	"%d error":                       "%d 个错误",
	"%d errors":                      "%d 个错误",
	"%d warning":                     "%d 个警告",
	"%d warnings":                    "%d 个警告",
	"%w: %d of %d files have errors": "%w：%[3]d 个文件中有 %[2]d 个有错误",
	"%s: %s %s (%s, %s)\n":           "%[1]s: %[3]s%[2]s（%[4]s，%[5]s）\n",
	"one or more files":              "一个或多个文件",

	// cmd/yishi/version.go
	"yishi %s (commit %s, modified) %s\n": "yishi %s（提交 %s，有未提交的改动）%s\n",
	"yishi %s (commit %s) %s\n":           "yishi %s（提交 %s）%s\n",
	"yishi %s %s\n":                       "yishi %s %s\n",

	// help texts
	"language of messages and help: zh or en (default: from LC_ALL, LC_MESSAGES or LANG, else en)":             "消息和帮助的语言：zh 或 en（默认：取自 LC_ALL、LC_MESSAGES 或 LANG，否则为 en）",
	"output format for the terminal: text or json":                                                             "终端输出的格式：text 或 json",
	"write the plan even when some hard rules (quotas, keep-apart, roles) cannot be kept; the plan lists them": "即使某些硬性规则（配额、不同组、角色）无法满足，也写出分组方案；方案中会列出这些规则",
	"time cap per round, a safety net (plans cut short by it may differ between machines)":                     "每轮的时间上限，作为保险（因此提前结束的方案在不同机器上可能不同）",
	"show the groups but write nothing":                                                                        "只显示分组，不写任何文件",
	"overwrite the plan file if it exists":                                                                     "分组方案文件已存在时覆盖它",
	"number of groups (default: from --size or the scenario)":                                                  "分组数（默认：由 --size 或情景决定）",
	"optimiser work per round (default: scaled by roster size)":                                                "每轮优化的计算量（默认：按名单人数调整）",
	"plan file to write":                                            "要写出的分组方案文件",
	"roster file: .csv, .xlsx or .yaml":                             "学员名单文件：.csv、.xlsx 或 .yaml",
	"bundled scenario id or scenario file":                          "内置情景的编号或情景文件",
	"random seed; the same inputs and seed give the same plan":      "随机种子；相同的输入和种子得到相同的分组方案",
	"XLSX sheet to read (default: the first)":                       "要读取的 XLSX 工作表（默认：第一个）",
	"wanted group size (default: the scenario's bounds)":            "期望的每组人数（默认：情景规定的范围）",
	"Form mixed groups from a roster and give every trainee a role": "把学员名单混合分组，并为每名学员分配角色",
	"card format: html, md, txt, json":                              "角色卡格式：html、md、txt、json",
	"directory to write the cards to":                               "写出角色卡的文件夹",
	"paper size of HTML cards: a4, or a5 for half-size cards (long scenarios then print small); the master sheet is A4": "HTML 角色卡的纸张：a4，或 a5（半张大小，情景较长时字会很小）；总表固定为 A4",
	"write only this round's cards (default: every round)":                                                              "只写出这一轮的角色卡（默认：所有轮次）",
	"Write each trainee's role card and the trainer's master sheet":                                                     "写出每名学员的角色卡和培训师总表",
	`Write one role card per trainee per round of a plan made by 'yishi assign':
the scenario's public brief, the agenda with clock times, the trainee's role,
its confidential brief (theirs only) and their group's members. Cards go to
DIR/round-R/group-G/ID-NAME-ROLE.EXT, every card together to all-cards.EXT
for printing, and the trainer's master sheet (groups, roles, timetable and
who receives each inject) to master-sheet-TRAINER-ONLY.EXT: do not hand that
one out.

HTML cards are print-ready: one A4 card a page (--paper a5 for A5), cut
marks, fonts that show Chinese, no internet needed. Print all-cards.html
from a browser at 100% scale with headers and footers off. HTML runs also
write the day's paper: inject slips to cut and hand over
(inject-slips-TRAINER-ONLY.html), table signs, a door list in name order and
a run sheet per round (run-sheet-TRAINER-ONLY.html). On a timed plan (assign
--start) cards show clock times, and each group's table.

With --changed-since OLD (the plan before 'yishi amend'), only the cards that
differ from OLD's are written and listed with the reason, with
changed-cards.EXT to print them; written into the folder of OLD's cards
(--force), they replace those cards, void cards are removed and the others
stay.

With --round R only that round's cards are written, with that round's
all-cards and master sheet in DIR/round-R/; other rounds' cards in DIR stay,
and the whole-day all-cards and master sheet, which may no longer match, are
removed. Nothing is written if any file exists, unless --force; nothing is
ever written into a folder of another command's files, such as yishi demo's,
nor over the plan.`: `为 'yishi assign' 生成的分组方案，每轮给每名学员写一张角色卡：
情景的公开说明、带时钟时间的议程、学员的角色、角色的保密说明（只给本人）
和同组成员。角色卡写到 DIR/round-R/group-G/ID-NAME-ROLE.EXT，全部角色卡
合在 all-cards.EXT 中供打印，培训师总表（分组、角色、时间表，以及谁收到
哪条情景注入）写到 master-sheet-TRAINER-ONLY.EXT：这份不要分发。

HTML 角色卡可直接打印：每页一张 A4 卡（--paper a5 为 A5），带裁切线，
字体可显示中文，无需联网。请在浏览器中按 100% 比例打印 all-cards.html，
并关闭页眉和页脚。HTML 运行还会写出当天的纸质材料：裁开后递交的情景注入
纸条（inject-slips-TRAINER-ONLY.html）、桌牌、按姓名排序的签到分组名单，以及
每轮一页的流程单（run-sheet-TRAINER-ONLY.html）。方案排了钟点时（assign
--start），角色卡上显示钟点和各组桌号。

使用 --changed-since 原方案（'yishi amend' 之前的方案）时，只写出与原方案不同
的角色卡，并逐一说明原因，changed-cards.EXT 汇总供打印；写到原方案角色卡所在
的文件夹（加 --force）时，替换这些卡，删除作废的卡，其余的保留。

使用 --round R 时只写出这一轮的角色卡，这一轮的全部角色卡和总表在
DIR/round-R/ 中；DIR 中其他轮次的角色卡保留，全天的全部角色卡和总表可能
已与现在不符，会被删除。只要有文件已存在，就什么也不写，除非加上 --force；
也绝不写进其他命令的文件夹（例如 yishi demo 的），不覆盖分组方案。`,
	"overwrite files in --out that the demo did not write":                      "覆盖 --out 中不是演示写出的文件",
	"number of groups, as in the seed training (five communities, five groups)": "分组数，与原始培训相同（五个社区，五个组）",
	"directory to write the day's files into":                                   "写出当天文件的文件夹",
	"number of rounds": "轮次数",
	"bundled scenario id or scenario file to run": "要运行的内置情景编号或情景文件",
	"random seed": "随机种子",
	`Run a whole training day on bundled data and write everything to ./yishi-demo/:
the scenario, the sample roster, the plan (mixed groups and roles), role cards and
the trainer's master sheet, blank scoresheets, two reviewers' demo scores, and the
debrief report. Every step prints the command that does it on your own data.

A later demo replaces the demo's own earlier output; it never overwrites other
files unless --force is given.`: `用内置数据运行完整的培训日，全部写到 ./yishi-demo/：
情景、示例学员名单、分组方案（混合分组与角色）、角色卡和培训师总表、
空白评分表、两位评审员的演示评分，以及复盘报告。每一步都会显示
对你自己的数据做同样事情的命令。

再次运行演示会替换演示之前的输出；除非加上 --force，否则绝不覆盖其他文件。`,
	"Run a whole training day on the bundled scenario and sample roster": "用内置情景和示例学员名单运行完整的培训日",
	"directory to write into":                                                                      "写入的文件夹",
	"overwrite a file that exists":                                                                 "文件已存在时覆盖它",
	"language of the template and of the cards and reports: en or zh":                              "模板以及角色卡和报告的语言：en 或 zh",
	"the scenario's title (default: the name)":                                                     "情景的标题（默认：名称）",
	"Write NAME.yaml: a commented scenario template that validates":                                "写出 NAME.yaml：一份带注释、可通过校验的情景模板",
	"Start a new file from a commented template":                                                   "从带注释的模板新建文件",
	"take scoresheets without a plan id (hand-made ones), checking their members against the plan": "接受没有方案编号的评分表（手工制作的），并按分组方案核对其成员",
	"overwrite the report file if it exists":                                                       "报告文件已存在时覆盖它",
	"html, md, json or csv (default: from --out, else md)":                                         "html、md、json 或 csv（默认：由 --out 决定，否则为 md）",
	"report file to write (default: stdout)":                                                       "要写出的报告文件（默认：标准输出）",
	"Aggregate scoresheets into the debrief report, with reviewer agreement and a debrief guide":   "把评分表汇总成复盘报告，附评审员一致性和复盘引导",
	"overwrite files that exist":                                                                   "文件已存在时覆盖",
	"Copy a bundled scenario's YAML (and its schema) into DIR to edit":                             "把内置情景的 YAML（及其 schema）复制到 DIR 中供编辑",
	"List the bundled scenarios in English and Chinese":                                            "列出内置情景（英文和中文）",
	"Show a readable summary of a scenario":                                                        "显示情景的摘要",
	"List, show and export the bundled scenario library":                                           "列出、显示和导出内置情景库",
	"Print the JSON Schema (draft-07) of scenario, rubric or drill log files":                      "输出情景、评分量表或演练记录文件的 JSON Schema（draft-07）",
	`Print the JSON Schema (draft-07) of scenario, rubric or drill log files, for editors:
  yishi schema scenario > scenario.schema.json
and start the YAML file with
  # yaml-language-server: $schema=scenario.schema.json`: `输出情景、评分量表或演练记录文件的 JSON Schema（draft-07），供编辑器使用：
  yishi schema scenario > scenario.schema.json
并在 YAML 文件开头写上
  # yaml-language-server: $schema=scenario.schema.json`,
	"overwrite scoresheets that exist":                                                     "评分表已存在时覆盖",
	"groups to score, such as 1,3 (default: every group)":                                  "要评分的组，例如 1,3（默认：所有组）",
	"directory to write the scoresheets into":                                              "写出评分表的文件夹",
	"reviewer's name (repeat for several reviewers)":                                       "评审员姓名（多位评审员请重复给出）",
	"round to score (default: every round)":                                                "要评分的轮次（默认：所有轮次）",
	"Check scenario, rubric and drill log files and list every problem with file:line:col": "检查情景、评分量表和演练记录文件，以 文件:行:列 列出每个问题",
	`Check scenario, rubric and drill log files. Every problem in every file is
listed at once as file:line:col: message, errors apart from warnings. A file
is a rubric when it says kind: rubric, a drill log when it says kind:
drill-log (or is a CSV whose header names at and kind); otherwise it is read
as a scenario. With --plan, drill logs are checked against the plan and its
scenario too: the round and group, who was in it, the phases and injects.

With --lint, each valid scenario is also checked for what makes a drill
fall flat: a rubric dimension nothing exercises, a role with nothing to do,
confidential briefs with nothing to trade or bottom lines that cannot meet
or that a public fact rules out, an inject where its role cannot act, no
summing-up or read-back, a method's steps missing, a card too long to
print. Each warning ends with its check in brackets; a scenario accepts one
with an entry under lint.ignore that gives the reason.

Exit code 1 when any file has an error; warnings alone exit 0.`: `检查情景、评分量表和演练记录文件。所有文件中的每个问题都会一次列出，格式为
文件:行:列: 问题，错误与警告分开。写有 kind: rubric 的文件是评分量表，写有
kind: drill-log 的文件（或表头有 at 和 kind 两列的 CSV）是演练记录，其他文件
按情景读取。加上 --plan 时，演练记录还会对照分组方案及其情景检查：轮次和组、
当时在组里的人、议程环节和情景注入。

加上 --lint 时，每个有效的情景还会检查会让演练冷场的问题：没有任何环节去练的
评议维度、无事可做的角色、无从交换的保密说明、碰不到一起或与公开事实矛盾的底线、
落在角色无法行动环节的情景注入、缺少归纳总结或宣读记录、缺少方法的步骤、
长得打印不下的角色卡。每条提醒末尾的方括号里是检查项名称；若确有理由，
可在情景的 lint.ignore 下写一条并说明理由来接受它。

任何文件有错误时退出码为 1；只有警告时退出码为 0。`,
	"check drill logs against this plan and its scenario": "对照这个分组方案及其情景检查演练记录",
	"drill log": "演练记录",
	"Print yishi's version and the commit it was built from":        "显示 yishi 的版本和构建所用的提交",
	"Role-play drills for community negotiation councils (议事会模拟演练)": "社区协商议事会的角色扮演演练（议事会模拟演练）",
	`yishi runs role-play drills of community negotiation councils (协商议事会).

A training day with yishi:
  1. pick or write a scenario         yishi scenarios list | yishi new scenario NAME
  2. check it                         yishi validate FILE
  3. form mixed groups, give roles    yishi assign --scenario ID --roster FILE --out plan.yaml
  4. print role cards                 yishi cards plan.yaml --out cards/
     on the day: absent, walk-ins     yishi amend plan.yaml --absent ID --add FILE --out plan-2.yaml
  5. hand reviewers scoresheets       yishi scoresheets plan.yaml --reviewer NAME --format xlsx --out sheets/
  6. write the debrief report         yishi review plan.yaml sheets/*.xlsx --out report.html
  or run the drill live from a laptop  yishi serve plan.yaml --reviewer NAME   (then review --db, export --db)

Try it all on bundled data with: yishi demo

Exit codes: 0 ok, 1 invalid input, 2 misuse of the command line, 3 a file or
folder could not be written (permissions, a full disk, --out names a file,
another yishi run is writing there), 4 internal error (a bug in yishi).`: `yishi 用于社区协商议事会的角色扮演演练。

用 yishi 开展一个培训日：
  1. 选择或编写情景                   yishi scenarios list | yishi new scenario NAME
  2. 检查情景                         yishi validate FILE
  3. 混合分组、分配角色               yishi assign --scenario ID --roster FILE --out plan.yaml
  4. 打印角色卡                       yishi cards plan.yaml --out cards/
     当天缺席、临时加入               yishi amend plan.yaml --absent ID --add FILE --out plan-2.yaml
  5. 给评审员发评分表                 yishi scoresheets plan.yaml --reviewer NAME --format xlsx --out sheets/
  6. 写出复盘报告                     yishi review plan.yaml sheets/*.xlsx --out report.html
  或者在笔记本电脑上现场运行演练      yishi serve plan.yaml --reviewer NAME   （之后用 review --db、export --db）

用内置数据体验全部流程：yishi demo

退出码：0 成功，1 输入有误，2 命令行用法有误，3 文件或文件夹无法写入
（权限不足、磁盘已满、--out 指向文件、另一个 yishi 正在写入），
4 内部错误（yishi 的缺陷）。`,

	// cmd/yishi/scoresheets.go
	"--format must be yaml, csv, xlsx or html, not %q": "--format 必须是 yaml、csv、xlsx 或 html，而不是 %q",

	// help texts
	"refuse a background the scenario does not list, rather than mixing it as a category of its own": "拒绝情景没有列出的背景类别，而不是把它作为单独的一类参与混合分组",
	`Form groups that are as mixed as possible (communities and backgrounds spread
across groups, as the scenario's grouping.mix asks), keep quotas and keep-apart
rules, and cast each group's roles (host, recorder, stakeholders) so that
trainees play a perspective not their own and host/recorder turns rotate over
rounds. Writes the plan that cards, scoresheets and review read.

The roster is CSV (UTF-8, UTF-8 with BOM, GB18030 as Chinese Excel saves it,
or Windows-1252 as English Excel does; the encoding used is printed), XLSX or
YAML, with columns id, name, unit, background (Chinese headers such as 姓名,
社区, 背景 work too), optional avoid, together and prefers. A background the
scenario does not list is mixed as a category of its own, with a warning;
--strict-backgrounds refuses it instead. Remarks (备注) go to the trainer's
master sheet only; phone numbers are read past.

Each round reports "diversity X of bound Y (Z%)": Y is an upper bound no
grouping can beat, so Z% says how close to the best possible the plan is.
The same inputs and --seed give a byte-identical plan, whatever the order of
the roster's rows.`: `组成尽可能混合的分组（按情景的 grouping.mix，把不同社区和背景类别的学员
分散到各组），遵守配额和不同组的规则，并为每组分配角色（主持人、记录员、
利益相关方），让学员扮演与自己身份不同的角色，主持人和记录员在各轮之间轮换。
写出的分组方案供 cards、scoresheets 和 review 读取。

学员名单可以是 CSV（UTF-8、带 BOM 的 UTF-8、中文 Excel 保存的 GB18030，
或英文 Excel 保存的 Windows-1252；会显示实际使用的编码）、XLSX 或 YAML，
列为 id、name、unit、background（也可用 姓名、社区、背景 等中文表头），
可选 avoid、together 和 prefers。情景没有列出的背景类别会作为单独的一类
参与混合分组，并给出警告；加上 --strict-backgrounds 则拒绝这样的名单。
备注列的内容只写到培训师的总表上；手机号会被略过。

每轮会报告“多样性 X，上限 Y（Z%）”：Y 是任何分组都无法超过的上限，
Z% 表示方案离最优还有多远。相同的输入和 --seed 得到逐字节相同的方案，
与名单中各行的顺序无关。`,
	`Read the reviewers' scoresheets (YAML; XLSX workbooks as Excel or WPS saves
them; or CSV as Excel saves it: UTF-8, UTF-8 with BOM, GB18030 or
Windows-1252) and write the debrief report:

  - per group and dimension the mean, range and number of reviewers, the
    weighted total and the ranking of groups in each round;
  - agreement per dimension: Krippendorff's alpha (ordinal) and ICC(2,1),
    or "not computable" with the reason; where reviewers differ by 2 points
    or more; how lenient each reviewer is compared with the others;
  - for each group a debrief guide (PEARLS phases, ORID questions aimed at
    its two weakest dimensions), the evidence reviewers wrote, and an
    improvement plan to finish together.

Drill logs given among the files (YAML or CSV, from yishi export or typed
from paper on the template of yishi new log) add the measures of each
group's drill beside its scores: rhythm (planned against actual time per
phase, punctuality, how soon injects were answered), participation
(speaking time and turns per member, Gini coefficient, silent members, the
host's share of the talk, interruptions, how often the floor passes) and
induction (host summaries), a timeline chart per group, and a flag where
the reviewers' scores and the measures disagree. A group with a log and no
scoresheet is reported from its log.

With --by-trainee DIR, each trainee gets a page (HTML and JSON) of their
roles, their group's scores in the dimensions their role owns, their own
speaking share and the reviewers' evidence that names their role; DIR's
index.html is the cohort view: the mean per dimension by round.

Every problem in the scoresheets and logs is listed as file:line:col (in a
workbook, its sheet, row and column) and nothing is written. The format follows --out's extension unless --format is given:
html (printable, charts inline), md, json or csv (the scores and the
improvement plan for Excel). Without --out the report goes to stdout.

With --db, the report is made from the scores reviewers gave on their
phones in yishi serve, and the plan the room ran: nothing to retype.`: `读取评审员的评分表（YAML；Excel 或 WPS 保存的 XLSX 工作簿；或 Excel 保存的
CSV：UTF-8、带 BOM 的 UTF-8、GB18030 或 Windows-1252），写出复盘报告：

  - 每组每个维度的平均分、极差和评审员人数，加权总分，以及每轮各组的排名；
  - 每个维度的一致性：Krippendorff's alpha（有序）和 ICC(2,1)，
    无法计算时说明原因；评审员相差 2 分及以上之处；每位评审员与其他人
    相比的宽严程度；
  - 每组的复盘引导（PEARLS 阶段、针对最弱两个维度的 ORID 提问）、
    评审员写下的依据，以及一份共同完成的改进计划。

文件中如有演练记录（YAML 或 CSV，由 yishi export 导出，或按 yishi new log
的模板从纸质记录录入），报告会在各组评分旁给出演练的客观测量：节奏（各环节
计划与实际用时、守时指数、情景注入后多久回应）、发言与参与（每人发言时长和
次数、基尼系数、未发言的成员、主持人发言占比、插话次数、发言权轮转的频率）
和归纳（主持人的小结），每组一张时间线图；评分与测量结果不一致之处会标出。
只有演练记录、没有评分表的小组，按记录出报告。

加上 --by-trainee DIR 时，为每位学员写一页（HTML 和 JSON）：各轮担任的角色、
所在小组在其角色负责的维度上的得分、本人的发言占比，以及评审员提到其角色的
依据；DIR 中的 index.html 是全班视图：各轮每个维度的平均分。

评分表和演练记录中的每个问题都以 文件:行:列 列出（工作簿中还写明工作表、行和列），
且不写任何文件。报告格式按 --out 的扩展名决定，除非给了 --format：
html（可打印，图表内嵌）、md、json 或 csv（评分和改进计划，供 Excel 使用）。
没有 --out 时报告输出到标准输出。

加上 --db 时，报告取自评审员在 yishi serve 中用手机给出的评分，以及演练室
运行的分组方案：无需重新录入。`,
	"yaml, csv, xlsx or html": "yaml、csv、xlsx 或 html",
	"Write blank scoresheets for reviewers: YAML, CSV or XLSX for Excel, or printable HTML": "为评审员写出空白评分表：YAML、供 Excel 使用的 CSV 或 XLSX，或可打印的 HTML",
	`Write blank scoresheets from a plan: for each reviewer and each group of the
chosen round(s), the members and their roles, every rubric dimension with its
level descriptors (in the scenario's language), and space for evidence,
strengths and improvements.

  --format yaml   one file per reviewer per group; hints as comments
  --format csv    one file per reviewer, a row per group, for Excel (UTF-8 with
                  BOM; Excel may save it back as GB18030, which review reads)
  --format xlsx   one workbook per reviewer, a sheet per round, a row per group:
                  level descriptors as comments on the score headers, only the
                  scale's whole numbers allowed, the plan id locked
  --format html   one printable A4 page per group, for scoring on paper

Give --reviewer once per reviewer. Fill the sheets in and pass them to
yishi review.`: `根据分组方案写出空白评分表：为每位评审员、所选轮次的每个组写明成员及其
角色、评分量表的每个维度及其等级描述（用情景的语言），并留出填写依据、
亮点和改进建议的地方。

  --format yaml   每位评审员每组一个文件；提示写在注释中
  --format csv    每位评审员一个文件，每组一行，供 Excel 使用（带 BOM 的
                  UTF-8；Excel 可能另存为 GB18030，review 也能读取）
  --format xlsx   每位评审员一个工作簿，每轮一个工作表，每组一行：
                  等级描述作为评分表头的批注，只允许填量表内的整数，
                  方案编号锁定
  --format html   每组一页可打印的 A4，供纸面评分

每位评审员给一次 --reviewer。填好评分表后交给 yishi review。`,
	"%d round":             "%d 轮",
	"%d rounds":            "%d 轮",
	", %d repeat pairing":  "，%d 次重复同组",
	", %d repeat pairings": "，%d 次重复同组",
	"%[2]d cards for %[3]d trainees in %[1]d round":  "%[3]d 名学员的 %[2]d 张角色卡，共 %[1]d 轮",
	"%[2]d cards for %[3]d trainees in %[1]d rounds": "%[3]d 名学员的 %[2]d 张角色卡，共 %[1]d 轮",
}
