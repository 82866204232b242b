package roles_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// A quota too few trainees can fill is refused with advice that works:
// fewer groups when the trainees still fit in groups the scenario
// allows, and otherwise --allow-unmet or the quota itself, never "fewer
// groups" that would be too large.
func TestQuotaAdviceWorks(t *testing.T) {
	s, diags, err := scenarios.Load("shared-parking-charging") // groups of 5 to 8, a 街道议事班成员 in each
	require.NoError(t, err)
	require.NoError(t, diags.Err())
	sheet := func(n, discussion int) []byte {
		var b strings.Builder
		b.WriteString("序号,姓名,所在社区,身份\n")
		for i := range n {
			bg := "社工"
			if i < discussion {
				bg = "议事员"
			}
			fmt.Fprintf(&b, "%d,学员%d,社区%d,%s\n", i+1, i+1, i%4, bg)
		}
		return []byte(b.String())
	}
	for _, tt := range []struct {
		name                 string
		trainees, discussion int
		groups               int
		want                 string
	}{
		{"two groups of eight work", 16, 2, 3, "ask for 2 groups, or lower the quota"},
		{"three or four groups work", 30, 4, 5, "ask for 4 groups, or lower the quota"},
		{"no fewer groups fit", 25, 3, 4, "fewer groups would be larger than the scenario allows, so give --allow-unmet"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, rd := roster.Parse("r.csv", sheet(tt.trainees, tt.discussion), s, roster.Options{})
			require.NoError(t, rd.Err())
			_, err := roles.Assign(context.Background(), s, r, roles.AssignOptions{Groups: tt.groups, Seed: 1})
			var d scenario.Diagnostics
			require.ErrorAs(t, err, &d)
			assert.Contains(t, d.Error(), tt.want)
		})
	}
}
