package messages

// zhRoles is the Chinese of the messages of packages roles and below: the roster, the
// grouping engine, the plan and the cards.
var zhRoles = map[string]string{

	// roles/assign.go
	`%w: the groups cannot be formed:
  %s`: `%w：无法组成分组：
  %s`,
	"%w: round %d: %v":               "%w：第 %d 轮：%v",
	"%w: the roster has no trainees": "%w：学员名单中没有学员",
	"%w: %d groups were asked for but the roster has only %s; %s": "%w：要求分 %d 个组，但学员名单只有 %s；%s",
	"%w: %d rounds: a training day has 1 to %d rounds":            "%w：%d 轮：一个培训日有 1 到 %d 轮",

	// roles/cards/cards_render.go
	"%w: unknown format %q (use %s)":      "%w：未知格式 %q（请用 %s）",
	"%w: unknown paper %q (use a5 or a4)": "%w：未知纸张 %q（请用 a5 或 a4）",

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
	"scenario.source: the plan's scenario %s cannot be read: %s": "scenario.source：无法读取分组方案的情景 %s：%s",

	// roles/plan/plan.go
	"kind: expected %q, got %q; is this a plan made by `yishi assign`?": "kind：应为 %q，实际是 %q；这是 `yishi assign` 生成的分组方案吗？",
	"rounds: the plan has no rounds":                                    "rounds：分组方案中没有轮次",
	"rounds[%d].round: expected round %d, got %d":                       "rounds[%d].round：应为第 %d 轮，实际是 %d",
	"rounds[%d].groups[%d].group: expected group %d, got %d":            "rounds[%d].groups[%d].group：应为第 %d 组，实际是 %d",
	"%s: missing id": "%s：缺少编号",
	"%s.id: trainee %q is in group %d and group %d of round %d": "%s.id：学员 %q 在第 %[5]d 轮同时在第 %[3]d 组和第 %[4]d 组",
	"%s.name: trainee %q is called %q here and %q elsewhere":    "%s.name：学员 %q 在这里叫 %q，在别处叫 %q",
	"%w: the plan was made for scenario %q, not %q":             "%w：这个分组方案是为情景 %q 做的，而不是 %q",
	"%w: scenario %q has changed since the plan was made (sha256 %s…, plan has %s…), so its cards could disagree with the plan; run `yishi assign` again with the same roster, groups and --seed (%d) — if the change left the roles and grouping rules alone, the groups come out the same": "%w：情景 %q 在生成分组方案之后改过了（sha256 %s…，方案记录的是 %s…），角色卡可能与方案不符；请用同样的学员名单、分组数和 --seed（%d）重新运行 `yishi assign`——如果改动没有涉及角色和分组规则，分组结果会保持不变",
	"%s: round %d, group %d has %d %s, the scenario needs %d":                           "%s：第 %d 轮第 %d 组有 %d 名%s，情景要求 %d 名",
	"%s: round %d, group %d has %d %s, the scenario allows %d":                          "%s：第 %d 轮第 %d 组有 %d 名%s，情景最多允许 %d 名",
	"%w: round %d: the plan has no rounds":                                              "%w：第 %d 轮：分组方案中没有轮次",
	"%w: round %d: the plan has only round 1":                                           "%w：第 %d 轮：分组方案只有第 1 轮",
	"%w: round %d: the plan has rounds 1–%d":                                            "%w：第 %d 轮：分组方案只有第 1–%d 轮",
	"%s.%s: character U+%04X in %q would break the printed cards and tables; remove it": "%[1]s.%[2]s：%[4]q 中的字符 U+%[3]04X 会破坏打印出的角色卡和表格；请删除",

	// roles/roster/build.go
	"missing id": "缺少编号",
	"id %q must not contain ; , or 、, which separate ids in the avoid and together columns": "编号 %q 不能包含 ;、, 或 、，它们用于在 avoid 和 together 列中分隔编号",
	"id %q is already used on %s %d; every trainee needs an id of their own":                "编号 %q 已在%s %d 使用；每名学员都需要自己的编号",
	"missing name": "缺少姓名",
	"%s: name %q also on %s %d; two sign-ups for one person?":                                                              "%s：姓名 %q 也出现在%s %d；同一个人报了两次名？",
	"%s and %s are both to avoid each other and to share a group; keep one of the two":                                     "%s 和 %s 既要互相避开又要同组；请只保留其中一条",
	"no trainees: the roster has a header but no rows":                                                                     "没有学员：学员名单有表头但没有数据行",
	"%q is not a number, but the rest of the column is; fix it or leave it empty":                                          "%q 不是数字，但这一列的其他值都是；请改正或留空",
	"control character U+%04X in %q; remove it":                                                                            "%[2]q 中有控制字符 U+%[1]04X；请删除",
	"a tab in %q would break the printed tables; keep the %s on one line":                                                  "%q 中的制表符会破坏打印出的表格；请把%s写在一行",
	"a line break in %q would break the printed tables; keep the %s on one line":                                           "%q 中的换行会破坏打印出的表格；请把%s写在一行",
	"%s: invisible direction mark U+%04X in %q reorders the text around it when printed; remove it unless the %s needs it": "%[1]s：%[3]q 中有不可见的方向标记 U+%[2]04X，打印时会打乱周围文字的顺序；除非%[4]s确实需要，否则请删除",
	"unknown background %q (did you mean %q?); %s":                                                                         "未知背景类别 %q（是不是 %q？）；%s",
	"unknown background %q; the scenario's backgrounds are %s, each also known by its aliases; %s":                         "未知背景类别 %q；这个情景的背景类别有 %s，每个也可以用它的别名；%s",
	"%s lists their own id": "%s 列出了自己的编号",
	"%q is the name of more than one trainee (%s); write the id instead": "%q 是不止一名学员的姓名（%s）；请改写编号",
	"missing unit (the trainee's community or village)":                  "缺少社区（学员所在的社区或村）",
	"missing background": "缺少背景类别",

	// roles/roster/csv.go
	"cell %s (%s)": "单元格 %s（%s）",
	"cell %s":      "单元格 %s",

	// roles/roster/roster.go
	"a sheet (%q) was named but only an XLSX workbook has sheets; it is ignored":                                       "指定了工作表（%q），但只有 XLSX 工作簿才有工作表；已忽略",
	"this is %s, not a text file, although its name ends in %q; rename it to end in .xlsx, or %s":                      "这是%s，不是文本文件，尽管文件名以 %q 结尾；请改名为以 .xlsx 结尾，或%s",
	"this is %s, which cannot be read; in Excel choose File → Save As (另存为) and save it as .xlsx or as CSV UTF-8":      "这是%s，无法读取；请在 Excel 中选择“文件 → 另存为”，保存为 .xlsx 或“CSV UTF-8”",
	"this is a text file, not an Excel workbook, although its name ends in %q; if it is CSV, rename it to end in .csv": "这是文本文件，不是 Excel 工作簿，尽管文件名以 %q 结尾；如果它是 CSV，请改名为以 .csv 结尾",
	"unknown roster format %q: use .csv, .tsv, .xlsx, .yaml or .yml":                                                   "未知的学员名单格式 %q：请用 .csv、.tsv、.xlsx、.yaml 或 .yml",

	// roles/roster/table.go
	"file is empty; a roster has a header row naming the columns %s, then one row a trainee":          "文件是空的；学员名单第一行是表头，写明各列 %s，之后每行一名学员",
	"%scontrol character U+%04X in the header %q; remove it":                                          "%[1]s表头 %[3]q 中有控制字符 U+%[2]04X；请删除",
	"%scolumn %q names %s again (already named by %q); remove one of them":                            "%s列 %q 再次指定了%s（已由 %q 指定）；请删去其中一列",
	"row %d has %d cells but the header has %d; is a separator missing?":                              "第 %d 行有 %d 个单元格，但表头有 %d 个；是否少了分隔符？",
	"%srow has %d cells but the header has %d; is a value with a separator in it missing its quotes?": "%s这一行有 %d 个单元格，但表头有 %d 个；是否有含分隔符的值没加引号？",
	"%sthis column has no header; its values are ignored":                                             "%s这一列没有表头；其中的值已忽略",

	// roles/roster/xlsx.go
	"not a readable XLSX workbook: %v": "不是可读取的 XLSX 工作簿：%v",
	"the workbook has no sheets":       "工作簿中没有工作表",
	"sheet %q: %v":                     "工作表 %q：%v",

	// roles/roster/yaml.go
	"%s: expected a mapping of keys (id, name, unit, background, ...) to values":   "%s：应为键（id、name、unit、background 等）到值的映射",
	"%s: control character U+%04X in the key %q; remove it":                        "%[1]s：键 %[3]q 中有控制字符 U+%[2]04X；请删除",
	"%s: key %q names %s again (already named by %q)":                              "%s：键 %q 再次指定了%s（已由 %q 指定）",
	"%s: expected an id, got a %s":                                                 "%s：应为编号，实际是%s",
	"%s: expected text, got a %s":                                                  "%s：应为文本，实际是%s",
	"trainees: the list is empty; a roster needs at least one trainee":             "trainees：列表是空的；学员名单至少需要一名学员",
	"file is empty; a YAML roster starts with `version: %d` and lists `trainees:`": "文件是空的；YAML 学员名单以 `version: %d` 开头，并在 `trainees:` 下列出学员",
	"expected a roster: a mapping starting with `version: %d`":                     "应为学员名单：以 `version: %d` 开头的映射",
	"version: missing; a roster file starts with `version: %d`":                    "version：缺少；学员名单文件以 `version: %d` 开头",
	"version: this yishi reads version %d files, not %q":                           "version：这个版本的 yishi 读取第 %d 版文件，而不是 %q",
	"trainees: missing; list the trainees under `trainees:`":                       "trainees：缺少；请在 `trainees:` 下列出学员",
	"trainees: expected a list of trainees":                                        "trainees：应为学员列表",
	"kind: expected \"roster\", got %q":                                            "kind：应为 \"roster\"，实际是 %q",
}
