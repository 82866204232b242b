package plan

import (
	"slices"

	"github.com/yishi-council/yishi/scenario"
)

// Recipients are the members of one group who receive an inject.
type Recipients struct {
	Round int `json:"round"`
	Group int `json:"group"`
	// Members is empty when nobody in the group plays any of the roles the
	// inject is for.
	Members []Member `json:"members"`
}

// InjectRecipients returns, for every group of the plan (or of one round
// when round is above zero), in plan order, the members whose role the
// inject is aimed at.
func (p *Plan) InjectRecipients(in scenario.Inject, round int) []Recipients {
	var out []Recipients
	for _, rd := range p.Rounds {
		if round > 0 && rd.Round != round {
			continue
		}
		for _, g := range rd.Groups {
			rec := Recipients{Round: rd.Round, Group: g.Group, Members: []Member{}}
			for _, m := range g.Members {
				if m.Role != "" && slices.Contains(in.To, m.Role) {
					rec.Members = append(rec.Members, m)
				}
			}
			out = append(out, rec)
		}
	}
	return out
}
