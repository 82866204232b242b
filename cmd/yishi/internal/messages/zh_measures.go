package messages

// zhMeasures are the CLI's words for the drill log's measures in review
// and export.
var zhMeasures = map[string]string{
	// review/drilllog
	"%s: the log is of %q, but round %d, group %d of the plan given is %q: the log is of another plan, or the group has changed since; give the plan the log was written for": "%s：这份记录属于 %q，但给出的方案中第 %d 轮第 %d 组是 %q：这是另一份方案的记录，或者这个小组后来有了变动；请给出记录对应的分组方案",

	// cmd/yishi/review.go
	"a plan file and at least one scoresheet or drill log":                         "一个方案文件，以及至少一份评分表或演练记录",
	"also write each trainee's progress page and the cohort view into this folder": "同时把每位学员的成长页和全班视图写入这个文件夹",
	"measured %s from their drill logs: %s between scores and measures\n":          "按演练记录测量了 %s：评分与测量结果之间有 %s\n",
	"the trainees' pages":                     "学员成长页",
	"wrote %s: %s and the cohort view (%s)\n": "已写入 %s：%s和全班视图（%s）\n",
	"%d trainee's page":                       "%d 位学员的成长页",
	"%d trainees' pages":                      "%d 位学员的成长页",
}
