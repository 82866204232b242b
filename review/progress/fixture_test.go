package progress

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/review"
	"github.com/yishi-council/yishi/review/measure"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// small is a hand-made day of two rounds with two groups each, in the
// bundled scenario of lang (elevator-retrofit in English,
// shared-parking-charging in Chinese), whose scores, notes and measures
// the tests know by heart:
//
//	round 1, group 1: T1 host, T2 recorder, T3 stakeholder; reviewers Ann
//	  (4 on every dimension but rhythm, 2) and Bo (3, rhythm 2); a log.
//	round 1, group 2: T4 host, T5 recorder, T6 stakeholder; Ann, 2 on
//	  every dimension; no log.
//	round 2, group 1: T5 host, T1 recorder, T4 stakeholder; Ann, 5 on
//	  every dimension; a log without a host's share.
//	round 2, group 2: T2 host, T3 recorder, T7 stakeholder (new that
//	  round); Ann, 3 on every dimension but recording, left blank; a log.
//	T6 sits round 2 out, absent.
//
// Means by round: 2.75 on every dimension but rhythm (2) in round 1;
// 4 on every dimension in round 2 but recording (5, one group); weighted
// totals 3.25 and 2, then 5 and 3.
type small struct {
	p   *plan.Plan
	s   *scenario.Scenario
	rep *review.Report
	// host, recorder and stakeholder are the scenario's role ids, and
	// stake a name of the stakeholder a reviewer would write.
	host, recorder, stakeholder, stake string
}

// smallTexts are the reviewers' notes of round 1, group 1 in each
// language: whom each names is in its key.
var smallTexts = map[string]map[string]string{
	"en": {
		"host":        "The host let the second phase overrun by ten minutes.",
		"recorder":    "The recorder wrote nothing on the flipchart.",
		"stakeholder": "%s spoke for eight minutes and nobody stopped him.",
		"nobody":      "The group kept a friendly tone throughout.",
		"both":        "The host and the recorder should agree on the read-back.",
		"stake":       "Mr Zhao",
	},
	"zh": {
		"host":        "主持人让第二个环节超时十分钟。",
		"recorder":    "记录员没有在白板上写任何东西。",
		"stakeholder": "%s连续发言八分钟，没有人打断。",
		"nobody":      "全组始终气氛友好。",
		"both":        "主持人和记录员应约定最后宣读记录的方式。",
		"stake":       "韩经理",
	},
}

