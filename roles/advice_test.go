package roles_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// firstTrainees is a roster of the sample's first n trainees.
func firstTrainees(r *roster.Roster, n int) *roster.Roster {
	return &roster.Roster{File: "r.csv", Trainees: r.Trainees[:n], Columns: r.Columns, Numeric: r.Numeric}
}

var adviceRange = regexp.MustCompile(`ask for (\d+)(?: to (\d+))? groups?\b`)

// When groups cannot be formed, the advice is true whatever the roster's
// size: every number of groups it names works, and when it names none, no
// number works.
func TestAssignAdviceHoldsForEverySize(t *testing.T) {
	s, r := loadBundled(t, scenarios.DefaultScenario)
	s.Grouping.Require = nil // only sizes and roles decide here
	narrow := *s
	narrow.Grouping.Size = scenario.SizeRange{Min: 7, Max: 8}
	free := *s // only the roles bound the sizes
	free.Grouping.Size = scenario.SizeRange{}
	for _, sc := range []*scenario.Scenario{s, &narrow, &free} {
		for n := 0; n <= len(r.Trainees); n++ {
			small := firstTrainees(r, n)
			worked := map[int]bool{}
			works := func(g int) bool {
				if ok, seen := worked[g]; seen {
					return ok
				}
				_, err := roles.Assign(context.Background(), sc, small, roles.AssignOptions{Groups: g, Iterations: 200})
				worked[g] = err == nil
				return err == nil
			}
			for g := 1; g <= n+1; g++ {
				_, err := roles.Assign(context.Background(), sc, small, roles.AssignOptions{Groups: g, Iterations: 200})
				if err == nil {
					continue
				}
				name := fmt.Sprintf("size %d-%d, %d trainees, %d groups", sc.Grouping.Size.Min, sc.Grouping.Size.Max, n, g)
				msg := err.Error()
				assert.NotRegexp(t, `at (most|least) 0\b`, msg, name)
				m := adviceRange.FindStringSubmatch(msg)
				if m == nil {
					for h := 1; h <= n; h++ {
						assert.False(t, works(h), "%s: %q names no number of groups, but %d works", name, msg, h)
					}
					continue
				}
				lo, _ := strconv.Atoi(m[1])
				hi := lo
				if m[2] != "" {
					hi, _ = strconv.Atoi(m[2])
				}
				for h := lo; h <= hi; h++ {
					assert.True(t, works(h), "%s: %q advises %d groups", name, msg, h)
				}
				assert.False(t, works(lo-1) && lo > 1, "%s: %q: %d groups work too", name, msg, lo-1)
				assert.False(t, works(hi+1), "%s: %q: %d groups work too", name, msg, hi+1)
			}
		}
	}
}

// The advice at the edges, in words.
func TestAssignAdviceAtTheEdges(t *testing.T) {
	s, r := loadBundled(t, scenarios.DefaultScenario)
	narrow := *s
	narrow.Grouping.Size = scenario.SizeRange{Min: 7, Max: 8}
	free := *s
	free.Grouping.Size = scenario.SizeRange{}
	tests := []struct {
		name string
		s    *scenario.Scenario
		n    int
		opts roles.AssignOptions
		want string
	}{
		{"no trainees", s, 0, roles.AssignOptions{}, "the roster has no trainees"},
		{"one trainee", s, 1, roles.AssignOptions{}, "1 trainee cannot form a group: the scenario's groups have at least 5 members; add at least 4 trainees or lower grouping.size.min and require fewer roles"},
		{"two trainees", s, 2, roles.AssignOptions{}, "2 trainees cannot form a group: the scenario's groups have at least 5 members; add at least 3 trainees or lower grouping.size.min and require fewer roles"},
		{"two trainees, no size bounds", &free, 2, roles.AssignOptions{}, "2 trainees cannot form a group: the scenario's groups have at least 5 members; add at least 3 trainees or require fewer roles"},
		{"roles outgrow small groups", &free, 30, roles.AssignOptions{Groups: 7}, "the scenario's roles need 5 members in every group, but 30 trainees in 7 groups gives groups of 4; ask for 1 to 6 groups"},
		{"two trainees in two groups", s, 2, roles.AssignOptions{Groups: 2}, "add at least 3 trainees"},
		{"more groups than trainees", s, 30, roles.AssignOptions{Groups: 31}, "31 groups were asked for but the roster has only 30 trainees; ask for 4 to 6 groups"},
		{"groups too small", s, 30, roles.AssignOptions{Groups: 10}, "30 trainees in 10 groups gives groups of 3, below the scenario's minimum of 5; ask for 4 to 6 groups"},
		{"groups too large", s, 30, roles.AssignOptions{Groups: 2}, "30 trainees in 2 groups gives groups of 15, above the scenario's maximum of 8; ask for 4 to 6 groups"},
		{"size too large", s, 30, roles.AssignOptions{Size: 20}, "above the scenario's maximum of 8; ask for 4 to 6 groups"},
		{"one count fits", s, 8, roles.AssignOptions{Groups: 2}, "8 trainees in 2 groups gives groups of 4, below the scenario's minimum of 5; ask for 1 group"},
		{"no count fits the scenario", s, 9, roles.AssignOptions{Groups: 2}, "9 trainees do not split into groups of 5 to 8: 1 group would hold 9 and 2 groups would hold 4 to 5; change the number of trainees or raise grouping.size.max"},
		{"no count fits", &narrow, 13, roles.AssignOptions{}, "13 trainees do not split into groups of 7 to 8: 1 group would hold 13 and 2 groups would hold 6 to 7; change the number of trainees or raise grouping.size.max"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := roles.Assign(context.Background(), tt.s, firstTrainees(r, tt.n), tt.opts)
			require.Error(t, err)
			assert.ErrorIs(t, err, scenario.ErrInvalid)
			assert.ErrorContains(t, err, tt.want)
		})
	}
}
