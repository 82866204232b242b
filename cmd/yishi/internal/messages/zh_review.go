package messages

// zhReview is the Chinese of the messages of packages review and review/agreement: scoresheets
// and agreement statistics.
var zhReview = map[string]string{

	// review/agreement/agreement.go
	"krippendorff alpha: unknown level %v":                        "krippendorff alpha：未知等级 %v",
	"krippendorff alpha: %w":                                      "krippendorff alpha：%w",
	"krippendorff alpha: %w: %v pairable values, need at least 2": "krippendorff alpha：%w：只有 %v 个可配对的值，至少需要 2 个",
	"krippendorff alpha: %w: all pairable values are the same, so there is no disagreement to expect": "krippendorff alpha：%w：所有可配对的值都相同，因此没有可期望的分歧",
	"ICC(2,1): %w":                   "ICC(2,1)：%w",
	"ICC(1,1): %w":                   "ICC(1,1)：%w",
	"ICC(3,1): %w":                   "ICC(3,1)：%w",
	"%w: %d raters, need at least 2": "%w：只有 %d 位评分者，至少需要 2 位",
	"%w: %d units rated by every rater, need at least 2":                     "%w：每位评分者都评过的对象只有 %d 个，至少需要 2 个",
	"%s: %w: the ratings leave no variance for the coefficient to apportion": "%s：%w：评分没有留下可供系数分配的方差",
	"unit %d, rater %d: %w: %v":                                              "对象 %d，评分者 %d：%w：%v",
	"not computable":                                                         "无法计算",
	"invalid rating":                                                         "无效评分",

	// review/read.go
	"%s is given twice; give each scoresheet once": "%s 给了两次；每份评分表只给一次",

	// review/report_render.go
	"unknown report format %q (use %s)": "未知的报告格式 %q（请用 %s）",

	// review/scoresheet.go
	"file is %d bytes, larger than the %d bytes yishi reads":                                                    "文件有 %d 字节，超过了 yishi 读取的上限 %d 字节",
	"kind: expected %q, got %q; is this a scoresheet made by `yishi scoresheets`?":                              "kind：应为 %q，实际是 %q；这是 `yishi scoresheets` 生成的评分表吗？",
	"reviewer: missing; write the reviewer's name":                                                              "reviewer：缺少；请填写评审员姓名",
	"scores: unknown dimension %q%s":                                                                            "scores：未知维度 %q%s",
	"plan: missing; %s":                                                                                         "plan：缺少；%s",
	"plan: %q is not a plan id and no members are listed to check instead; %s":                                  "plan：%q 不是方案编号，也没有列出可供核对的成员；%s",
	"the scoresheet is blank (no scores, evidence, strengths or improvements); it is left out":                  "这份评分表是空白的（没有评分、依据、亮点或改进建议）；已略过",
	"plan: missing, and no members listed; %s":                                                                  "plan：缺少，也没有列出成员；%s",
	"scores.%s: no score given for round %d group %d":                                                           "scores.%s：第 %d 轮第 %d 组没有评分",
	"%s: %s is not a whole number; scores are whole numbers from %d to %d":                                      "%s：%s 不是整数；评分是 %d 到 %d 的整数",
	"%s: %s is off the scale %d–%d":                                                                             "%s：%s 超出了 %d–%d 分的量表",
	"scenario: the sheet is for scenario %q, but the plan is for %q":                                            "scenario：这份表是情景 %q 的，但分组方案是情景 %q 的",
	"%s: %q is not a plan id (a spreadsheet may have turned it into a number); the members are checked instead": "%s：%q 不是方案编号（电子表格可能把它变成了数字）；改为核对成员",
	"%sthis scoresheet was made for another plan (plan %s, here %s); its scores would land on the wrong people — make scoresheets from this plan": "%s这份评分表是为另一个分组方案做的（方案 %s，这里是 %s）；它的评分会落到别人头上——请用这个方案生成评分表",
	"%s: round %d group %d of the plan is %s, not %s; was this scoresheet made from another plan? Make scoresheets from this plan":                "%s：方案中第 %d 轮第 %d 组是 %s，而不是 %s；这份评分表是用另一个方案生成的吗？请用这个方案生成评分表",
	"%s: the plan has no round %d (it has rounds 1–%d)":             "%s：方案中没有第 %d 轮（只有第 1–%d 轮）",
	"%s: round %d of the plan has no group %d (it has groups 1–%d)": "%s：方案第 %d 轮没有第 %d 组（只有第 1–%d 组）",
	"%sreviewer %q scored round %d group %d twice: here and at %s":  "%s评审员 %q 给第 %d 轮第 %d 组评了两次：这里和 %s",
	"%w: no reviewer named":                                         "%w：没有指定评审员",
	"%w: a reviewer's name is empty":                                "%w：有评审员的姓名为空",
	"%w: reviewer %q is named twice":                                "%w：评审员 %q 重复出现",
	"%w: the plan has no round %d":                                  "%w：方案中没有第 %d 轮",
	"%w: round %d of the plan has no group %d (it has groups 1–%d)": "%w：方案第 %d 轮没有第 %d 组（只有第 1–%d 组）",
	"unknown scoresheet format %q (use yaml, csv or html)":          "未知的评分表格式 %q（请用 yaml、csv 或 html）",

	// review/scoresheet_csv.go
	"file is empty":                                                                          "文件是空的",
	"%s: unknown dimension %q%s":                                                             "%s：未知维度 %q%s",
	"%s: unknown column %q (did you mean %q?)":                                               "%s：未知列 %q（是不是 %q？）",
	"%s: not a scoresheet column; it is ignored":                                             "%s：不是评分表的列；已忽略",
	"%s: column %q is given twice: here and in column %s":                                    "%s：列 %q 出现了两次：这里和 %s 列",
	"%s: missing column %q (a header cell such as %q)":                                       "%s：缺少列 %q（表头如 %q）",
	"%s: missing column for dimension %q (a header cell such as %q)":                         "%s：缺少维度 %q 的列（表头如 %q）",
	"row %d: no plan id column (a header cell such as %q); %s":                               "第 %d 行：没有方案编号列（表头如 %q）；%s",
	"row %d: no plan id column and no members column; %s":                                    "第 %d 行：没有方案编号列，也没有成员列；%s",
	"%s: %sthe plan id is empty; %s":                                                         "%s：%s方案编号为空；%s",
	"%s: %s%q is not a plan id and the members cell is empty, so nothing can be checked; %s": "%s：%s%q 不是方案编号，成员单元格也是空的，无法核对；%s",
	"%s: %sthe reviewer's name is missing":                                                   "%s：%s缺少评审员姓名",
	"row %d: %sthe row is blank; it is left out":                                             "第 %d 行：%s这一行是空的；已略过",
	"%s: %sthe plan id is empty and no members are listed; %s":                               "%s：%s方案编号为空，也没有列出成员；%s",
	"%s: %sno score given":                                                                   "%s：%s没有评分",
	"%s: missing; write the %s's number":                                                     "%s：缺少；请填写%s编号",
	"%s: expected the %s's number, a whole number, got %q":                                   "%s：应为%s编号（整数），实际是 %q",
	"%s: %sexpected a whole number from %d to %d, got %q":                                    "%s：%s应为 %d 到 %d 的整数，实际是 %q",

	// review/scoresheet_format.go
	"this is %s, not a text file, although its name ends in %q; %s and give that file":                            "这是%s，不是文本文件，尽管文件名以 %q 结尾；%s，然后给出那个文件",
	"this is a YAML scoresheet (it starts with %q), but its name ends in %q; rename it to end in .yaml":           "这是 YAML 评分表（以 %q 开头），但文件名以 %q 结尾；请改名为以 .yaml 结尾",
	"this is a CSV scoresheet (its first row is a header: %q), but its name ends in %q; rename it to end in .csv": "这是 CSV 评分表（第一行是表头：%q），但文件名以 %q 结尾；请改名为以 .csv 结尾",
}
