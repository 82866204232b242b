package review

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// DemoScoresheets fills a scoresheet for every reviewer and every group of
// every round of the plan with plausible scores, for the demo and for
// trying the report out. Each group has a latent quality per dimension;
// each reviewer scores it with a little noise, and the second reviewer is
// about half a point more lenient than the rest. Evidence, strengths and
// improvements are taken from the rubric's look-for behaviours and level
// descriptors in the scenario's language, each marked "[demo]" (or
// "[演示数据]") so that no one takes them for real observations.
//
// The result is deterministic: the same plan, scenario, reviewers and seed
// give the same sheets.
func DemoScoresheets(p *plan.Plan, s *scenario.Scenario, reviewers []string, seed uint64) []Scoresheet {
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	lang := s.Language
	rub := s.Rubric.Rubric
	mark := demoMarks[lang]
	if mark == "" {
		mark = demoMarks["en"]
	}
	lo, hi := float64(rub.Scale.Min), float64(rub.Scale.Max)
	var out []Scoresheet
	for _, rd := range p.Rounds {
		for _, g := range rd.Groups {
			// The group's latent quality: a group-wide level plus a
			// spread across dimensions, so that groups differ and each
			// has weaker and stronger dimensions.
			base := lo + (hi-lo)*(0.35+0.4*rng.Float64())
			latent := make([]float64, len(rub.Dimensions))
			for i := range latent {
				latent[i] = base + rng.NormFloat64()*0.8
			}
			for j, name := range reviewers {
				lenient := 0.0
				if j == 1 {
					lenient = 0.5
				}
				sh := Scoresheet{Scenario: p.Scenario.ID, Plan: p.GroupID(rd.Round, g.Group), Reviewer: name, Round: rd.Round, Group: g.Group, Scores: map[string]Score{}}
				best, worst := -1, -1
				for i, d := range rub.Dimensions {
					v := int(math.Round(latent[i] + lenient + rng.NormFloat64()*0.45))
					v = max(rub.Scale.Min, min(rub.Scale.Max, v))
					ev := mark + demoEvidence(d, v, lang, rng)
					sh.Scores[d.ID] = Score{Value: &v, Evidence: ev}
					if best < 0 || v > *sh.Scores[rub.Dimensions[best].ID].Value {
						best = i
					}
					if worst < 0 || v < *sh.Scores[rub.Dimensions[worst].ID].Value {
						worst = i
					}
				}
				if best >= 0 {
					d := rub.Dimensions[best]
					sh.Strengths = []string{mark + d.Title.In(lang) + sep(lang) + oneItem(pick(d.LookFor, lang, rng))}
					w := rub.Dimensions[worst]
					sh.Improvements = []string{mark + w.Title.In(lang) + sep(lang) + oneItem(pick(w.LookFor, lang, rng))}
				}
				out = append(out, sh)
			}
		}
	}
	return out
}

func sep(lang string) string { return words.In(lang, "colon") }

// oneItem keeps a look-for behaviour one item of a sheet's strengths or
// improvements: a sheet's cell is split at semicolons ([SplitItems]), so
// the demo's sheets read back as they were made.
func oneItem(s string) string {
	return strings.NewReplacer(";", ",", "；", "，").Replace(s)
}

func pick(ts []scenario.Text, lang string, rng *rand.Rand) string {
	if len(ts) == 0 {
		return ""
	}
	return ts[rng.IntN(len(ts))].In(lang)
}

// demoEvidence writes an observation fitting score v on dimension d: the
// level's descriptor, placed at a minute of the meeting.
func demoEvidence(d scenario.Dimension, v int, lang string, rng *rand.Rand) string {
	desc := ""
	for _, l := range d.Levels {
		if l.Score == v {
			desc = l.Descriptor.In(lang)
		}
	}
	if desc == "" {
		desc = pick(d.LookFor, lang, rng)
	}
	minute := 5 + rng.IntN(50)
	if lang == "zh" {
		return fmt.Sprintf("第%d分钟前后：%s", minute, desc)
	}
	return fmt.Sprintf("Around minute %d: %s", minute, desc)
}

// demoMarks start every text DemoScoresheets writes, so that demo scores
// are never taken for real observations, and a report can say it was made
// from them.
var demoMarks = map[string]string{"en": "[demo] ", "zh": "[演示数据] "}

// isDemo reports whether any evidence, strength or improvement in sheets
// carries a demo mark.
func isDemo(sheets []Scoresheet) bool {
	has := func(s string) bool {
		for _, m := range demoMarks {
			if strings.HasPrefix(strings.TrimSpace(s), strings.TrimSpace(m)) {
				return true
			}
		}
		return false
	}
	for _, sh := range sheets {
		for _, sc := range sh.Scores {
			if has(sc.Evidence) {
				return true
			}
		}
		for _, x := range append(append([]string{}, sh.Strengths...), sh.Improvements...) {
			if has(x) {
				return true
			}
		}
	}
	return false
}
