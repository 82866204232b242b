package scenario

// labels holds the fixed words of yishi's output in each language, so that
// a Chinese scenario gets Chinese headings on every page it produces.
var labels = Words{
	"en": {
		"agenda": "Agenda", "background": "Background", "focus_question": "Focus question",
		"public_facts": "Public facts", "roles": "Roles", "injects": "Injects (trainer only)",
		"method": "Method", "duration": "Duration", "language": "Language", "rubric": "Rubric",
		"grouping": "Grouping", "per_group": "per group", "led_by": "led by", "to": "to",
		"brief": "Public brief", "confidential": "Confidential brief", "goals": "Goals",
		"interests": "Interests", "exercises": "exercises", "minutes": "min", "size": "size",
		"mix": "mix", "require": "require", "groups": "groups", "avoid": "not played by",
		"prefer": "preferably played by", "at_least": "at least", "unlimited": "any number",
		"consensus-workshop": "consensus workshop", "open-space": "open space", "orid": "ORID",
		"world-cafe": "world café", "free": "free discussion",
		"host": "host", "recorder": "recorder", "stakeholder": "stakeholder", "observer": "observer",
		"summary": "Summary", "dimensions": "Dimensions", "attr_unit": "unit", "attr_background": "background",
		"colon": ": ", "list_sep": ", ",
		"level": "Level", "street": "street-wide", "community": "one community", "building": "one building or courtyard",
		"trainer_notes": "Trainer's notes (trainer only)", "zone_of_agreement": "Zone of agreement",
		"possible_agreement": "A possible agreement", "tips": "Tips", "stakes": "Stakes",
		"at_least_v": "at least %s", "at_most_v": "at most %s", "range_v": "%s to %s",
		"public_fact_n": "public fact %d", "paren_v": " (%s)", "no_bottom_line": "an interest, no figure",
		"trainer_note": "Trainer's note",
	},
	"zh": {
		"agenda": "议程", "background": "背景", "focus_question": "焦点问题",
		"public_facts": "公开事实", "roles": "角色", "injects": "情景注入（仅培训师）",
		"method": "方法", "duration": "时长", "language": "语言", "rubric": "评分量表",
		"grouping": "分组", "per_group": "每组", "led_by": "主导", "to": "发给",
		"brief": "公开说明", "confidential": "保密说明", "goals": "目标",
		"interests": "利益诉求", "exercises": "考察", "minutes": "分钟", "size": "人数",
		"mix": "混编", "require": "要求", "groups": "组数", "avoid": "不由以下背景扮演",
		"prefer": "优先由以下背景扮演", "at_least": "至少", "unlimited": "不限人数",
		"consensus-workshop": "共识工作坊", "open-space": "开放空间", "orid": "ORID 焦点讨论",
		"world-cafe": "世界咖啡", "free": "自由讨论",
		"host": "主持人", "recorder": "记录员", "stakeholder": "利益相关方", "observer": "观察员",
		"summary": "概要", "dimensions": "维度", "attr_unit": "社区", "attr_background": "背景",
		"colon": "：", "list_sep": "、",
		"level": "层级", "street": "街道层面", "community": "社区层面", "building": "楼院层面",
		"trainer_notes": "培训师备注（仅培训师）", "zone_of_agreement": "可达成协议的空间",
		"possible_agreement": "一种可能的协议", "tips": "带领提示", "stakes": "议价事项",
		"at_least_v": "至少 %s", "at_most_v": "至多 %s", "range_v": "%s 至 %s",
		"public_fact_n": "第 %d 条公开事实", "paren_v": "（%s）", "no_bottom_line": "有利益，无底线数字",
		"trainer_note": "培训师提示",
	},
}

// Label returns the fixed word key in lang (English when lang is unknown),
// or the key itself when there is no such word.
func Label(lang, key string) string {
	if m, ok := labels[lang]; ok {
		if s, ok := m[key]; ok {
			return s
		}
	}
	if s, ok := labels["en"][key]; ok {
		return s
	}
	return key
}
