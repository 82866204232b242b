package messages

// zhScenario is the Chinese of the messages of packages scenario, scenario/sheet and scenarios: a
// scenario's or rubric's problems, spreadsheet places and encodings.
var zhScenario = map[string]string{

	// scenario/decode.go
	"the top level": "顶层",
	"document expands to more than %d values through its aliases (an alias bomb?); refusing to read it": "文档经别名展开后超过 %d 个值（别名炸弹？）；拒绝读取",
	"document has more than %d values; refusing to read it":                                             "文档超过 %d 个值；拒绝读取",
	"%s: expected a list, got %s":                                        "%s：应为列表，实际是%s",
	"%s: expected a mapping, got %s":                                     "%s：应为映射，实际是%s",
	"%s: expected %s, got %s":                                            "%s：应为%s，实际是%s",
	"%s: expected true or false, got %s":                                 "%s：应为 true 或 false，实际是%s",
	"%s: expected %s, got %q":                                            "%s：应为%s，实际是 %q",
	"%s: expected a mapping of keys to values, got %s":                   "%s：应为键到值的映射，实际是%s",
	"%s: YAML merge keys (<<) are not supported; write the keys out":     "%s：不支持 YAML 合并键（<<）；请把键逐一写出",
	"%s: key %q appears twice":                                           "%s：键 %q 出现了两次",
	"too many problems (%d); stopped here: fix these and validate again": "问题太多（%d 个）；到此为止：请先修改这些问题再重新校验",
	"text":                                "文本",
	"a whole number":                      "整数",
	"a number":                            "数字",
	"true or false":                       "true 或 false",
	"a whole number of zero or more":      "不小于 0 的整数",
	"%s: %s is less than a drill can use": "%s：%s 小于演练可用的范围",
	"%s: %s is more than a drill can use": "%s：%s 大于演练可用的范围",
	"a mapping":                           "映射",
	"a list":                              "列表",
	"nothing":                             "空值",
	"unknown key %q in %s (did you mean %q?)": "%[2]s 中的未知键 %[1]q（是不是 %[3]q？）",
	"unknown key %q in %s":                    "%[2]s 中的未知键 %[1]q",

	// scenario/diagnostic.go
	"invalid input": "输入有误",

	// scenario/limits.go
	"%s%s: %d is more than a drill can use (at most %d)": "%s%s：%d 超出演练可用的范围（最多 %d）",
	"%s%s: must not be negative":                         "%s%s：不能是负数",
	"%s%s: %s is more than a drill can use (at most %d)": "%s%s：%s 超出演练可用的范围（最多 %d）",
	"%s: %s is more than a drill can use (at most %s)":   "%s：%s 超出演练可用的范围（最多 %s）",

	// scenario/load.go
	"kind: expected %q, got %q": "kind：应为 %q，实际是 %q",
	"expected a %s: a mapping of keys to values starting with `version: %d`": "应为%s：以 `version: %d` 开头的键值映射",
	"version: missing; a %s file starts with `version: %d`":                  "version：缺少；%s文件以 `version: %d` 开头",
	"%w: file is larger than the %d bytes yishi reads":                       "%w：文件超过了 yishi 读取的上限 %d 字节",

	// scenario/scenario.go
	"%s: expected a rubric name such as standard, or a rubric, got %s": "%s：应为评分量表名称（如 standard）或评分量表，实际是%s",

	// scenario/schema.go
	"no schema for kind %q (known kinds: %s)": "没有 %q 类文件的 schema（已有：%s）",

	// scenario/sheet/csv.go
	"reading CSV: %v":        "读取 CSV：%v",
	"CSV: %s":                "CSV：%s",
	"row %d, column %s (%s)": "第 %d 行 %s 列（%s）",
	"row %d, column %s":      "第 %d 行 %s 列",

	// scenario/sheet/decode.go
	"%s: and %d more invalid UTF-8 bytes; %s": "%s：另有 %d 个无效的 UTF-8 字节；%s",
	"and %d more invalid UTF-8 bytes; %s":     "另有 %d 个无效的 UTF-8 字节；%s",
	"%s: invalid UTF-8 byte 0x%02X; %s":       "%s：无效的 UTF-8 字节 0x%02X；%s",
	"invalid UTF-8 byte 0x%02X; %s":           "无效的 UTF-8 字节 0x%02X；%s",

	// scenario/syntax.go
	"invalid UTF-8 byte 0x%02X; save the file as UTF-8, not GBK or GB18030": "无效的 UTF-8 字节 0x%02X；请把文件保存为 UTF-8，而不是 GBK 或 GB18030",
	"a second YAML document (after ---); a yishi file holds one document":   "出现了第二个 YAML 文档（在 --- 之后）；一个 yishi 文件只有一个文档",
	"YAML syntax: %s": "YAML 语法错误：%s",
	"YAML syntax: the quoted text that opens here does not close on its line; close it with %s; YAML read on to line %d and found: %s": "YAML 语法错误：这里开始的引号文本没有在本行结束；请用 %s 结束它；YAML 一直读到第 %d 行，发现：%s",
	"YAML syntax: the quoted text that opens here never ends; close it with %s":                                                        "YAML 语法错误：这里开始的引号文本一直没有结束；请用 %s 结束它",
	"YAML syntax: %s in the list that opens here":                                                                                      "YAML 语法错误：这里开始的列表中 %s",
	"YAML syntax: %s in the mapping that opens here":                                                                                   "YAML 语法错误：这里开始的映射中 %s",
	"YAML syntax: %s (is this line indented more than the key above it? a value holding \": \" needs quotes)":                          "YAML 语法错误：%s（这一行是否比上面的键缩进得更多？含有 \": \" 的值需要加引号）",
	"YAML syntax: %s (YAML cannot be indented with tabs; use spaces)":                                                                  "YAML 语法错误：%s（YAML 不能用制表符缩进；请用空格）",
	"YAML syntax: control character U+%04X is not allowed; remove it":                                                                  "YAML 语法错误：不允许控制字符 U+%04X；请删除",

	// scenario/text.go
	"%s: expected text or {en: ..., zh: ...}, got %s":  "%s：应为文本或 {en: ..., zh: ...}，实际是%s",
	"missing; give a duration such as 60m or 1h30m":    "缺少；请给出时长，例如 60m 或 1h30m",
	"expected a duration such as 60m or 1h30m, got %q": "应为时长，例如 60m 或 1h30m，实际是 %q",
	"%q is more than a drill can use (at most %s)":     "%q 超出演练可用的范围（最多 %s）",
	"%s: expected a duration such as 25m, got %s":      "%s：应为时长，例如 25m，实际是%s",
	"%s: language %q is given twice":                   "%s：语言 %q 给了两次",
	"%s: unknown language %q (use en or zh)":           "%s：未知语言 %q（请用 en 或 zh）",
	"%s.%s: expected text, got %s":                     "%s.%s：应为文本，实际是%s",
	"%s: %v":                                           "%s：%v",

	// scenario/validate.go
	"duration: missing or zero; give the drill's length, such as 60m":                               "duration：缺少或为零；请给出演练时长，例如 60m",
	"issue.public_facts: no public facts; trainees will argue without a shared basis":               "issue.public_facts：没有公开事实；学员讨论将缺少共同的依据",
	"agenda: no phases; a council needs at least one timeboxed phase":                               "agenda：没有议程环节；议事会至少需要一个限时的环节",
	"%s.minutes: a phase needs a timebox of at least 1 minute":                                      "%s.minutes：每个议程环节至少需要 1 分钟的时限",
	"agenda: phases add up to %d minutes, longer than the drill's duration of %s":                   "agenda：议程环节合计 %d 分钟，超过了演练时长 %s",
	"agenda: phases add up to %d minutes, more than a drill can use (at most %s)":                   "agenda：议程环节合计 %d 分钟，超出演练可用的范围（最多 %s）",
	"%s.at: %s is not before the end of the drill (%s)":                                             "%s.at：%s 不在演练结束（%s）之前",
	"%s.release: %q is not a way to release an inject; write manual (the trainer's button) or auto": "%s.release：%q 不是情景注入的发放方式；请写 manual（由培训师点按钮发放）或 auto（到时自动发放）",
	"%s.to: name the roles who receive this inject":                                                 "%s.to：请写明接收这条情景注入的角色",
	"%s: %s may be missing from some groups (min 0 per group), which would not get this inject%s":   "%s：%s 可能在某些组中没有（每组最少 0 人），这些组就收不到这条情景注入%s",
	"%s.label: missing label":                                                "%s.label：缺少名称",
	"%s: %q already names background %q":                                     "%s：%q 已是背景类别 %q 的名称",
	"roles: none; a council needs at least a host":                           "roles：没有角色；议事会至少需要一名主持人",
	"%s: give either count or min/max, not both":                             "%s：count 与 min/max 只能给一种",
	"%s.%s: must not be negative":                                            "%s.%s：不能是负数",
	"%s.count: 0 means nobody plays the role; remove the role or use min: 0": "%s.count：0 表示没有人扮演这个角色；请删除这个角色，或改用 min: 0",
	"%s: min %d is above max %d":                                             "%s：min %d 大于 max %d",
	"%s: stakeholder %q has no confidential brief; without private interests there is little to negotiate": "%s：利益相关方 %q 没有保密说明；没有私下的利益，就没有多少可协商的",
	"%s: background %q is both avoided and preferred":                                                      "%s：背景类别 %q 既被回避又被偏好",
	"roles: no role has function host; every council needs a host":                                         "roles：没有 function 为 host 的角色；每个议事会都需要主持人",
	"roles: no role has function recorder; nobody will keep the record of results":                         "roles：没有 function 为 recorder 的角色；没有人记录议事结果",
	"grouping.groups: must not be negative":                                                                "grouping.groups：不能是负数",
	"grouping.size: must not be negative":                                                                  "grouping.size：不能是负数",
	"grouping.size.min: a council needs at least 2 members":                                                "grouping.size.min：议事会至少需要 2 名成员",
	"grouping.size: min %d is above max %d":                                                                "grouping.size：min %d 大于 max %d",
	"grouping.size.max: the roles need at least %d members per group, more than the largest group of %d":   "grouping.size.max：角色每组至少需要 %d 人，超过了最大的组 %d 人",
	"roles: the roles need at least %d members per group, more than a group can hold (at most %d)":         "roles：角色每组至少需要 %d 人，超过了一个组能容纳的人数（最多 %d）",
	"grouping.size.min: the roles have places for at most %d members per group, fewer than the smallest group of %d; raise a role's max or add a role with min but no max": "grouping.size.min：角色每组最多只有 %d 个位置，少于最小的组 %d 人；请提高某个角色的 max，或增加一个有 min 而没有 max 的角色",
	"%s.attribute: %q is already mixed (at %s)":                            "%s.attribute：%q 已经参与混合（在 %s）",
	"%s: min and max must not be negative":                                 "%s：min 和 max 不能是负数",
	"%s.min: %d members with %s %q cannot fit a group of at most %d":       "%s.min：%d 名%s为 %q 的成员放不进最多 %d 人的组",
	"rubric: missing; name a rubric such as standard, or write one inline": "rubric：缺少；请写评分量表名称（如 standard），或直接写出评分量表",
	"rubric: %q cannot be looked up here; write the rubric inline":         "rubric：这里无法查找 %q；请直接写出评分量表",
	"rubric: %v":             "rubric：%v",
	"%stitle: missing title": "%stitle：缺少标题",
	"%sdimensions: none; a rubric needs at least one dimension":                                                                     "%sdimensions：没有维度；评分量表至少需要一个维度",
	"%sdimensions: no %s; the debrief of a council usually covers organization, rhythm, guidance, induction, recording and hosting": "%sdimensions：没有%s；议事会的复盘通常涵盖会议组织、节奏把控、发言引导、问题归纳、结果记录和主持",
	"%s%s.title: missing title": "%s%s.title：缺少标题",
	"%s%s: missing %s":          "%s%s：缺少%s",
	"%s%s.cues[%d]: empty cue":  "%s%s.cues[%d]：提示为空",
	"%s%s.levels: no level descriptors; anchor at least the lowest and highest score":               "%s%s.levels：没有等级描述；至少给最低分和最高分写上描述",
	"%s%s.score: %d is off the scale %d–%d":                                                         "%s%s.score：%d 超出了 %d–%d 分的量表",
	"%s%s.score: score %d is described twice":                                                       "%s%s.score：%d 分描述了两次",
	"%s%s.descriptor: missing descriptor":                                                           "%s%s.descriptor：缺少描述",
	"%s%s.levels: score %d (an end of the scale) has no descriptor":                                 "%s%s.levels：%d 分（量表的一端）没有描述",
	"%sscale.min: must not be negative":                                                             "%sscale.min：不能是负数",
	"%sscale: max (%d) must be above min (%d), such as min: 1, max: 5":                              "%sscale：max（%d）必须大于 min（%d），例如 min: 1, max: 5",
	"%s%s: %q is not a valid id: use lower-case letters, digits, '-' and '_', such as resident-rep": "%s%s：%q 不是有效的编号：请只用小写字母、数字、“-”和“_”，例如 resident-rep",
	"%s%s: duplicate id %q (first used at %s)":                                                      "%s%s：编号 %q 重复（首次使用在 %s）",
	"title":                   "标题",
	"language (en or zh)":     "语言（en 或 zh）",
	"language":                "语言",
	"method":                  "方法",
	"background of the issue": "议题背景",
	"focus question":          "焦点问题",
	"fact":                    "事实",
	"role":                    "角色",
	"rubric dimension":        "评分维度",
	"role %s":                 "角色 %s",
	"roles %s and %s":         "角色 %s 和 %s",
	"; send it to %s too":     "；也请发给 %s",
	"function (host, recorder, stakeholder or observer)": "function（host、recorder、stakeholder 或 observer）",
	"function":                               "function",
	"public brief":                           "公开说明",
	"background":                             "背景类别",
	"attribute":                              "属性",
	"value":                                  "值",
	"role function":                          "角色职能",
	"id":                                     "编号",
	"%s%s: unknown %s %q (did you mean %q?)": "%s%s：未知%s %q（是不是 %q？）",
	"%s%s: unknown %s %q (known: %s)":        "%s%s：未知%s %q（已有：%s）",
	"%s%s: unknown %s %q":                    "%s%s：未知%s %q",

	// scenarios/scenarios.go
	"no template in language %q (use en or zh)":                                           "没有 %q 语言的模板（请用 en 或 zh）",
	"no bundled rubric %q (bundled: %s)":                                                  "没有内置评分量表 %q（内置的有：%s）",
	"bundled rubric %q is invalid: %w":                                                    "内置评分量表 %q 无效：%w",
	"no bundled scenario %q (did you mean %q?); `yishi scenarios list` shows the library": "没有内置情景 %q（是不是 %q？）；`yishi scenarios list` 可列出情景库",
	"no bundled scenario %q; `yishi scenarios list` shows the library":                    "没有内置情景 %q；`yishi scenarios list` 可列出情景库",

	// scenarios/validate.go
	"kind: unknown kind %q (did you mean %q?)":                    "kind：未知类型 %q（是不是 %q？）",
	"kind: %q is not a kind yishi validates (scenario or rubric)": "kind：%q 不是 yishi 可校验的类型（scenario 或 rubric）",

	// scenario/sheet/csv.go
	"holds U+FFFD (�), a character that could not be read as %s: the file's encoding could not be read; %s":                                 "含有 U+FFFD（�），这个字符无法按 %s 读取：文件的编码无法识别；%s",
	"holds U+FFFD (�), a character lost to a wrong encoding before the file was saved; retype the value, or go back to the original and %s": "含有 U+FFFD（�），这个字符在文件保存之前就因编码错误而丢失了；请重新输入这个值，或者找回原文件，%s",
	"sheet %q, row %d, column %s (%s)": "工作表“%s”第 %d 行 %s 列（%s）",
	"sheet %q, row %d, column %s":      "工作表“%s”第 %d 行 %s 列",

	// scenario/sheet/decode.go
	"a \" appears inside a value that does not start with one; put the whole value in quotes and double the inner quote (\"\")": "值的中间出现了 \"，但值本身不是以 \" 开头；请给整个值加上引号，并把里面的引号写两遍（\"\"）",
	"save the file as UTF-8 (in Excel: File → Save As → CSV UTF-8; 文件 → 另存为 → CSV UTF-8)":                                       "请把文件另存为 UTF-8（在 Excel 中：文件 → 另存为 → CSV UTF-8）",
	"a quoted value is not closed, or its closing \" is followed by more text; double a \" inside a value (\"\")":               "带引号的值没有闭合，或者闭合的 \" 后面还有文字；值里面的 \" 要写两遍（\"\"）",

	// scenario/sheet/workbook.go
	"an Excel workbook (.xlsx)": "Excel 工作簿（.xlsx）",
	"an Excel 97–2003 workbook (.xls), a WPS workbook (.et) or a workbook with a password": "Excel 97–2003 工作簿（.xls）、WPS 表格（.et）或设了密码的工作簿",
	"an Apple Numbers document":          "Apple Numbers 文稿",
	"an OpenDocument spreadsheet (.ods)": "OpenDocument 电子表格（.ods）",
	"a zip file that does not open (a workbook cut short, perhaps in a download or a copy)": "打不开的 zip 文件（工作簿不完整，可能是下载或复制时中断了）",
	"a zip file that holds no workbook":                                                     "不含工作簿的 zip 文件",
	"a text file":                                                                           "文本文件",

	// scenario/sheet/xlsx/read.go
	"the workbook does not open: it may be cut short or damaged; copy it again, or open it in Excel or WPS and save it again as .xlsx": "工作簿打不开：它可能不完整或已损坏；请重新复制一份，或在 Excel 或 WPS 中打开后重新另存为 .xlsx",
	"the workbook has no sheets with cells": "工作簿中没有含单元格的工作表",

	// scenario/sheet/xlsx/write.go
	"cell %s: %q is not a number":       "单元格 %s：%q 不是数字",
	"sheet %q: %w":                      "工作表“%s”：%w",
	"and %d more warning in this file":  "此文件中另有 %d 条警告",
	"and %d more warnings in this file": "此文件中另有 %d 条警告",
	"and %d more problem in this file":  "此文件中另有 %d 个问题",
	"and %d more problems in this file": "此文件中另有 %d 个问题",
	"%s: the row cannot be read: the workbook may be damaged; open it in Excel or WPS and save it again as .xlsx":                                                                     "%s：这一行无法读取：工作簿可能已损坏；请用 Excel 或 WPS 打开，重新另存为 .xlsx",
	"%s: the sheet has more than %d rows, far more than a sign-up sheet or scoresheet; the rest of it is not read; move other data to another workbook":                               "%s：工作表超过 %d 行，远多于报名表或评分表所需；其余部分未读取；请把其他数据移到另一个工作簿",
	"%s: a value past column %s: a sheet is read to its first %d columns, far more than a sign-up sheet or scoresheet has; move other data to another sheet":                          "%s：%s 列之后还有内容：工作表只读取前 %d 列，远多于报名表或评分表所需；请把其他数据移到另一个工作表",
	"%s: %d characters, more than the %d a cell may hold; shorten it":                                                                                                                 "%s：有 %d 个字符，超过单元格允许的 %d 个；请缩短",
	"the file is empty: it holds no workbook; copy it again from where it came, or open the workbook in Excel or WPS and save it again as .xlsx":                                      "文件是空的：里面没有工作簿；请从原处重新复制，或用 Excel 或 WPS 打开工作簿，重新另存为 .xlsx",
	"the workbook holds %d MB once unzipped, more than the %d MB a sign-up sheet or scoresheet needs; remove the sheets, pictures or data that are not part of it, and save it again": "工作簿解压后有 %d MB，超过报名表或评分表所需的 %d MB；请删除无关的工作表、图片或数据后重新保存",
	"%s: asks nothing of a group (no min of 1 or more, no max), so it is ignored; remove it, or give a min or a max":                                                                  "%s：对每组没有任何要求（min 不到 1，也没有 max），因此不起作用；请删除它，或给出 min 或 max",
}
