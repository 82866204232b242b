package roles

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Groups of 6 after a round of 5 groups must each take two members of one
// earlier group: at least one repeat per group.
func TestUnavoidableRepeats(t *testing.T) {
	groupsOf := func(sizes ...int) []int {
		var out []int
		for g, s := range sizes {
			for range s {
				out = append(out, g)
			}
		}
		return out
	}
	tests := []struct {
		name    string
		group   []int
		g, prev int
		want    int
	}{
		{"30 in 5 groups after 5", groupsOf(6, 6, 6, 6, 6), 5, 5, 5},
		{"12 in 3 groups after 4", groupsOf(4, 4, 4), 3, 4, 0},
		{"9 in 1 group after 3", groupsOf(9), 1, 3, 9},         // 3 pairs in each of 3 earlier groups
		{"7 in 1 group after 3", groupsOf(7), 1, 3, 3 + 1 + 1}, // 3,2,2 from the earlier groups
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, unavoidableRepeats(tt.group, tt.g, tt.prev, nil))
		})
	}

	// Only those who sat the round before can meet again: a group of 6 in
	// which 2 did not sit it takes 4 from 5 earlier groups, none twice.
	group := groupsOf(6, 6, 6, 6, 6)
	prev := make([]int, len(group))
	for i := range prev {
		prev[i] = i % 5
	}
	prev[0], prev[1] = -1, -1
	assert.Equal(t, 4, unavoidableRepeats(group, 5, 5, prev), "group 1 has 4 who sat before: no repeat it cannot avoid")
}
