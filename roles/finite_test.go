package roles

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// A round whose diversity, bound or percentage is not a finite number is
// never written: YAML would hold .nan or .inf, which no reader of a plan
// accepts. It is a fault of yishi, not of the input.
func TestCheckFinite(t *testing.T) {
	require.NoError(t, checkFinite(plan.Round{Round: 1, Diversity: 12.5, Bound: 14, Percent: 89.29}))
	require.NoError(t, checkFinite(plan.Round{Round: 1}))
	for name, rd := range map[string]plan.Round{
		"NaN diversity":  {Round: 2, Diversity: math.NaN()},
		"infinite bound": {Round: 2, Diversity: 1, Bound: math.Inf(1)},
		"-Inf percent":   {Round: 2, Diversity: 1, Bound: 1, Percent: math.Inf(-1)},
	} {
		t.Run(name, func(t *testing.T) {
			err := checkFinite(rd)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "internal error: round 2:")
			assert.NotErrorIs(t, err, scenario.ErrInvalid, "not the input's fault")
		})
	}
}
