package messages

// zhRoom is the Chinese of the messages of the room: yishi serve and the
// commands that read its database back (export, review --db), the room's
// HTTP handlers, its database (SQLite) and the live console's state
// machine. The room's page words are not here: they live beside the pages,
// in cmd/yishi/internal/room/words.go.
//
// Words of the room: room 演练室, console 控制台, link 链接, short code
// 短代码, token 令牌, outbox 待发送, drill log 演练记录, database 数据库,
// release (an inject) 发放, next phase 下一环节, pause 暂停, resume 继续.
var zhRoom = map[string]string{
	// cmd/yishi/serve.go
	"--reviewer needs a name, as NAME or NAME:1,3":                                                     "--reviewer 需要姓名，写作 NAME 或 NAME:1,3",
	"--reviewer %s: %q is not a group number":                                                          "--reviewer %s：%q 不是组号",
	"%w: --reviewer %s: the plan has no group %d":                                                      "%w：--reviewer %s：分组方案中没有第 %d 组",
	"--reviewer %s is named twice":                                                                     "--reviewer %s 给了两次",
	"wrote %s: the slips of links and codes, for %s\n":                                                 "已写出 %s：链接和短代码的纸条，地址为 %s\n",
	"yishi room for %s, round %d shown, kept in %s\n":                                                  "yishi 演练室：%s，显示第 %d 轮，保存在 %s\n",
	"  listening on %s\n":                                                                              "  正在监听 %s\n",
	"\nthe trainer's console (keep this link to yourself):\n  %s\n":                                    "\n培训师控制台（这个链接请自己保管，不要给别人）：\n  %s\n",
	"print the slips for everyone else from the console, or with --print-links FILE\n":                 "其他人的纸条请在控制台上打印，或用 --print-links FILE 写出\n",
	"stop with Ctrl-C; run the same command again to continue\n":                                       "按 Ctrl-C 停止；再次运行同一命令即可继续\n",
	"\nstopped; everything is kept in %s\n":                                                            "\n已停止；所有内容都保存在 %s 中\n",
	"%w: --db %s is a folder; name a file, such as %s":                                                 "%w：--db %s 是文件夹；请写一个文件名，例如 %s",
	"%w: %s is not a yishi room database; give --db a new file name, or the database yishi serve made": "%w：%s 不是 yishi 演练室数据库；请给 --db 一个新文件名，或 yishi serve 创建的数据库",
	"%w: %s was made by a newer yishi; use that version, or give --db a new file name":                 "%w：%s 是更新版本的 yishi 创建的；请使用那个版本，或给 --db 一个新文件名",
	// dbError: the database's own words, after its name.
	"%w: %s: %v":              "%w：%s：%v",
	"the room has no trainer": "演练室中没有培训师",
	"%w: %s cannot be kept, so the plan was not changed; make the change with yishi amend --allow-unmet if it must be": "%w：%s无法满足，因此没有修改分组方案；如果必须这样改，请用 yishi amend --allow-unmet",
	"Run the drill live: the console on the trainer's laptop, cards and scoresheets on phones":                         "现场运行演练：控制台在培训师的笔记本电脑上，角色卡和评分表在手机上",
	"the room's database: created if missing, continued if it exists":                                                  "演练室的数据库：不存在时新建，已存在时接着使用",
	"address to listen on": "监听的地址",
	"the room's address as phones reach it, for links (default: the first local network address)":      "手机访问演练室所用的地址，用于链接（默认：第一个局域网地址）",
	"a reviewer, as NAME (every group) or NAME:1,3 (groups 1 and 3 of each round); repeat for several": "评审员，写作 NAME（所有组）或 NAME:1,3（每轮的第 1 组和第 3 组）；多位评审员请重复给出",
	"write the printable slips of links and codes to this HTML file, and stop":                         "把可打印的链接和短代码纸条写到这个 HTML 文件，然后停止",
	"overwrite the --print-links file if it exists":                                                    "--print-links 文件已存在时覆盖它",
	"log every request on stderr (without tokens)":                                                     "在标准错误输出上记录每个请求（不含令牌）",
	`Run the room: an HTTP server on the local network, for a training room with
Wi-Fi and no internet. Everyone gets a link of their own (a QR code and a
six-letter code on a printed slip):

  the trainer    the console: a clock per group through the agenda's phases,
                 start / next / pause / resume for one group or all, injects
                 due and released, notes, the drill log, changes on the day
  a trainee      their own card for the round, and the injects released to
                 their role; nothing else
  a reviewer     a form per group with the rubric, saved as they type, kept
                 on the phone while the network is down; and the speaking
                 turns of a group (an observer's role logs them too)

Everything is kept in the database (SQLite, --db): stop the server with
Ctrl-C and run the same command again to continue where it stopped. After
the drill, yishi review --db drill.db writes the debrief report and yishi
export --db drill.db --out DIR the scoresheets, the drill log and the plan.`: `运行演练室：局域网上的一个 HTTP 服务器，供有 Wi-Fi、没有互联网的培训室
使用。每人都有自己的链接（打印在纸条上的二维码和六位短代码）：

  培训师         控制台：每组一个时钟，按议程环节计时；一个组或所有组的
                 开始 / 下一环节 / 暂停 / 继续；到时和已发放的情景注入、
                 备注、演练记录、当天的调整
  学员           本人这一轮的角色卡，以及发放给其角色的情景注入；
                 别的都看不到
  评审员         每组一张带评分量表的表单，随输随存，断网时先存在手机上；
                 还可以记录一个组的发言轮次（观察员角色也会记录）

所有内容都保存在数据库中（SQLite，--db）：按 Ctrl-C 停止服务器，再次运行
同一命令即可从停下的地方继续。演练结束后，yishi review --db drill.db
写出复盘报告，yishi export --db drill.db --out DIR 写出评分表、演练记录
和分组方案。`,

	// cmd/yishi/export.go
	"%s and %s from %s\n": "%s和 %s，来自 %s\n",
	"%d log entry":        "%d 条演练记录",
	"%d log entries":      "%d 条演练记录",
	"next: yishi review %s %s --out report.html\n":                                         "下一步：yishi review %s %s --out report.html\n",
	"no arguments besides the flags":                                                       "只用选项、不带参数",
	"export needs --db FILE, the database yishi serve kept":                                "export 需要 --db FILE，即 yishi serve 保存数据的数据库",
	"export needs --out DIR":                                                               "export 需要 --out DIR",
	"--format must be yaml, csv or xlsx, not %q":                                           "--format 必须是 yaml、csv 或 xlsx，而不是 %q",
	"%w: %s: no such database; yishi serve PLAN --db %s makes it":                          "%w：%s：没有这个数据库；运行 yishi serve PLAN --db %s 会创建它",
	"the room's database":                                                                  "演练室的数据库",
	"scoresheet format: yaml, csv or xlsx":                                                 "评分表格式：yaml、csv 或 xlsx",
	"Write out what the room kept: the scoresheets, the drill log and the plan of the day": "写出演练室保存的内容：评分表、演练记录和当天的分组方案",
	`Write out what yishi serve kept in its database:

  scoresheets/   the reviewers' scores, as yishi scoresheets writes them
                 (--format yaml, csv or xlsx), ready for yishi review
  logs/          the drill log of each group that ran, one file per round
                 and group (round-1-group-2.yaml; CSV for Excel with
                 --format csv or xlsx): phases, pauses, injects, notes,
                 speaking turns, with their times
  plan.yaml      the plan with every change made on the console

The scoresheets carry their groups' ids, so yishi review plan.yaml
scoresheets/* logs/* reads them as it reads sheets filled in by hand, with
the measures of each group's drill beside its scores.`: `写出 yishi serve 保存在数据库中的内容：

  scoresheets/   评审员的评分，格式与 yishi scoresheets 写出的相同
                 （--format yaml、csv 或 xlsx），可直接交给 yishi review
  logs/          每个开过会的小组的演练记录，每轮每组一个文件
                 （round-1-group-2.yaml；加 --format csv 或 xlsx 时为供 Excel
                 使用的 CSV）：议程环节、暂停、情景注入、备注、发言轮次，
                 以及各自的时间
  plan.yaml      分组方案，含控制台上做过的每项调整

评分表带有各组的编号，因此 yishi review plan.yaml scoresheets/* logs/*
读取它们，就像读取手工填写的评分表一样，并在各组评分旁给出演练的客观测量。`,

	// cmd/yishi/review.go
	"review --db takes the plan and the scores from the database; leave out the plan and scoresheet files": "review --db 从数据库读取分组方案和评分；请不要再给出方案文件和评分表文件",
	"%w: no scores in %s yet; reviewers score on their phones in yishi serve":                              "%w：%s 中还没有评分；评审员在 yishi serve 中用手机评分",
	"make the report from the scores kept by yishi serve in this database":                                 "用 yishi serve 保存在这个数据库中的评分生成报告",

	// cmd/yishi/internal/room
	"the console has no such action; reload the page":                                  "控制台没有这个操作；请刷新页面",
	"the plan has no such round or group":                                              "分组方案中没有这个轮次或组",
	"every round has started; changes on the day apply to rounds not yet started":      "所有轮次都已开始；当天的调整只适用于尚未开始的轮次",
	"a swap names two trainee ids":                                                     "互换需要写两个学员编号",
	"name the absent trainees or the two to swap":                                      "请写出缺席的学员，或要互换的两名学员",
	"the trainer's link cannot be revoked from the console; give it a new one instead": "培训师的链接不能在控制台上作废；请改为给它换一个新链接",
	"the change has no valid key; reload the page":                                     "这处修改没有有效的键；请刷新页面",
	"this group is not yours; reload the page to see your groups":                      "这个组不归你评；请刷新页面查看你负责的组",
	"the text is too long; shorten it":                                                 "文字太长；请删减一些",
	"the form has no such field; reload the page":                                      "表单里没有这一项；请刷新页面",
	"the rubric has no such dimension; reload the page":                                "评分标准里没有这个维度；请刷新页面",
	"the score is not on the rubric's scale; choose one of its levels":                 "这个分数不在量表范围内；请选择其中一个等级",

	// cmd/yishi/internal/store
	// The sentinels are printed after a name: "%s is %w" is "drill.db 不是…".
	"not a yishi room database":                                                         "不是 yishi 演练室数据库",
	"a folder, not a file":                                                              "是文件夹，不是文件",
	"not an SQLite database":                                                            "不是 SQLite 数据库",
	"the room database was made by a newer yishi":                                       "演练室数据库是更新版本的 yishi 创建的",
	"the room database belongs to another plan":                                         "演练室数据库属于另一个分组方案",
	"the room database holds no plan yet":                                               "演练室数据库中还没有分组方案",
	"no such person in the room":                                                        "演练室中没有这个人",
	"a person is a trainer, a trainee or a reviewer":                                    "人员只能是培训师、学员或评审员",
	"the token or short code is already in use":                                         "令牌或短代码已被使用",
	"not a field of a scoresheet":                                                       "不是评分表的字段",
	"a score is a whole number":                                                         "评分必须是整数",
	"open the room database %s: %w":                                                     "打开演练室数据库 %s 失败：%w",
	"%s is a folder, %w: give --db a file":                                              "%s 是文件夹，%w：请给 --db 一个文件",
	"%s is %w: give --db a new file name, or the room's own database":                   "%s %w：请给 --db 一个新文件名，或演练室自己的数据库",
	"%s: %w (schema %d; this yishi knows up to %d): update yishi, or give another --db": "%s：%w（数据库结构版本 %d；这个 yishi 最高支持 %d）：请更新 yishi，或换一个 --db",
	"read the schema of %s: %w":                                                         "读取 %s 的数据库结构失败：%w",
	"migrate %s to schema %d: %w":                                                       "把 %s 升级到数据库结构版本 %d 失败：%w",
	"migrate %s: %w":                                                                    "升级 %s 失败：%w",
	"write to %s: %w":                                                                   "写入 %s 失败：%w",
	"read the drill log in %s: %w":                                                      "读取 %s 中的演练记录失败：%w",
	"add to the drill log in %s: %w":                                                    "写入 %s 中的演练记录失败：%w",
	"read the people in %s: %w":                                                         "读取 %s 中的人员失败：%w",
	"read %s %s in %s: %w":                                                              "读取 %[3]s 中的 %[1]s %[2]s 失败：%[4]w",
	"person %s (%q): %w":                                                                "人员 %s（%q）：%w",
	"%s %s: %w: make another":                                                           "%s %s：%w：请另生成一个",
	"add %s %s to %s: %w":                                                               "把 %s %s 加入 %s 失败：%w",
	"reissue the link of %s %s in %s: %w":                                               "给 %[3]s 中的 %[1]s %[2]s 换新链接失败：%[4]w",
	"revoke the link of %s %s in %s: %w":                                                "作废 %[3]s 中 %[1]s %[2]s 的链接失败：%[4]w",
	"store the plan in %s: %w":                                                          "把分组方案存入 %s 失败：%w",
	"read the plan in %s: %w":                                                           "读取 %s 中的分组方案失败：%w",
	"%w: %s holds plan %s (from %s), not plan %s; give another --db, or serve %s": "%w：%s 中存的是方案 %s（来自 %s），不是方案 %s；请换一个 --db，或运行 serve %s",
	"store the amended plan in %s: %w":                                            "把调整后的分组方案存入 %s 失败：%w",
	"score change %d (key %q, reviewer %s): %w":                                   "第 %d 项评分修改（键 %q，评审员 %s）：%w",
	"store scores in %s: %w":                                                      "把评分存入 %s 失败：%w",
	"%q: %w: send score:DIM, evidence:DIM, strengths or improvements":             "%q：%w：请发送 score:DIM、evidence:DIM、strengths 或 improvements",
	"read scores in %s: %w":                                                       "读取 %s 中的评分失败：%w",
	"read scores in %s: %s %q: %w":                                                "读取 %s 中的评分失败：%s %q：%w",
	"read the setting %s in %s: %w":                                               "读取 %[2]s 中的设置 %[1]s 失败：%[3]w",
	"store the setting %s in %s: %w":                                              "把设置 %s 存入 %s 失败：%w",
	"store the heartbeat in %s: %w":                                               "把心跳时间存入 %s 失败：%w",
	"read the heartbeat in %s: %w":                                                "读取 %s 中的心跳时间失败：%w",

	// review/live
	"the group has not started: start it first":                                                              "该组尚未开始：请先开始",
	"the group is already running":                                                                           "该组已在进行中",
	"the group is paused: resume it first":                                                                   "该组已暂停：请先继续",
	"the group is not paused: there is nothing to resume":                                                    "该组没有暂停：无需继续",
	"the group has finished its drill":                                                                       "该组的演练已结束",
	"the agenda has no phases: add one to the scenario":                                                      "议程中没有环节：请在情景中添加一个议程环节",
	"the scenario has no such inject: pick one of its injects":                                               "情景中没有这条情景注入：请选择情景中已有的一条",
	"the inject is already released":                                                                         "这条情景注入已经发放",
	"the note is empty: type some text":                                                                      "备注是空的：请输入内容",
	"the note is too long: keep it to 2000 characters":                                                       "备注太长：请不要超过 2000 字",
	"not a member of this group: pick one of the group's members":                                            "不是本组成员：请从本组成员中选择",
	"unknown command: use start, next, pause, resume, release, note, turn, silence, interruption or summary": "未知的命令：请用 start、next、pause、resume、release、note、turn、silence、interruption 或 summary",
	"round %d, group %d: %w":                                                                                 "第 %d 轮第 %d 组：%w",
	"inject %q: %w":                                                                                          "情景注入 %q：%w",
	"%d characters: %w":                                                                                      "%d 个字：%w",
	"member %q: %w":                                                                                          "成员 %q：%w",
	"the drill, live":                                                                                        "现场演练",
	"  runs the room on this laptop until Ctrl-C: it prints the trainer's console link; the console's\n  \"Print the slips\" gives everyone else a QR code and a short code for a phone on the same Wi-Fi\n": "  在这台笔记本电脑上运行演练室，直到按 Ctrl-C：它会显示培训师控制台的链接；控制台上的\n  “打印纸条”为其他每个人生成二维码和短代码，供连接同一 Wi-Fi 的手机使用\n",
	"  after the drill: yishi review --db %s --out report.html, and yishi export --db %s --out DIR\n":                                                                                                        "  演练结束后：yishi review --db %s --out report.html，以及 yishi export --db %s --out DIR\n",
	"the room now runs %s, an amendment of the plan it ran (%s)\n":                                                                                                                                           "演练室现在按 %s 运行，它是原先所用方案（%s）的调整版\n",
	"the tap is not a turn, interruption, summary or silence; reload the page":                                                                                                                               "这次点按不是发言、打断、小结或无人发言；请刷新页面",
	"a group of round %d started while the change was made; make it again, from the next round":                                                                                                              "调整进行时第 %d 轮已有组开始；请从下一轮起重新调整",
	"reviewers have scored group %d of round %d already, and a change would give those scores to other trainees; make the change with yishi amend after the round":                                           "评审已经给第 %[2]d 轮第 %[1]d 组打了分，调整会把这些分数算到别的学员头上；请在本轮结束后用 yishi amend 调整",
	"%w: another yishi serve is running the room in %s; stop it first, or give --db another file":                                                                                                            "%w：已有一个 yishi serve 在运行 %s 里的演练室；请先停下它，或给 --db 另一个文件",
	"--reviewer %s: name the groups after the colon, as NAME:1,3, or leave the colon out for every group":                                                                                                    "--reviewer %s：请在冒号后写明组号，例如 姓名:1,3；要评所有组就不写冒号",
	"%w: %s is not a yishi room database; give --db the database yishi serve kept":                                                                                                                           "%w：%s 不是 yishi 演练室数据库；请给 --db 指定 yishi serve 保存的数据库",
	"%w: %s is in use by another program (another yishi serve?); stop it, or give --addr :PORT for another port":                                                                                             "%w：%s 已被另一个程序占用（是不是另一个 yishi serve？）；请先停下它，或用 --addr :端口 换一个端口",
	"%w: --db %s: the folder %s does not exist; make it first, or give --db a file in a folder that does":                                                                                                    "%w：--db %s：文件夹 %s 不存在；请先建好它，或给 --db 一个已有文件夹里的文件",
	"%w: yishi serve is running the room in %s; print the slips from the console's Print the slips page while it runs":                                                                                       "%w：yishi serve 正在运行 %s 里的演练室；运行期间请在控制台的“打印纸条”页面打印",
	"%w: cannot listen on %s; give --addr as :PORT or HOST:PORT, such as :8080":                                                                                                                              "%w：无法在 %s 上监听；--addr 请写成 :端口 或 主机:端口，例如 :8080",
	"%w: this changes nothing from round %d on: the trainees named are absent already, or would stay where they are":                                                                                         "%w：从第 %d 轮起没有任何变化：写的学员已经缺席，或者本来就在原处",
}
