package messages

// zhFit holds the messages of the role card's length check (package
// cards, Overflows).
var zhFit = map[string]string{
	"%s: %d of the scenario's %d role cards fit an A5 page only in type below %d pt; print them on A4 (--paper a4), or shorten the briefs":                                                                                "%s：本情景 %[3]d 张角色卡中有 %[2]d 张要缩到 %[4]d 磅以下的字才能印在一页 A5 纸上；请改用 A4 纸（--paper a4），或删减说明文字",
	"%s: role %q's card fits one printed %s page only in %.1f pt type, below the %d pt a trainee can read (%.1f pt is normal); shorten the role's briefs, or the scenario's background and facts, by about %d characters": "%[1]s：角色 %[2]q 的角色卡要缩到 %.1[4]f 磅字才能印在一页 %[3]s 纸上，小于学员能看清的 %[5]d 磅（正常为 %.1[6]f 磅）；请把该角色的说明，或情景背景和公开事实，删减约 %[7]d 个字",
}
