package messages

// zhFit holds the messages of the role card's length check (package
// cards, Overflows).
var zhFit = map[string]string{
	"%s: role %q's card needs about %d%% of a printed %s page, so its type would shrink to fit; shorten the role's briefs, or the scenario's background and facts, by about %d characters": "%[1]s：角色 %[2]q 的角色卡内容约为一页 %[4]s 纸的 %[3]d%%，打印时字号会被缩小；请把该角色的说明，或情景背景和公开事实，删减约 %[5]d 个字",
}
