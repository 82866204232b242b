package messages

// zhDomain is the Chinese of texts that packages below the CLI format in
// English with fmt.Sprintf and hand over as strings (a plan's warnings and
// unmet rules, a member's note, the reasons a roster cannot be grouped):
// the CLI reads their arguments back with [Printer.FromEnglish]. A test
// fails when a key is no longer a literal of the code, or, for a text the
// code builds by joining strings, when a piece of it is no longer one.
var zhDomain = map[string]string{
	// roles/cast.go: a member's note, and roles that cannot be filled
	"preferred %q, which this scenario has no role for": "希望担任 %q，但这个情景没有这个角色",
	"preferred %s, but in this scenario that role is played by someone of another background, to practise a perspective not their own": "希望担任 %s，但在这个情景中这个角色由其他背景类别的人扮演，以练习换位思考",
	"preferred %s, but has already hosted or recorded; the turn went to a member who had not":                                          "希望担任 %s，但已经当过主持人或记录员；这次轮给了还没当过的成员",
	"preferred %s, which went to %s (%s)":                                           "希望担任 %s，但这个角色给了 %s（%s）",
	"preferred %s, but the group's required roles had to be filled first":           "希望担任 %s，但必须先安排本组的必需角色",
	"%s (%s) has no role: every place left is one their background %q may not play": "%s（%s）没有角色：剩下的位置都是背景类别 %q 不能扮演的",
	"role %q is not filled: %s":                                                     "角色 %q 无人担任：%s",
	"the group has %d members for %d required places":                               "本组只有 %d 名成员，却有 %d 个必需的位置",

	// roles/assign.go: a plan's warnings and unmet rules
	"round %d stopped at the time budget of %s; the same seed may give another plan on another machine":                                "第 %d 轮在时间上限 %s 处停止；同样的随机种子在另一台机器上可能得到不同的方案",
	"round %d, group %d: only %d member(s) who have not yet hosted or recorded; someone leads a second time":                           "第 %d 轮第 %d 组：只有 %d 名成员还没当过主持人或记录员；有人要第二次担任",
	"round %d, group %d: nobody plays %s, so the inject at %s reaches nobody":                                                          "第 %d 轮第 %d 组：没有人扮演%s，因此 %s 的情景注入没有人收到",
	"role %q is played in no group: groups of %d–%d fill their places with the other roles first; raise its min or make groups larger": "角色 %q 在所有组中都没有人扮演：%d–%d 人的组先由其他角色占满了位置；请提高它的 min 或扩大分组",
	"%s and %s must not share a group but are both in group %d: the avoid lists cannot all be kept with %d groups":                     "%s 和 %s 不能同组，却都在第 %d 组：分成 %d 个组时无法满足所有的回避名单",
	"%s and %s must share a group but could not be placed together with the other rules":                                               "%s 和 %s 必须同组，但在满足其他规则的同时无法把他们排在一起",
	"group %d has %d trainees with %s %q; the scenario asks for %s":                                                                    "第 %d 组有 %d 名%s为 %q 的学员；情景要求%s",
	"group %d has %d members who may play %s; it needs %d":                                                                             "第 %d 组有 %d 名成员可以扮演 %s；需要 %d 名",
	"round %d: %d groups but only %d trainees with %s %q: %s %s none":                                                                  "第 %[1]d 轮：%[2]d 个组，但 %[4]s 为 %[5]q 的学员只有 %[3]d 名：%[6]s%.0[7]s没有",
	// groupList, built from these pieces
	"group %s":         "第 %s 组",
	"groups %s and %s": "第 %s 和 %s 组",
	"no group":         "没有组",
	"at least %d":      "至少 %d 名",
	"%d to %d":         "%d 到 %d",
}
