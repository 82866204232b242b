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
	"file is %d bytes, larger than the %d bytes yishi reads":                       "文件有 %d 字节，超过了 yishi 读取的上限 %d 字节",
	"kind: expected %q, got %q; is this a scoresheet made by `yishi scoresheets`?": "kind：应为 %q，实际是 %q；这是 `yishi scoresheets` 生成的评分表吗？",
	"reviewer: missing; write the reviewer's name":                                 "reviewer：缺少；请填写评审员姓名",
	"plan: missing; %s": "plan：缺少；%s",
	"plan: %q is not a sheet id and no members are listed to check instead; %s":                                  "plan：%q 不是评分表编号，也没有列出可供核对的成员；%s",
	"the scoresheet is blank (no scores, evidence, strengths or improvements); it is left out":                   "这份评分表是空白的（没有评分、依据、亮点或改进建议）；已略过",
	"plan: missing, and no members listed; %s":                                                                   "plan：缺少，也没有列出成员；%s",
	"%s: %s is not a whole number; scores are whole numbers from %d to %d":                                       "%s：%s 不是整数；评分是 %d 到 %d 的整数",
	"%s: %s is off the scale %d–%d":                                                                              "%s：%s 超出了 %d–%d 分的量表",
	"scenario: the sheet is for scenario %q, but the plan is for %q":                                             "scenario：这份表是情景 %q 的，但分组方案是情景 %q 的",
	"%s: %q is not a sheet id (a spreadsheet may have turned it into a number); the members are checked instead": "%s：%q 不是评分表编号（电子表格可能把它变成了数字）；改为核对成员",
	"%s: the plan has no round %d (it has rounds 1–%d)":                                                          "%s：方案中没有第 %d 轮（只有第 1–%d 轮）",
	"%s: round %d of the plan has no group %d (it has groups 1–%d)":                                              "%s：方案第 %d 轮没有第 %d 组（只有第 1–%d 组）",

	// review/scoresheet_csv.go
	"file is empty": "文件是空的",
	"%s: unknown column %q (did you mean %q?)":                       "%s：未知列 %q（是不是 %q？）",
	"%s: not a scoresheet column; it is ignored":                     "%s：不是评分表的列；已忽略",
	"%s: column %q is given twice: here and in column %s":            "%s：列 %q 出现了两次：这里和 %s 列",
	"%s: missing column %q (a header cell such as %q)":               "%s：缺少列 %q（表头如 %q）",
	"%s: missing column for dimension %q (a header cell such as %q)": "%s：缺少维度 %q 的列（表头如 %q）",

	// review/scoresheet_format.go
	"this is a YAML scoresheet (it starts with %q), but its name ends in %q; rename it to end in .yaml":           "这是 YAML 评分表（以 %q 开头），但文件名以 %q 结尾；请改名为以 .yaml 结尾",
	"this is a CSV scoresheet (its first row is a header: %q), but its name ends in %q; rename it to end in .csv": "这是 CSV 评分表（第一行是表头：%q），但文件名以 %q 结尾；请改名为以 .csv 结尾",

	// review/scoresheet.go
	"scores: unknown dimension %q (%s)":                "scores：未知维度 %q（%s）",
	"scores.%s: no score given for round %d, group %d": "scores.%s：第 %d 轮第 %d 组没有评分",
	"the row does not say which plan it was made from, so its scores could land on another plan's groups — make scoresheets from this plan, or give --allow-no-plan-id to take it anyway, with its members checked against the plan where it lists them":   "这一行没有写明它来自哪个分组方案，评分可能会落到另一个方案的组上——请用这个方案生成评分表，或加上 --allow-no-plan-id 照样读取（表中列有成员的，会按方案核对成员）",
	"the sheet does not say which plan it was made from, so its scores could land on another plan's groups — make scoresheets from this plan, or give --allow-no-plan-id to take it anyway, with its members checked against the plan where it lists them": "这份评分表没有写明它来自哪个分组方案，评分可能会落到另一个方案的组上——请用这个方案生成评分表，或加上 --allow-no-plan-id 照样读取（表中列有成员的，会按方案核对成员）",
	"nothing shows which plan the sheet was made from; its scores are taken for this plan's groups without a check":                                                                                                                                        "看不出这份评分表来自哪个分组方案；其中的评分未经核对就计入这个方案的各组",
	"%s: round %d, group %d of the plan is %s, not %s; was this scoresheet made from another plan? Make scoresheets from this plan":                                                                                                                        "%s：方案中第 %d 轮第 %d 组是 %s，而不是 %s；这份评分表是用另一个方案生成的吗？请用这个方案生成评分表",
	"did you mean %q?":  "是不是 %q？",
	"the rubric has %s": "评分量表的维度有 %s",
	"%s: reviewer %q scored round %d, group %d twice: here and at %s": "%s：评审员 %q 给第 %d 轮第 %d 组评了两次：这里和 %s",
	"reviewer %q scored round %d, group %d twice: here and at %s":     "评审员 %q 给第 %d 轮第 %d 组评了两次：这里和 %s",
	"no reviewer named":                                                  "没有指定评审员",
	"a reviewer's name is empty":                                         "有评审员的姓名为空",
	"reviewer %q is named twice":                                         "评审员 %q 重复出现",
	"the plan has no round %d":                                           "方案中没有第 %d 轮",
	"round %d of the plan has no group %d (it has groups 1–%d)":          "方案第 %d 轮没有第 %d 组（只有第 1–%d 组）",
	"xlsx scoresheets are workbooks: make them with ScoresheetWorkbooks": "xlsx 评分表是工作簿：请用 ScoresheetWorkbooks 生成",
	"unknown scoresheet format %q (use yaml, csv, xlsx or html)":         "未知的评分表格式 %q（请用 yaml、csv、xlsx 或 html）",

	// review/scoresheet_format.go
	"this is %s, although its name ends in %q; rename it to end in .xlsx":                                                                    "这是 %s，尽管文件名以 %q 结尾；请改名为以 .xlsx 结尾",
	"this is %s; copy it again from where it came, and give it a name that ends in .xlsx":                                                    "这是 %s；请从原处重新复制一份，并让文件名以 .xlsx 结尾",
	"this is %s, which yishi cannot read; open it in Excel or WPS and save it as an Excel workbook (.xlsx) or as CSV UTF-8":                  "这是 %s，yishi 无法读取；请在 Excel 或 WPS 中打开，另存为 Excel 工作簿（.xlsx）或“CSV UTF-8”",
	"this is a YAML scoresheet (it starts with %q), not a workbook, although its name ends in %q; rename it to end in .yaml":                 "这是 YAML 评分表（以 %q 开头），不是工作簿，尽管文件名以 %q 结尾；请改名为以 .yaml 结尾",
	"this is a CSV scoresheet (its first row is a header: %q), not a workbook, although its name ends in %q; rename it to end in .csv":       "这是 CSV 评分表（第一行是表头：%q），不是工作簿，尽管文件名以 %q 结尾；请改名为以 .csv 结尾",
	"this is a text file, not a workbook, although its name ends in %q; give the workbook itself, or a scoresheet made by yishi scoresheets": "这是文本文件，不是工作簿，尽管文件名以 %q 结尾；请给出工作簿本身，或由 yishi scoresheets 生成的评分表",

	// review/scoresheet_table.go
	"%s: unknown dimension %q (%s)":                                                         "%s：未知维度 %q（%s）",
	"%s: no sheet id column (a header cell such as %q); %s":                                 "%s：没有评分表编号列（表头如 %q）；%s",
	"%s: no sheet id column and no members column; %s":                                      "%s：没有评分表编号列，也没有成员列；%s",
	"%s: the sheet id is empty; %s":                                                         "%s：评分表编号为空；%s",
	"%s: %q is not a sheet id and the members cell is empty, so nothing can be checked; %s": "%s：%q 不是评分表编号，成员单元格也是空的，无法核对；%s",
	"%s: round %d, group %d":                                                                "%s，第 %d 轮第 %d 组",
	"%s: the reviewer's name is missing":                                                    "%s：缺少评审员姓名",
	"%s: the row is blank; it is left out":                                                  "%s：这一行是空的；已略过",
	"%s: the sheet id is empty and no members are listed; %s":                               "%s：评分表编号为空，也没有列出成员；%s",
	"%s: no score given":                                                                    "%s：没有评分",
	"%s: missing; write the round's number":                                                 "%s：缺少；请填写轮次编号",
	"%s: missing; write the group's number":                                                 "%s：缺少；请填写组号",
	"%s: expected the round's number, a whole number, got %q":                               "%s：应为轮次编号（整数），实际是 %q",
	"%s: expected the group's number, a whole number, got %q":                               "%s：应为组号（整数），实际是 %q",
	"%s: expected a whole number from %d to %d, got %q; write the number alone, without %q": "%s：应为 %d 到 %d 的整数，实际是 %q；请只写数字，不要带 %q",
	"%s: expected a whole number from %d to %d, got %q":                                     "%s：应为 %d 到 %d 的整数，实际是 %q",

	// review/scoresheet_xlsx.go
	"this is an Excel workbook (.xlsx), and this program reads scoresheets only as CSV or YAML; save it as CSV UTF-8":                                                                                   "这是 Excel 工作簿（.xlsx），而这个程序只能读取 CSV 或 YAML 格式的评分表；请另存为“CSV UTF-8”",
	"sheet %q: no header row in its first %d rows; a scoresheet's header names the reviewer, round and group columns, such as %q, %q and %q; move a sheet that is not a scoresheet to another workbook": "工作表“%s”：前 %d 行中没有表头行；评分表的表头写明评审员、轮次和组号各列，例如 %q、%q 和 %q；不是评分表的工作表请移到另一个工作簿",
	"the workbook has no rows of scores: no sheet has a row under its header; make scoresheets with yishi scoresheets --format xlsx":                                                                    "工作簿中没有评分行：没有哪个工作表的表头下有数据行；请用 yishi scoresheets --format xlsx 生成评分表",
	"the file is empty; give a scoresheet made by yishi scoresheets, with its scores filled in":                                                                                                         "文件是空的；请提供由 yishi scoresheets 生成、已填好分数的评分表",
	"sheet %q is hidden in the workbook, so its scores are not read; unhide it (right-click a sheet's tab, Unhide) to count them":                                                                       "工作表“%s”在工作簿中被隐藏，其中的分数没有读取；如需计入，请取消隐藏（右键单击工作表标签，选择“取消隐藏”）",
}
