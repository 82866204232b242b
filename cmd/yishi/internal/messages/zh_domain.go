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

	// roles/assign.go and roles/feasible.go: why a roster cannot be grouped
	"%s in %s gives %s":                      "%s分成 %s，%s",
	"groups of %s":                           "每组 %s 人",
	"a group of %s":                          "一个 %s 人的组",
	"%s, below the scenario's minimum of %d": "%s，少于情景规定的每组最少 %d 人",
	"%s in %s gives %s, above the scenario's maximum of %d":                                                                            "%s分成 %s，%s，超过情景规定的每组最多 %d 人",
	"the scenario's roles need %d members in every group, but %s":                                                                      "情景的角色每组需要 %d 人，但%s",
	"the scenario's required roles take %d members, more than its maximum group of %d; raise grouping.size.max or require fewer roles": "情景的必需角色要占 %d 人，超过了它最大的组 %d 人；请提高 grouping.size.max，或减少必需的角色",
	"%s cannot form a group: the scenario's groups have at least %d members; add at least %s or %s":                                    "%s组不成一个组：情景的每组至少 %d 人；请至少再增加%s，或%s",
	"lower grouping.size.min":                         "降低 grouping.size.min",
	"lower grouping.size.min and require fewer roles": "降低 grouping.size.min 并减少必需的角色",
	"require fewer roles":                             "减少必需的角色",
	"ask for %s":                                      "请分成 %s",
	"ask for %d to %d groups":                         "请分成 %d 到 %d 个组",
	"%s do not split into groups of %d to %d: %s would hold %s and %s would hold %s; change the number of trainees or raise grouping.size.max":                                    "%s无法分成每组 %d 到 %d 人的组：分成%s每组 %s 人，分成%s每组 %s 人；请调整学员人数，或提高 grouping.size.max",
	"grouping.mix names %q, but the roster %s has no such column (columns: %s)":                                                                                                   "grouping.mix 指定了 %q，但学员名单 %s 中没有这一列（已有的列：%s）",
	"grouping.require names %q, but the roster %s has no such column":                                                                                                             "grouping.require 指定了 %q，但学员名单 %s 中没有这一列",
	"every group needs at least %d trainees with %s %q, but the roster has none":                                                                                                  "每组至少需要 %d 名 %s 为 %q 的学员，但学员名单中一个也没有",
	"%d trainees must share one group through the together column (%s), but groups hold at most %d":                                                                               "按 together 列，%d 名学员必须同组（%s），但每组最多 %d 人",
	"%s must share a group with %s through the together column, but one avoids the other":                                                                                         "按 together 列，%s 必须和 %s 同组，但其中一人要回避另一人",
	"every group needs at least %d trainee(s) with %s %q, %d in all for %d groups, but the roster has %d: %s; ask for fewer groups or lower the quota":                            "每组至少需要 %[1]d 名 %[2]s 为 %[3]q 的学员，%[5]d 个组合计 %[4]d 名，但学员名单只有 %[6]d 名：%[7]s；请减少分组数或降低配额",
	"every group needs %d %s (%s), %d in all for %d groups, but only %d trainees may play it: it is not played by %s; ask for fewer groups or change the role's avoid_background": "每组需要 %[1]d 名%[2]s（%[3]s），%[5]d 个组合计 %[4]d 名，但只有 %[6]d 名学员可以扮演：这个角色不由%[7]s扮演；请减少分组数或修改这个角色的 avoid_background",
	"and %d more": "另有 %d 名",

	// roles/roster/build.go: what to do with an unknown background
	"add it to the scenario's backgrounds (as an alias of the one it means) or correct the roster": "请把它加到情景的背景类别中（作为它所指类别的别名），或改正学员名单",
}
