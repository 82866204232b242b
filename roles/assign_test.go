package roles_test

import (
	"context"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

func loadBundled(t *testing.T, id string) (*scenario.Scenario, *roster.Roster) {
	t.Helper()
	s, diags, err := scenarios.Load(id)
	require.NoError(t, err)
	require.NoError(t, diags.Err())
	data, err := fs.ReadFile(scenarios.FS(), scenarios.SampleRoster)
	require.NoError(t, err)
	r, rdiags := roster.Parse(scenarios.SampleRoster, data, s, roster.Options{})
	require.NoError(t, rdiags.Err())
	return s, r
}

func assign(t *testing.T, s *scenario.Scenario, r *roster.Roster, opts roles.AssignOptions) *plan.Plan {
	t.Helper()
	p, err := roles.Assign(context.Background(), s, r, opts)
	require.NoError(t, err)
	return p
}

// The plan keeps every hard rule on every bundled scenario: sizes, the
// discussion-class quota, keep-apart pairs, required roles filled by
// eligible members; and host and recorder turns rotate so that over three
// rounds of five groups every one of the 30 trainees leads exactly once.
func TestAssignKeepsTheRules(t *testing.T) {
	for _, id := range scenarios.IDs() {
		t.Run(id, func(t *testing.T) {
			s, r := loadBundled(t, id)
			p := assign(t, s, r, roles.AssignOptions{Groups: 5, Rounds: 3, Seed: 7})
			require.Empty(t, p.Unmet, "every rule is met")
			require.Len(t, p.Rounds, 3)
			bg := map[string]string{}
			avoid := map[string][]string{}
			for _, tr := range r.Trainees {
				bg[tr.ID] = tr.Background
				avoid[tr.ID] = tr.Avoid
			}
			leads := map[string]int{}
			played := map[[2]string]int{}
			for _, rd := range p.Rounds {
				seen := map[string]bool{}
				require.Len(t, rd.Groups, 5)
				for _, g := range rd.Groups {
					assert.Len(t, g.Members, 6, "round %d group %d is balanced", rd.Round, g.Group)
					ids := map[string]bool{}
					discussion := 0
					counts := map[string]int{}
					for _, m := range g.Members {
						require.False(t, seen[m.ID], "%s is in one group per round", m.ID)
						seen[m.ID] = true
						ids[m.ID] = true
						if m.Background == "discussion-class" {
							discussion++
						}
						role, ok := s.Role(m.Role)
						require.True(t, ok, "%s has a role of the scenario, got %q", m.ID, m.Role)
						assert.NotContains(t, role.AvoidBackground, m.Background, "%s (%s) may play %s", m.ID, m.Background, role.ID)
						counts[role.ID]++
						if role.Function == scenario.FunctionStakeholder {
							played[[2]string{m.ID, role.ID}]++
						}
						if role.Function == scenario.FunctionHost || role.Function == scenario.FunctionRecorder {
							leads[m.ID]++
						}
					}
					assert.GreaterOrEqual(t, discussion, 1, "round %d group %d has a discussion-class member", rd.Round, g.Group)
					for _, role := range s.Roles {
						assert.GreaterOrEqual(t, counts[role.ID], role.MinPerGroup(), "role %s filled", role.ID)
						if hi := role.MaxPerGroup(); hi != scenario.Unlimited {
							assert.LessOrEqual(t, counts[role.ID], hi, "role %s not over-filled", role.ID)
						}
					}
					for id := range ids {
						for _, other := range avoid[id] {
							assert.False(t, ids[other], "%s and %s are kept apart", id, other)
						}
					}
				}
				assert.Len(t, seen, len(r.Trainees), "everyone is placed in round %d", rd.Round)
			}
			for _, tr := range r.Trainees {
				assert.Equal(t, 1, leads[tr.ID], "%s hosts or records exactly once in three rounds", tr.ID)
			}
			// Playing a part twice wastes a round (the trainee knows its
			// confidential brief); grouping does not see roles, so a group
			// may leave no other choice, but that must stay rare.
			repeats := 0
			for _, n := range played {
				repeats += n - 1
			}
			assert.LessOrEqual(t, repeats, 2, "stakeholder parts played a second time")
			assert.Positive(t, p.Rounds[0].Bound)
			assert.GreaterOrEqual(t, p.Rounds[0].Percent, 99.0, "round 1 is within 1%% of the bound")
		})
	}
}

func TestAssignIsDeterministic(t *testing.T) {
	s, r := loadBundled(t, scenarios.DefaultScenario)
	opts := roles.AssignOptions{Rounds: 2, Seed: 42, ScenarioSource: "bundled"}
	a, err := plan.Marshal(assign(t, s, r, opts))
	require.NoError(t, err)
	b, err := plan.Marshal(assign(t, s, r, opts))
	require.NoError(t, err)
	assert.Equal(t, string(a), string(b), "same inputs and seed give byte-identical plans")
	assert.Contains(t, string(a), "seed: 42")

	back, diags := plan.Parse("plan.yaml", a)
	require.NoError(t, diags.Err())
	c, err := plan.Marshal(back)
	require.NoError(t, err)
	assert.Equal(t, string(a), string(c), "a plan survives a round trip")
}

func TestAssignRefusesImpossibleRequests(t *testing.T) {
	s, r := loadBundled(t, scenarios.DefaultScenario)
	tests := []struct {
		name string
		opts roles.AssignOptions
		want string
	}{
		{"rounds past any day", roles.AssignOptions{Rounds: 100000000}, "100000000 rounds: a training day has 1 to 20 rounds"},
		{"negative rounds", roles.AssignOptions{Rounds: -1}, "-1 rounds: a training day has 1 to 20 rounds"},
		{"more groups than trainees", roles.AssignOptions{Groups: 31}, "31 groups were asked for but the roster has only 30 trainees"},
		{"groups too small for the scenario", roles.AssignOptions{Groups: 10}, "below the scenario's minimum of 5"},
		{"groups too large for the scenario", roles.AssignOptions{Groups: 2}, "above the scenario's maximum of 8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := roles.Assign(context.Background(), s, r, tt.opts)
			require.Error(t, err)
			assert.ErrorIs(t, err, scenario.ErrInvalid)
			assert.ErrorContains(t, err, tt.want)
		})
	}

	t.Run("quota max too small for the roster", func(t *testing.T) {
		many := 0
		for _, tr := range r.Trainees {
			if tr.Background == "discussion-class" {
				many++
			}
		}
		require.Greater(t, many, 4, "the sample roster has more council members than 4 groups may hold at 1 each")
		strict := *s
		strict.Grouping.Require = []scenario.Quota{{Attribute: "background", Value: "discussion-class", Max: 1}}
		_, err := roles.Assign(context.Background(), &strict, r, roles.AssignOptions{Groups: 4})
		require.Error(t, err)
		var diags scenario.Diagnostics
		require.ErrorAs(t, err, &diags)
		require.Len(t, diags, 1)
		assert.Equal(t, "every group may have at most %d trainee(s) with %s %q, %d in all for %d groups, but the roster has %d: %s; ask for more groups or raise the quota's max", diags[0].Text.Args[0].(scenario.Message).Format)
		assert.ErrorContains(t, err, fmt.Sprintf(`the groups cannot be formed: every group may have at most 1 trainee(s) with background "Street discussion-class member", 4 in all for 4 groups, but the roster has %d: `, many))
	})

	t.Run("quota nobody can meet", func(t *testing.T) {
		var keep []roster.Trainee
		for _, tr := range r.Trainees {
			if tr.Background != "discussion-class" {
				keep = append(keep, tr)
			}
		}
		small := &roster.Roster{File: "r.csv", Trainees: keep, Columns: r.Columns}
		_, err := roles.Assign(context.Background(), s, small, roles.AssignOptions{Groups: 4})
		require.Error(t, err)
		assert.ErrorContains(t, err, `with background "Street discussion-class member", but the roster has none`)
	})

	t.Run("quota too few for every group", func(t *testing.T) {
		var keep []roster.Trainee
		kept := 0
		for _, tr := range r.Trainees {
			if tr.Background == "discussion-class" {
				if kept == 3 {
					continue
				}
				kept++
			}
			keep = append(keep, tr)
		}
		small := &roster.Roster{File: "r.csv", Trainees: keep, Columns: r.Columns}
		_, err := roles.Assign(context.Background(), s, small, roles.AssignOptions{Groups: 4})
		require.Error(t, err)
		assert.ErrorContains(t, err, `every group needs at least 1 trainee(s) with background "Street discussion-class member", 4 in all for 4 groups, but the roster has 3`)

		// With AllowUnmet the plan is made: the three are in three groups,
		// and the group left short is unmet in every round — also in the
		// third, where avoiding repeat pairings once outweighed the spread.
		p, err := roles.Assign(context.Background(), s, small, roles.AssignOptions{Groups: 4, Rounds: 3, AllowUnmet: true})
		require.NoError(t, err)
		var unmet []plan.Unmet
		for _, u := range p.Unmet {
			if u.Rule == "quota" {
				unmet = append(unmet, u)
			}
		}
		require.Len(t, unmet, 3, "one group short in each of three rounds: %v", p.Unmet)
		for i, u := range unmet {
			assert.Equal(t, i+1, u.Round)
			assert.Contains(t, u.Detail, `has 0 trainees with background "Street discussion-class member"; the scenario asks for at least 1`)
			assert.Equal(t, "group %d has %d trainees with %s %q; the scenario asks for %s", u.Text.Format)
			rd, _ := p.Round(u.Round)
			g, _ := rd.Group(u.Group)
			for _, m := range g.Members {
				assert.NotEqual(t, "discussion-class", m.Background, "round %d, group %d is listed short", u.Round, u.Group)
			}
		}
		for _, rd := range p.Rounds {
			short := 0
			for _, g := range rd.Groups {
				has := slices.ContainsFunc(g.Members, func(m plan.Member) bool { return m.Background == "discussion-class" })
				if !has {
					short++
				}
			}
			assert.Equal(t, 1, short, "round %d: the three are spread over three groups", rd.Round)
		}
	})

	t.Run("together set larger than a group", func(t *testing.T) {
		big := &roster.Roster{File: "r.csv", Trainees: slices.Clone(r.Trainees), Columns: r.Columns}
		for i := 1; i < 9; i++ {
			big.Trainees[i].Together = []string{big.Trainees[0].ID}
			big.Trainees[i].Avoid = nil
		}
		big.Trainees[0].Avoid = nil
		_, err := roles.Assign(context.Background(), s, big, roles.AssignOptions{Groups: 5})
		require.Error(t, err)
		assert.ErrorContains(t, err, "9 trainees must share one group through the together column ("+big.Trainees[0].Name+" ("+big.Trainees[0].ID+")")
		assert.ErrorContains(t, err, "but groups hold at most 6")
	})

	t.Run("too few trainees may play a role", func(t *testing.T) {
		s2 := *s
		s2.Roles = slices.Clone(s.Roles)
		// Only the community cadres may play it, fewer than the groups.
		for _, b := range s.Backgrounds {
			if b.ID != "community-cadre" {
				s2.Roles[0].AvoidBackground = append(s2.Roles[0].AvoidBackground, b.ID)
			}
		}
		cadres := 0
		for _, tr := range r.Trainees {
			if tr.Background == "community-cadre" {
				cadres++
			}
		}
		require.Less(t, cadres, 5, "the sample roster has fewer community cadres than groups")
		_, err := roles.Assign(context.Background(), &s2, r, roles.AssignOptions{Groups: 5})
		require.Error(t, err)
		assert.ErrorContains(t, err, fmt.Sprintf("every group needs 1 %s (%s), 5 in all for 5 groups, but only %d trainees may play it", s.Roles[0].Title, s.Roles[0].ID, cadres))
	})

	t.Run("mix names a missing column", func(t *testing.T) {
		s2 := *s
		s2.Grouping.Mix = []scenario.MixRule{{Attribute: "shift", Weight: 1}}
		_, err := roles.Assign(context.Background(), &s2, r, roles.AssignOptions{Groups: 5})
		assert.ErrorContains(t, err, `grouping.mix names "shift", but the roster`)
	})
}