func newSmall(t testing.TB, lang string) small {
	t.Helper()
	id := map[string]string{"en": "elevator-retrofit", "zh": "shared-parking-charging"}[lang]
	s := bundled(t, id)
	f := small{s: s, stake: smallTexts[lang]["stake"]}
	for _, r := range s.Roles {
		switch {
		case r.Function == scenario.FunctionHost && f.host == "":
			f.host = r.ID
		case r.Function == scenario.FunctionRecorder && f.recorder == "":
			f.recorder = r.ID
		case r.Function == scenario.FunctionStakeholder && f.stakeholder == "":
			f.stakeholder = r.ID
		}
	}
	names := map[string]string{"T1": "Ann Lee", "T2": "Bo Wang", "T3": "Cai Min", "T4": "Dan Zhou", "T5": "Eve Sun", "T6": "Fay Liu", "T7": "Gus Ma"}
	if lang == "zh" {
		names = map[string]string{"T1": "李安", "T2": "王博", "T3": "蔡敏", "T4": "周丹", "T5": "孙怡", "T6": "刘菲", "T7": "马国"}
	}
	m := func(id, role string) plan.Member { return plan.Member{ID: id, Name: names[id], Role: role} }
	f.p = &plan.Plan{
		Version: 1, Kind: plan.Kind,
		Scenario: plan.ScenarioRef{ID: s.ID, Title: s.Title, Language: s.Language, Source: "bundled"},
		Rounds: []plan.Round{
			{Round: 1, Groups: []plan.Group{
				{Group: 1, Members: []plan.Member{m("T1", f.host), m("T2", f.recorder), m("T3", f.stakeholder)}},
				{Group: 2, Members: []plan.Member{m("T4", f.host), m("T5", f.recorder), m("T6", f.stakeholder)}},
			}},
			{Round: 2, Name: map[string]string{"en": "Afternoon", "zh": "下午"}[lang], Groups: []plan.Group{
				{Group: 1, Members: []plan.Member{m("T5", f.host), m("T1", f.recorder), m("T4", f.stakeholder)}},
				{Group: 2, Members: []plan.Member{m("T2", f.host), m("T3", f.recorder), m("T7", f.stakeholder)}},
			}, Out: []plan.Out{{ID: "T6", Name: names["T6"], Reason: plan.OutAbsent}}},
		},
	}
	tx := smallTexts[lang]
	all := func(v int) map[string]review.Score {
		out := map[string]review.Score{}
		for _, d := range s.Rubric.Rubric.Dimensions {
			out[d.ID] = review.Score{Value: intp(v)}
		}
		return out
	}
	ann := all(4)
	ann["rhythm"] = review.Score{Value: intp(2), Evidence: tx["host"]}
	ann["guidance"] = review.Score{Value: intp(4), Evidence: sprintf(tx["stakeholder"], f.stake)}
	bo := all(3)
	bo["rhythm"] = review.Score{Value: intp(2)}
	bo["recording"] = review.Score{Value: intp(3), Evidence: tx["recorder"]}
	r2g2 := all(3)
	r2g2["recording"] = review.Score{}
	sheets := []review.Scoresheet{
		{Reviewer: "Ann", Round: 1, Group: 1, Scores: ann, Strengths: []string{tx["nobody"]}},
		{Reviewer: "Bo", Round: 1, Group: 1, Scores: bo, Improvements: []string{tx["both"]}},
		{Reviewer: "Ann", Round: 1, Group: 2, Scores: all(2)},
		{Reviewer: "Ann", Round: 2, Group: 1, Scores: all(5)},
		{Reviewer: "Ann", Round: 2, Group: 2, Scores: r2g2},
	}
	f.rep = review.BuildReport(f.p, s, sheets)
	require.Len(t, f.rep.Rounds, 2)
	// measure.Of is not for this package to run: the groups' measures are
	// filled in by hand, as the report would carry them.
	f.rep.Rounds[0].Groups[0].Measures = logOf(0.8, 0.2, f64p(0.3), talk("T1", 0.3, 10, 90*time.Second), talk("T2", 0.47, 12, 141*time.Second), talk("T3", 0.23, 5, 69*time.Second))
	f.rep.Rounds[1].Groups[0].Measures = logOf(0.6, 0.4, nil, talk("T5", 0.31, 9, 93*time.Second), talk("T1", 0.25, 7, 75*time.Second), talk("T4", 0.44, 11, 132*time.Second))
	f.rep.Rounds[1].Groups[1].Measures = logOf(0.9, 0.1, f64p(0.5), talk("T2", 0.5, 8, 150*time.Second), talk("T3", 0.2, 4, 60*time.Second), talk("T7", 0.3, 6, 90*time.Second))
	return f
}

func talk(id string, share float64, turns int, d time.Duration) measure.MemberTalk {
	return measure.MemberTalk{ID: id, Share: share, Turns: turns, Speaking: d}
}

func logOf(punctuality, gini float64, hostShare *float64, members ...measure.MemberTalk) *measure.Group {
	g := &measure.Group{Values: map[string]float64{
		scenario.MeasurePunctuality: punctuality, scenario.MeasureGini: gini,
	}}
	g.Rhythm.Punctuality = punctuality
	g.Participation.Gini = gini
	g.Participation.HostShare = hostShare
	if hostShare != nil {
		g.Values[scenario.MeasureHostShare] = *hostShare
	}
	g.Participation.Members = members
	for _, m := range members {
		g.Participation.Turns += m.Turns
	}
	return g
}
