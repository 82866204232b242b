package messages

// zhLint holds the scenario lint's messages and the new scenario fields'
// validation.
var zhLint = map[string]string{
	"level":            "层级",
	"step":             "步骤",
	"role or function": "角色或角色职能",
	"stake":            "议价事项",
	"check":            "检查项",
	"lint check":       "检查项",
	"target":           "对象",
	"%s.fact: there is no public fact %d (the scenario has %d; the first is 1)":                   "%s.fact：没有第 %d 条公开事实（本情景共 %d 条，从 1 数起）",
	"%s.fact: names the public fact that sets the stake's range, but the stake has no min or max": "%s.fact：指明了设定该议价事项范围的公开事实，但该事项没有写 min 或 max",
	"%s.stake: stake %q is named twice for this role":                                             "%s.stake：议价事项 %q 在这个角色里写了两次",
	"%s.%s: %v is not a value a stake can have (at most %g either side of 0)":                     "%s.%s：%v 不是议价事项可取的值（正负都不超过 %g）",
	"%s: min %g is above max %g": "%s：min %g 大于 max %g",
	"%s.reason: say why this warning is right to ignore, so the next trainer knows": "%s.reason：请写明为什么可以忽略这条提醒，让下一位培训师明白",
	"%s: no %s warning here to ignore; remove the entry":                            "%s：这里没有可忽略的 %s 提醒；请删掉这一条",
	"rubric: dimension %q is exercised by no phase, inject or role, so reviewers will score it without evidence; add it to the dimensions of the phase that calls for it, or to an inject's exercises":                     "rubric：维度 %q 没有任何环节、情景注入或角色去练，评议员只能凭空打分；请把它加进需要它的环节的 dimensions，或某条情景注入的 exercises",
	"roles[%d]: role %q has no inject and no phase that needs it, so its player may sit the drill out; aim an inject at it, or name it (or %s) in the involves of a phase it should speak in":                              "roles[%d]：角色 %q 既没有情景注入，也没有哪个环节需要它，扮演者可能整场陪坐；请给它一条情景注入，或在它该发言的环节的 involves 里写上它（或 %s）",
	"roles[%d].confidential: the scenario lists no stakes, so nothing shows where the confidential briefs meet; list what the parties can trade under stakes, and each role's interests and bottom lines under its stakes": "roles[%d].confidential：情景没有列出议价事项（stakes），看不出各方保密说明在哪里交汇；请在 stakes 下列出各方可交换的事项，并在每个角色的 stakes 下写明其利益和底线",
	"stakes[%d]: no role has an interest in stake %q; name it in the stakes of the roles it matters to, or remove it":                                                                                                      "stakes[%d]：没有角色关心议价事项 %q；请把它写进相关角色的 stakes，或删掉它",
	"%s.confidential: role %q names no stake its interests bear on, so the lint cannot tell whether it has anything to trade; list them under the role's stakes":                                                           "%s.confidential：角色 %q 没有写明其利益涉及哪些议价事项，无法判断它有没有可交换的；请在该角色的 stakes 下列出",
	"%s.stakes: role %q's interests overlap no other role's, so it has nothing to trade; give another role an interest in one of its stakes, or this role one in theirs":                                                   "%s.stakes：角色 %q 的利益与其他角色毫无交集，无从交换；请让另一个角色也关心它的某个议价事项，或让它关心别人的",
	"%s: bottom lines on stake %q cannot meet: role %q accepts no less than %s, role %q no more than %s; lower one, or leave a gap another stake can bridge":                                                               "%s：议价事项 %[2]q 上的底线碰不到一起：角色 %[3]q 至少要 %[4]s，角色 %[5]q 至多接受 %[6]s；请降低其中一条，或留出可由其他事项弥合的空间",
	"%s.min: role %q will take no less than %s of %q, but %s allows at most %s; lower the bottom line or change the fact":                                                                                                  "%s.min：角色 %[2]q 在 %[4]q 上至少要 %[3]s，但 %[5]s 规定至多 %[6]s；请降低底线或修改事实",
	"%s.max: role %q will take no more than %s of %q, but %s sets at least %s; raise the bottom line or change the fact":                                                                                                   "%s.max：角色 %[2]q 在 %[4]q 上至多接受 %[3]s，但 %[5]s 规定至少 %[6]s；请提高底线或修改事实",
	"public fact %d":          "第 %d 条公开事实",
	"the range of stakes[%d]": "stakes[%d] 的范围",
	"%s: lands in phase %q (%s–%s), where role %q does not act; move it into phase %q (%s–%s), or name the role in the phase's involves":           "%s：落在环节 %q（%s–%s），角色 %q 在这个环节不行动；请移到环节 %q（%s–%s），或在该环节的 involves 里写上这个角色",
	"%s: lands in phase %q (%s–%s), where role %q does not act; name the role in the phase's involves":                                             "%s：落在环节 %q（%s–%s），角色 %q 在这个环节不行动；请在该环节的 involves 里写上这个角色",
	"agenda: no phase sums up what has been said (induction); add one, such as the host's summary before the decision, with step: summing-up":      "agenda：没有归纳总结的环节；请加一个，比如决定之前由主持人归纳，并写 step: summing-up",
	"agenda: no phase reads back the record; end with one led by the recorder, with step: read-back, so the group confirms what it agreed":         "agenda：没有宣读记录的环节；请以记录员主导的环节收尾，并写 step: read-back，让大家确认达成了什么",
	"also warn of what makes a drill fall flat: passengers, briefs with nothing to trade, misplaced injects, missing method steps, cards too long": "同时提醒会让演练冷场的问题：陪坐的角色、无从交换的保密说明、放错环节的情景注入、缺少的方法步骤、过长的角色卡",
	"LEVEL": "层级",
	"%s: unknown value %q (did you mean %q?)":                                                          "%s：未知的值 %q（是不是 %q？）",
	"%s: unknown value %q (known: %s)":                                                                 "%s：未知的值 %q（可选：%s）",
	"No bundled scenario matches; `yishi scenarios list` shows them all.":                              "没有符合条件的内置情景；`yishi scenarios list` 列出全部情景。",
	"only scenarios in this language, en or zh, listed in that language too":                           "只列这种语言的情景（en 或 zh），列表也用这种语言显示",
	"only scenarios of this method: consensus-workshop, open-space, orid, world-cafe or free":          "只列这种方法的情景：consensus-workshop（共识工作坊）、open-space（开放空间）、orid（ORID 焦点讨论）、world-cafe（世界咖啡）或 free（自由讨论）",
	"only scenarios at this level: street, community or building":                                      "只列这个层级的情景：street（街道）、community（社区）或 building（楼院）",
	"only scenarios of this length: short (≤ 60 min), medium (≤ 90 min) or long":                       "只列这种长度的情景：short（不超过 60 分钟）、medium（不超过 90 分钟）或 long（更长）",
	"include every role's confidential brief and bottom lines, and the trainer's notes (trainer only)": "包括每个角色的保密说明和底线，以及培训师备注（仅限培训师）",
	`List the bundled scenarios with their language, method, level and length.
The flags keep only the scenarios that match all of them: --lang en or zh;
--method consensus-workshop, open-space, orid, world-cafe or free; --level
street (a whole street's affairs), community or building (one building or
courtyard); --length short (up to 60 minutes), medium (up to 90) or long.
The Chinese names work too: --method 开放空间, --level 街道, --length 短.
As everywhere, --lang also sets the language the list is printed in;
--language filters alone, so that --lang zh --language en lists the
English scenarios in Chinese.`: `列出内置情景及其语言、方法、层级和长度。各个筛选条件同时生效：
--lang en 或 zh；--method consensus-workshop（共识工作坊）、open-space（开放空间）、
orid（ORID 焦点讨论）、world-cafe（世界咖啡）或 free（自由讨论）；--level street
（街道层面事务）、community（社区）或 building（一栋楼或一个楼院）；--length short
（不超过 60 分钟）、medium（不超过 90 分钟）或 long（更长）。
也可以写中文：--method 开放空间、--level 街道、--length 短。
和其他命令一样，--lang 同时决定列表显示的语言；--language 只筛选，
所以 --lang zh --language en 会用中文列出英文情景。`,
	"only scenarios in this language, en or zh, leaving the messages in theirs": "只列这种语言的情景（en 或 zh），提示的语言不变",
	`Show a readable summary of a bundled scenario (by id) or of a scenario file:
the issue, public facts, agenda with times, roles and injects. Confidential
briefs, the roles' bottom lines and the trainer's notes (the zone of
agreement, a possible agreement, tips) are left out unless --confidential
is given.`: `显示内置情景（按编号）或情景文件的摘要：议题、公开事实、带时间的议程、
角色和情景注入。除非加上 --confidential，否则不显示保密说明、各角色的底线和
培训师备注（可达成协议的空间、一种可能的协议、带领提示）。`,
	"tip": "提示",
	"%s: lands at %s, when the agenda's last phase %q has ended (at %s) and no phase runs; move it into a phase, or lengthen the agenda":       "%s：在 %s 发放，此时议程最后一个环节 %q 已于 %s 结束，没有任何环节在进行；请把它移进某个环节，或延长议程",
	"method: an agenda for %s runs %s, and this one lacks %s; add the phases, or name the step of each phase that does one (such as step: %s)": "method：%s 的议程依次是 %s，这份议程缺少 %s；请补上这些环节，或在做这些事的环节上写明步骤（如 step: %s）",
	"%s: phase %q does step %s first, but %s runs %s; reorder the phases":                                                                      "%s：环节 %q 一开始就做步骤 %s，但 %s 的顺序是 %s；请调整环节顺序",
	"%s: phase %q does step %s after %s (phase %q), but %s runs %s; reorder the phases":                                                        "%[1]s：环节 %[2]q 在 %[4]s（环节 %[5]q）之后做步骤 %[3]s，但 %[6]s 的顺序是 %[7]s；请调整环节顺序",
}
