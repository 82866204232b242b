package messages

// zhRoles is the Chinese of the messages of packages roles and below: the roster, the
// grouping engine, the plan and the cards.
var zhRoles = map[string]string{

	// roles/assign.go

	// roles/cards/cards_render.go

	// roles/grouping/mdgplib.go
	"mdgplib: %w": "mdgplib：%w",
	"mdgplib:%d: header %q: want `n G type LB_1 UB_1 ...`": "mdgplib:%d：表头 %q：应为 `n G type LB_1 UB_1 ...`",
	"mdgplib:%d: header: bad n %q or G %q":                 "mdgplib:%d：表头：n %q 或 G %q 有误",
	"mdgplib:%d: header: type %q, want ss or ds":           "mdgplib:%d：表头：类型 %q，应为 ss 或 ds",
	"mdgplib:%d: header has %d bounds, want %d for G = %d": "mdgplib:%d：表头有 %d 个界，G = %[4]d 时应为 %[3]d 个",
	"mdgplib:%d: header: bad bounds of group %d":           "mdgplib:%d：表头：第 %d 组的界有误",
	"mdgplib:%d: want `i j d`, got %q":                     "mdgplib:%d：应为 `i j d`，实际是 %q",
	"mdgplib:%d: bad pair %q":                              "mdgplib:%d：数对 %q 有误",
	"mdgplib:%d: %w":                                       "mdgplib:%d：%w",

	// roles/grouping/mdgplib/mdgplib.go
	"no go.mod above the working directory": "工作目录之上没有 go.mod",

	// roles/grouping/problem.go
	"past round %d has %d entries, want %d":                                                           "前面第 %d 轮有 %d 项，应为 %d 项",
	"RepeatPenalty is %v, want a finite value >= 0":                                                   "RepeatPenalty 为 %v，应为不小于 0 的有限值",
	"there are no elements to group (N = %d)":                                                         "没有要分组的元素（N = %d）",
	"there are no groups":                                                                             "没有组",
	"%d groups cannot be formed from %d elements":                                                     "无法用 %[2]d 个元素组成 %[1]d 个组",
	"group %d has impossible size bounds [%d, %d]":                                                    "第 %d 组的人数界限 [%d, %d] 不可能满足",
	"the groups need at least %d elements in all but there are only %d":                               "各组合计至少需要 %d 个元素，但只有 %d 个",
	"the groups hold at most %d elements in all but there are %d":                                     "各组合计最多容纳 %d 个元素，但有 %d 个",
	"Dist has %d entries, want N*N = %d":                                                              "Dist 有 %d 项，应为 N*N = %d",
	"Dist is not a finite symmetric matrix at (%d, %d): %v vs %v":                                     "Dist 在 (%d, %d) 处不是有限的对称矩阵：%v 与 %v",
	"categorical attribute %q has %d values, want %d":                                                 "分类属性 %q 有 %d 个值，应为 %d 个",
	"categorical attribute %q has weight %v, want a finite value >= 0":                                "分类属性 %q 的权重为 %v，应为不小于 0 的有限值",
	"categorical attribute %d (%q) of element %d is %d; use -1 for a missing value":                   "元素 %[3]d 的分类属性 %[1]d（%[2]q）为 %[4]d；缺失值请用 -1",
	"numeric attribute %q has %d values, want %d":                                                     "数值属性 %q 有 %d 个值，应为 %d 个",
	"numeric attribute %q has weight %v, want a finite value >= 0":                                    "数值属性 %q 的权重为 %v，应为不小于 0 的有限值",
	"numeric attribute %q of element %d is %v, want a finite number":                                  "元素 %[2]d 的数值属性 %[1]q 为 %[3]v，应为有限的数",
	"%s pair (%d, %d) names an element outside 0..%d":                                                 "%s 数对 (%d, %d) 指向 0..%d 之外的元素",
	"%s pair (%d, %d) names the same element twice":                                                   "%s 数对 (%d, %d) 两次指向同一个元素",
	"%d elements must be kept together (element %d and its partners) but no group holds more than %d": "%d 个元素必须同组（元素 %d 及其同伴），但没有哪个组能容纳超过 %d 个",
	"elements %d and %d must be kept apart but keep-together pairs join them":                         "元素 %d 和 %d 必须分在不同组，但“同组”的数对把它们连在了一起",
	"quota %d refers to categorical attribute %d, but there are %d":                                   "配额 %d 指向分类属性 %d，但只有 %d 个分类属性",
	"quota %d (%s) has impossible bounds [%d, %d]":                                                    "配额 %d（%s）的界限 [%d, %d] 不可能满足",
	"%d groups need at least %d of %s each (%d in all) but only %d elements have it":                  "%d 个组每组至少需要 %d 个%s（合计 %d 个），但只有 %d 个元素具备",
	"%d elements have %s but %d groups may hold at most %d each (%d in all)":                          "有 %d 个元素具备%s，但 %d 个组每组最多 %d 个（合计 %d 个）",
	"group %d holds at most %d elements but needs at least %d of %s":                                  "第 %d 组最多容纳 %d 个元素，却至少需要 %d 个%s",
	"need %q has %d eligibility flags, want %d":                                                       "需求 %q 有 %d 个资格标记，应为 %d 个",
	"need %q has a negative count %d":                                                                 "需求 %q 的数量为负数 %d",
	"%d groups need at least %d %q each (%d in all) but only %d elements are eligible":                "%d 个组每组至少需要 %d 个 %q（合计 %d 个），但只有 %d 个元素符合资格",
	"group %d holds at most %d elements but needs %d %q":                                              "第 %d 组最多容纳 %d 个元素，却需要 %d 个 %q",
	"grouping: invalid problem":                                                                       "grouping：分组问题无效",

	// roles/grouping/solve.go
	"iteration limit": "迭代次数上限",
	"time budget":     "时间上限",
	"grouping: MaxIterations < 0 needs a Budget": "grouping：MaxIterations < 0 时需要给出 Budget",

	// roles/plan/load.go
	"scenario.id: %v": "scenario.id：%v",

	// roles/plan/plan.go
	"kind: expected %q, got %q; is this a plan made by `yishi assign`?": "kind：应为 %q，实际是 %q；这是 `yishi assign` 生成的分组方案吗？",
	"rounds: the plan has no rounds":                                    "rounds：分组方案中没有轮次",
	"rounds[%d].round: expected round %d, got %d":                       "rounds[%d].round：应为第 %d 轮，实际是 %d",
	"rounds[%d].groups[%d].group: expected group %d, got %d":            "rounds[%d].groups[%d].group：应为第 %d 组，实际是 %d",
	"%s: missing id": "%s：缺少编号",
	"%s.id: trainee %q is in group %d and group %d of round %d":                         "%s.id：学员 %q 在第 %[5]d 轮同时在第 %[3]d 组和第 %[4]d 组",
	"%s.name: trainee %q is called %q here and %q elsewhere":                            "%s.name：学员 %q 在这里叫 %q，在别处叫 %q",
	"%s: round %d, group %d has %d %s, the scenario needs %d":                           "%s：第 %d 轮第 %d 组有 %d 名%s，情景要求 %d 名",
	"%s: round %d, group %d has %d %s, the scenario allows %d":                          "%s：第 %d 轮第 %d 组有 %d 名%s，情景最多允许 %d 名",
	"%s.%s: character U+%04X in %q would break the printed cards and tables; remove it": "%[1]s.%[2]s：%[4]q 中的字符 U+%[3]04X 会破坏打印出的角色卡和表格；请删除",

	// roles/roster/build.go
	"missing id": "缺少编号",
	"id %q must not contain ; , or 、, which separate ids in the avoid and together columns": "编号 %q 不能包含 ;、, 或 、，它们用于在 avoid 和 together 列中分隔编号",
	"missing name": "缺少姓名",
	"%s and %s are both to avoid each other and to share a group; keep one of the two":             "%s 和 %s 既要互相避开又要同组；请只保留其中一条",
	"no trainees: the roster has a header but no rows":                                             "没有学员：学员名单有表头但没有数据行",
	"%q is not a number, but the rest of the column is; fix it or leave it empty":                  "%q 不是数字，但这一列的其他值都是；请改正或留空",
	"control character U+%04X in %q; remove it":                                                    "%[2]q 中有控制字符 U+%[1]04X；请删除",
	"a tab in %q would break the printed tables; keep the %s on one line":                          "%q 中的制表符会破坏打印出的表格；请把%s写在一行",
	"a line break in %q would break the printed tables; keep the %s on one line":                   "%q 中的换行会破坏打印出的表格；请把%s写在一行",
	"unknown background %q (did you mean %q?); %s":                                                 "未知背景类别 %q（是不是 %q？）；%s",
	"unknown background %q; the scenario's backgrounds are %s, each also known by its aliases; %s": "未知背景类别 %q；这个情景的背景类别有 %s，每个也可以用它的别名；%s",
	"%s lists their own id": "%s 列出了自己的编号",
	"%q is the name of more than one trainee (%s); write the id instead": "%q 是不止一名学员的姓名（%s）；请改写编号",
	"missing unit (the trainee's community or village)":                  "缺少社区（学员所在的社区或村）",
	"missing background": "缺少背景类别",

	// roles/roster/csv.go
	"cell %s": "单元格 %s",

	// roles/roster/roster.go
	"a sheet (%q) was named but only an XLSX workbook has sheets; it is ignored":                                       "指定了工作表（%q），但只有 XLSX 工作簿才有工作表；已忽略",
	"this is %s, not a text file, although its name ends in %q; rename it to end in .xlsx, or %s":                      "这是 %s，不是文本文件，尽管文件名以 %q 结尾；请改名为以 .xlsx 结尾，或%s",
	"this is a text file, not an Excel workbook, although its name ends in %q; if it is CSV, rename it to end in .csv": "这是文本文件，不是 Excel 工作簿，尽管文件名以 %q 结尾；如果它是 CSV，请改名为以 .csv 结尾",
	"unknown roster format %q: use .csv, .tsv, .xlsx, .yaml or .yml":                                                   "未知的学员名单格式 %q：请用 .csv、.tsv、.xlsx、.yaml 或 .yml",

	// roles/roster/table.go
	"%[1]s: %[2]s": "%[1]s：%[2]s",
	"file is empty; a roster has a header row naming the columns %s, then one row a trainee": "文件是空的；学员名单第一行是表头，写明各列 %s，之后每行一名学员",

	// roles/roster/xlsx.go

	// roles/roster/yaml.go
	"%s: expected a mapping of keys (id, name, unit, background, ...) to values":   "%s：应为键（id、name、unit、background 等）到值的映射",
	"%s: control character U+%04X in the key %q; remove it":                        "%[1]s：键 %[3]q 中有控制字符 U+%[2]04X；请删除",
	"%s: key %q names %s again (already named by %q)":                              "%s：键 %q 再次指定了%s（已由 %q 指定）",
	"trainees: the list is empty; a roster needs at least one trainee":             "trainees：列表是空的；学员名单至少需要一名学员",
	"file is empty; a YAML roster starts with `version: %d` and lists `trainees:`": "文件是空的；YAML 学员名单以 `version: %d` 开头，并在 `trainees:` 下列出学员",
	"expected a roster: a mapping starting with `version: %d`":                     "应为学员名单：以 `version: %d` 开头的映射",
	"version: missing; a roster file starts with `version: %d`":                    "version：缺少；学员名单文件以 `version: %d` 开头",
	"version: this yishi reads version %d files, not %q":                           "version：这个版本的 yishi 读取第 %d 版文件，而不是 %q",
	"trainees: missing; list the trainees under `trainees:`":                       "trainees：缺少；请在 `trainees:` 下列出学员",
	"trainees: expected a list of trainees":                                        "trainees：应为学员列表",
	"kind: expected \"roster\", got %q":                                            "kind：应为 \"roster\"，实际是 %q",

	// roles/assign.go
	"the groups cannot be formed: %s": "无法组成分组：%s",
	"round %d: %v":                    "第 %d 轮：%v",
	"round %d stopped at the time budget of %s; the same seed may give another plan on another machine":      "第 %d 轮在时间上限 %s 处停止；同样的随机种子在另一台机器上可能得到不同的方案",
	"round %d, group %d: only %d member(s) who have not yet hosted or recorded; someone leads a second time": "第 %d 轮第 %d 组：只有 %d 名成员还没当过主持人或记录员；有人要第二次担任",
	"the roster has no trainees":                                      "学员名单中没有学员",
	"%d groups were asked for but the roster has only %s; %s":         "要求分 %d 个组，但学员名单只有 %s；%s",
	"%s in %s gives %s":                                               "%s分成 %s，%s",
	"%s, below the scenario's minimum of %d; %s":                      "%s，少于情景规定的每组最少 %d 人；%s",
	"%s, above the scenario's maximum of %d; %s":                      "%s，超过情景规定的每组最多 %d 人；%s",
	"the scenario's roles need %d members in every group, but %s; %s": "情景的角色每组需要 %d 人，但%s；%s",
	"the scenario's required roles take %d members, more than its maximum group of %d; raise grouping.size.max or require fewer roles":           "情景的必需角色要占 %d 人，超过了它最大的组 %d 人；请提高 grouping.size.max，或减少必需的角色",
	"%s cannot form a group: the scenario's groups have at least %d members; add at least %s or lower grouping.size.min and require fewer roles": "%s组不成一个组：情景的每组至少 %d 人；请至少再增加 %s，或降低 grouping.size.min 并减少必需的角色",
	"%s cannot form a group: the scenario's groups have at least %d members; add at least %s or require fewer roles":                             "%s组不成一个组：情景的每组至少 %d 人；请至少再增加 %s，或减少必需的角色",
	"%s cannot form a group: the scenario's groups have at least %d members; add at least %s or lower grouping.size.min":                         "%s组不成一个组：情景的每组至少 %d 人；请至少再增加 %s，或降低 grouping.size.min",
	"ask for %d group":        "请分成 %d 个组",
	"ask for %d groups":       "请分成 %d 个组",
	"ask for %d to %d groups": "请分成 %d 到 %d 个组",
	"%s do not split into groups of %d to %d: %s would hold %s and %s would hold %s; change the number of trainees or raise grouping.size.max": "%[1]s无法分成每组 %[2]d 到 %[3]d 人的组：分成 %[4]s时每组 %[5]s 人，分成 %[6]s时每组 %[7]s 人；请调整学员人数，或提高 grouping.size.max",
	"a group of %[2]d": "该组 %[2]d 人",
	"groups of %[2]d":  "每组 %[2]d 人",
	"%d to %d":         "%d 到 %d",
	"grouping.mix names %q, but the roster %s has no such column (columns: %s)":  "grouping.mix 指定了 %q，但学员名单 %s 中没有这一列（已有的列：%s）",
	"grouping.require names %q, but the roster %s has no such column":            "grouping.require 指定了 %q，但学员名单 %s 中没有这一列",
	"every group needs at least %d trainees with %s %q, but the roster has none": "每组至少需要 %d 名%s为 %q 的学员，但学员名单中一个也没有",
	"round %d: %d groups but only %d trainees with %s %q: %s":                    "第 %[1]d 轮：%[2]d 个组，但%[4]s为 %[5]q 的学员只有 %[3]d 名：%[6]s",
	"%d groups have none":        "有 %d 个组没有",
	"group %s has none":          "第 %s 组没有",
	"groups %s and %s have none": "第 %s 和 %s 组没有",
	"unit":                       "社区",
	"%d rounds: a training day has 1 to %d rounds":                                                                 "%d 轮：一个培训日有 1 到 %d 轮",
	"%s and %s must not share a group but are both in group %d: the avoid lists cannot all be kept with %d groups": "%s 和 %s 不能同组，却都在第 %d 组：分成 %d 个组时无法满足所有的回避名单",
	"%s and %s must share a group but could not be placed together with the other rules":                           "%s 和 %s 必须同组，但在满足其他规则的同时无法把他们排在一起",
	"at least %d": "至少 %d 名",
	"group %d has %d trainees with %s %q; the scenario asks for %s":                                                                    "第 %d 组有 %d 名%s为 %q 的学员；情景要求%s",
	"group %d has %d members who may play %s; it needs %d":                                                                             "第 %d 组有 %d 名成员可以扮演%s；需要 %d 名",
	"role %q is played in no group: groups of %d–%d fill their places with the other roles first; raise its min or make groups larger": "角色 %q 在所有组中都没有人扮演：%d–%d 人的组先由其他角色占满了位置；请提高它的 min 或扩大分组",
	"%s or %s": "%s或%s",
	"round %d, group %d: nobody plays %s, so the inject at %s reaches nobody": "第 %d 轮第 %d 组：没有人扮演%s，因此 %s 的情景注入没有人收到",

	// roles/cards/cards_render.go
	"unknown format %q (use %s)":      "未知格式 %q（请用 %s）",
	"unknown paper %q (use a5 or a4)": "未知纸张 %q（请用 a5 或 a4）",

	// roles/cast.go
	"%s (%s) has no role: every place left is one their background %q may not play":                                                    "%s（%s）没有角色：剩下的位置都是背景类别 %q 不能扮演的",
	"role %q is not filled: the group has %d members for %d required places":                                                           "角色 %q 无人担任：本组只有 %d 名成员，却有 %d 个必需的位置",
	"role %q is not filled: no member of the group may play it (it is not played by %s)":                                               "角色 %q 无人担任：本组没有成员可以扮演（这个角色不由 %s 扮演）",
	"role %q is not filled: no member of the group may play it":                                                                        "角色 %q 无人担任：本组没有成员可以扮演",
	"preferred %q, which this scenario has no role for":                                                                                "希望担任 %q，但这个情景没有这个角色",
	"preferred %s, but in this scenario that role is played by someone of another background, to practise a perspective not their own": "希望担任%s，但在这个情景中这个角色由其他背景类别的人扮演，以练习换位思考",
	"preferred %s, but has already hosted or recorded; the turn went to a member who had not":                                          "希望担任%s，但已经当过主持人或记录员；这次机会给了还没当过的成员",
	"preferred %s, which went to %s (%s)":                                                                                              "希望担任%s，但这个角色给了%s（%s）",
	"preferred %s, but the group's required roles had to be filled first":                                                              "希望担任%s，但必须先安排本组的必需角色",

	// roles/feasible.go
	"every group may have at most %d trainee(s) with %s %q, %d in all for %d groups, but the roster has %d: %s; ask for more groups or raise the quota's max": "每组最多只能有 %[1]d 名%[2]s为 %[3]q 的学员，%[5]d 个组合计最多 %[4]d 名，但学员名单中有 %[6]d 名：%[7]s；请增加分组数，或提高这个配额的 max",
	"%s, and %d more": "%s，另有 %d 名",
	"%d trainees must share one group through the together column (%s), but groups hold at most %d":                                                                               "按 together 列，%d 名学员必须同组（%s），但每组最多 %d 人",
	"%s must share a group with %s through the together column, but one avoids the other":                                                                                         "按 together 列，%s 必须和 %s 同组，但其中一人要回避另一人",
	"every group needs %d %s (%s), %d in all for %d groups, but only %d trainees may play it: it is not played by %s; ask for fewer groups or change the role's avoid_background": "每组需要 %[1]d 名%[2]s（%[3]s），%[5]d 个组合计 %[4]d 名，但只有 %[6]d 名学员可以扮演：这个角色不由%[7]s扮演；请减少分组数或修改这个角色的 avoid_background",

	// roles/plan/load.go
	"scenario.source: the plan's scenario %s cannot be read: %v": "scenario.source：无法读取分组方案的情景 %s：%v",

	// roles/plan/plan.go
	"the plan was made for scenario %q, not %q": "这个分组方案是为情景 %q 做的，而不是 %q",
	"scenario %q has changed since the plan was made (sha256 %s…, plan has %s…), so its cards could disagree with the plan; run `yishi assign` again with the same roster, groups and --seed (%d) — if the change left the roles and grouping rules alone, the groups come out the same": "情景 %q 在生成分组方案之后改过了（sha256 %s…，方案记录的是 %s…），角色卡可能与方案不符；请用同样的学员名单、分组数和 --seed（%d）重新运行 `yishi assign`——如果改动没有涉及角色和分组规则，分组结果会保持不变",
	"%s: scenario %q has no role %q (did you mean %q?)": "%s：情景 %q 没有角色 %q（是不是 %q？）",
	"%s: scenario %q has no role %q":                    "%s：情景 %q 没有角色 %q",
	"round %d: the plan has no rounds":                  "第 %d 轮：分组方案中没有轮次",
	"round %d: the plan has only round 1":               "第 %d 轮：分组方案只有第 1 轮",
	"round %d: the plan has rounds 1–%d":                "第 %d 轮：分组方案只有第 1–%d 轮",

	// roles/roster/background.go
	"line %[2]s":  "第 %[2]s 行",
	"lines %[2]s": "第 %[2]s 行",
	"row %[2]s":   "第 %[2]s 行",
	"rows %[2]s":  "第 %[2]s 行",
	"add it to the scenario's backgrounds (as an alias of the one it means) or correct the roster": "请把它加到情景的背景类别中（作为它所指类别的别名），或改正学员名单",

	// roles/roster/build.go
	"id %q is already used on %s; every trainee needs an id of their own":                                              "编号 %q 已在%s使用；每名学员都需要自己的编号",
	"name %q also on %s; two sign-ups for one person?":                                                                 "姓名 %q 也出现在%s；同一个人报了两次名？",
	"invisible direction mark U+%04X in %q reorders the text around it when printed; remove it unless the %s needs it": "%[2]q 中有不可见的方向标记 U+%[1]04X，打印时会打乱周围文字的顺序；除非%[3]s确实需要，否则请删除",
	"name": "姓名",
	"missing column %s (%s); the header row is empty":                          "缺少 %s 列（%s）；表头行是空的",
	"missing column %s (%s); the header row has: %s (did you mean %q for %q?)": "缺少 %s 列（%s）；表头行中有：%s（%[5]q 是不是应为 %[4]q？）",
	"missing column %s (%s); the header row has: %s":                           "缺少 %s 列（%s）；表头行中有：%s",
	"unknown role %q (did you mean %q?)":                                       "未知角色 %q（是不是 %q？）",
	"unknown role %q: write a function (host, recorder, stakeholder, observer, 主持人, 记录员) or a role id of the scenario": "未知角色 %q：请写角色职能（host、recorder、stakeholder、observer、主持人、记录员）或情景中的角色编号",
	"no trainee has the id %q (did you mean %q?)": "没有编号为 %q 的学员（是不是 %q？）",
	"no trainee has the id %q":                    "没有编号为 %q 的学员",

	// roles/roster/roster.go
	"a file whose name ends in .xls is an Excel 97–2003 workbook, which yishi cannot read; open it in Excel or WPS and save it as an Excel workbook (.xlsx) or as CSV UTF-8": "文件名以 .xls 结尾的是 Excel 97–2003 工作簿，yishi 无法读取；请在 Excel 或 WPS 中打开，另存为 Excel 工作簿（.xlsx）或“CSV UTF-8”",

	// roles/roster/table.go
	"sheet %q, %s":     "工作表“%s”%s",
	"sheet %q, row %d": "工作表“%s”第 %d 行",
	"cannot find the header row: none of the first %d rows names the roster's columns, such as %s; put a header row (序号, 姓名, 所在社区, 身份) above the trainees": "找不到表头行：前 %d 行中没有一行写有学员名单的列名，例如 %s；请在学员上方加一行表头（序号、姓名、所在社区、身份）",
	"%s: control character U+%04X in the header %q; remove it":               "%[1]s：表头 %[3]q 中有控制字符 U+%[2]04X；请删除",
	"%s: column %q names %s again (already named by %q); remove one of them": "%s：列 %q 再次指定了%s（已由 %q 指定）；请删去其中一列",
	"line %d": "第 %d 行",
	"%s: %q looks like a note, not a trainee; the row is skipped": "%s：%q 看起来是备注，不是学员；已跳过这一行",
	"row %d": "第 %d 行",
	"%s has %d cells but the header has %d; is a separator missing?":                                        "%s有 %d 个单元格，但表头有 %d 个；是否少了分隔符？",
	"%s: the row has %d cells but the header has %d; is a value with a separator in it missing its quotes?": "%s：这一行有 %d 个单元格，但表头有 %d 个；是否有含分隔符的值没加引号？",
	"%s: this column has no header; its values are ignored":                                                 "%s：这一列没有表头；其中的值已忽略",
	"%s, trainee %s: %s": "%s，学员 %s：%s",

	// roles/roster/xlsx.go
	"no sheet %q; the workbook has: %s (a sheet's number is 1 to %d)": "没有工作表 %q；工作簿中有：%s（工作表的序号是 1 到 %d）",
	"no sheet %q; the workbook has: %s (did you mean %q?)":            "没有工作表 %q；工作簿中有：%s（是不是 %q？）",
	"no sheet %q; the workbook has: %s":                               "没有工作表 %q；工作簿中有：%s",

	// roles/roster/yaml.go
	"unknown key %q at the top level": "顶层的未知键 %q",
	"%s: expected an id, got %s":      "%s：应为编号，实际是%s",
	"%s: expected text, got %s":       "%s：应为文本，实际是%s",
	"an alias":                        "别名",
	"a value":                         "单个值",
	"unknown key %q at the top level (did you mean %q?)": "顶层的未知键 %q（是不是 %q？）",
	"%s: background %q is not one the scenario knows, so it is mixed as a category of its own (%s); to name it, add {id: ..., label: {%s: %q}} under backgrounds: in the scenario, or add %s to the aliases of the background it is (a bundled scenario is edited once exported: yishi scenarios export %s DIR)": "%[1]s：背景类别 %[2]q 不在情景列出的背景类别中，因此作为单独的一类参与混合分组（%[3]s）；要给它命名，请在情景的 backgrounds: 下添加 {id: ..., label: {%[4]s: %[5]q}}，或把 %[6]s 加到它所属背景类别的别名（aliases:）中（内置情景要先导出才能修改：yishi scenarios export %[7]s DIR）",
	"background %q is %d characters long; a background is a word or two (the kind of trainee, such as 社工 or 居民代表), at most %d characters: put the rest in the remarks column":                                                                                                                                    "背景类别 %q 有 %d 个字；背景类别只是一两个词（学员的类别，如 社工、居民代表），最多 %d 个字：其余内容请写到备注列",
	"lines %s and %d more": "第 %s 行等，另有 %d 行",
	"rows %s and %d more":  "第 %s 行等，另有 %d 行",
	"%q is past any number a roster holds (beyond ±%d); fix it or leave it empty": "%q 超出了学员名单中数字的合理范围（±%d 以外）；请改正或留空",
	"%s looks like a note, not a trainee; the row is skipped":                     "%s看起来是备注，不是学员；已跳过这一行",
	"sheet %q: %s": "工作表“%s”：%s",
	"tabs":         "制表符",
	"commas":       "逗号",
	"semicolons":   "分号",
	"%s holds its values in one cell, %d of them separated by %s; put each value in its own column under the header (was the row pasted with tabs, or quoted whole?)":                                                                                                                                               "%s的 %d 个值挤在一个单元格里，用%s隔开；请把每个值放到表头下各自的列中（这一行是不是带着制表符粘贴进来的，或者整行被加了引号？）",
	"internal error: round %d: diversity %v, bound %v, percent %v: not all are finite numbers":                                                                                                                                                                                                                      "内部错误：第 %d 轮：多样性 %v，上限 %v，百分比 %v：并非都是有限的数",
	"every group needs at least %d trainee(s) with %s %q, %d in all for %d groups, but the roster has %d: %s; ask for %s, or lower the quota, or give --allow-unmet to write the plan with the groups left short listed":                                                                                            "每组至少需要 %[1]d 名%[2]s为 %[3]q 的学员，%[5]d 个组合计 %[4]d 名，但学员名单只有 %[6]d 名：%[7]s；请改为分成 %[8]s，或降低配额，或者加上 --allow-unmet，照样写出方案并列出人数不足的组",
	"every group needs at least %d trainee(s) with %s %q, %d in all for %d groups, but the roster has %d: %s; fewer groups would be larger than the scenario allows, so give --allow-unmet to write the plan with the groups left short listed, or lower the quota in the scenario (yishi scenarios export %s DIR)": "每组至少需要 %[1]d 名%[2]s为 %[3]q 的学员，%[5]d 个组合计 %[4]d 名，但学员名单只有 %[6]d 名：%[7]s；分组再少，每组人数就会超过情景允许的上限，所以请加上 --allow-unmet，照样写出方案并列出人数不足的组，或者在情景中降低配额（yishi scenarios export %[8]s DIR）",
	"%d to %d groups": "%d 到 %d 个组",
	"%s: background %q is not one the scenario knows, so it is mixed as a category of its own (%s); to name it, add {id: ..., label: {%s: %q}} under backgrounds: in %s, or add %s to the aliases of the background it is": "%[1]s：背景类别 %[2]q 不在情景列出的背景类别中，因此作为单独的一类参与混合分组（%[3]s）；要给它命名，请在 %[6]s 的 backgrounds: 下添加 {id: ..., label: {%[4]s: %[5]q}}，或把 %[7]s 加到它所属背景类别的别名（aliases:）中",
}