// A group whose members may not play a required role gets it reported,
// never filled with an ineligible trainee.
func TestCastingNeverUsesIneligibleTrainees(t *testing.T) {
	s, r := loadBundled(t, scenarios.DefaultScenario)
	var restricted scenario.Role
	for _, role := range s.Roles {
		if len(role.AvoidBackground) > 0 && role.MinPerGroup() > 0 {
			restricted = role
			break
		}
	}
	require.NotEmpty(t, restricted.ID, "the default scenario has a role some backgrounds may not play")
	banned := restricted.AvoidBackground[0]
	var group []roster.Trainee
	for _, tr := range r.Trainees {
		if tr.Background == banned {
			group = append(group, tr)
		}
	}
	require.GreaterOrEqual(t, len(group), 3)
	small := &roster.Roster{File: "r.csv", Trainees: group, Columns: r.Columns}
	s2 := *s
	s2.Grouping = scenario.Grouping{Mix: []scenario.MixRule{{Attribute: "unit", Weight: 1}}}
	s2.Roles = slices.Clone(s.Roles)
	// Leave only the roles that fit a small group, so the size check passes.
	s2.Roles = slices.DeleteFunc(s2.Roles, func(r scenario.Role) bool {
		return r.MinPerGroup() > 0 && r.Function == scenario.FunctionStakeholder && r.ID != restricted.ID
	})
	_, err := roles.Assign(context.Background(), &s2, small, roles.AssignOptions{Groups: 1})
	require.Error(t, err, "the optimiser sees no one can play %s", restricted.ID)
	assert.ErrorContains(t, err, restricted.ID)
}

func TestParsePlanErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"not a plan", "version: 1\nkind: scenario\nrounds: []\n", `plan.yaml:2:7: kind: expected "plan"`},
		{"wrong version", "version: 3\nkind: plan\n", "plan.yaml:1:10: version: this yishi reads version 1 files"},
		{"trainee twice", "version: 1\nkind: plan\nrounds:\n  - round: 1\n    groups:\n      - group: 1\n        members: [{id: T1, name: A}]\n      - group: 2\n        members: [{id: T1, name: A}]\n",
			`trainee "T1" is in group 1 and group 2 of round 1`},
		{"unknown key", "version: 1\nkind: plan\nround: []\n", `plan.yaml:3:1: unknown key "round"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := plan.Parse("plan.yaml", []byte(tt.data))
			require.Error(t, diags.Err())
			assert.Contains(t, diags.Error(), tt.want)
			assert.True(t, strings.HasPrefix(diags.Error(), "plan.yaml:"))
		})
	}
}

// syntheticRoster makes n trainees from n/40 communities with the five
// backgrounds of the bundled vocabulary, deterministically.
func syntheticRoster(n int) *roster.Roster {
	bgs := []string{"discussion-class", "property-manager", "social-worker", "resident-rep", "community-cadre"}
	units := max(5, n/40)
	r := &roster.Roster{File: "synthetic.csv", Columns: []string{"id", "name", "unit", "background"}}
	x := uint64(88172645463325252)
	for i := range n {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		id := fmt.Sprintf("S%06d", i)
		r.Trainees = append(r.Trainees, roster.Trainee{
			ID: id, Name: id, Unit: fmt.Sprintf("unit-%d", x%uint64(units)), Background: bgs[(x>>20)%5],
		})
	}
	return r
}

// BenchmarkAssign measures a whole assignment (grouping, bound, casting
// and the plan) of the default scenario for rosters up to 100,000.
func BenchmarkAssign(b *testing.B) {
	s, _, err := scenarios.Load(scenarios.DefaultScenario)
	require.NoError(b, err)
	s.Grouping.Require = nil // a synthetic roster need not meet the quota's exact mix
	for _, n := range []int{30, 1000, 10000, 100000} {
		r := syntheticRoster(n)
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			var p *plan.Plan
			for b.Loop() {
				var err error
				p, err = roles.Assign(context.Background(), s, r, roles.AssignOptions{Size: 6, Seed: 1})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(p.Rounds[0].Percent, "%ofbound")
		})
	}
}
