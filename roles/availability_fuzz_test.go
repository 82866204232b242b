package roles

import (
	"testing"

	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenario"
)

// Any availability cell either names rounds of the day or is an error at
// the cell, never a panic nor a round the day does not have.
func FuzzAvailability(f *testing.F) {
	for _, seed := range []string{"1", "２", "第1轮", "1-2", "1–2", "1~2", "上午", "全天", "all", "1,2", "上午、下午", "0", "2-1", "-", "第轮", "1-", "r3", "9999999999999999999", ",", " 、 "} {
		f.Add(seed)
	}
	s := &scenario.Scenario{Schedule: scenario.Schedule{Rounds: []scenario.RoundSlot{{Name: "上午"}, {Name: "下午"}}}}
	f.Fuzz(func(t *testing.T, cell string) {
		r := &roster.Roster{File: "r.csv", Trainees: []roster.Trainee{{ID: "T1", Name: "甲", Rounds: []string{cell}, RoundsPos: scenario.Pos{File: "r.csv", Line: 2, Col: 5}}}}
		attend, diags := availability(s, r, 2)
		for _, d := range diags {
			if d.Pos != r.Trainees[0].RoundsPos {
				t.Fatalf("problem at %v, not at the cell", d.Pos)
			}
		}
		if attend[0] != nil && len(attend[0]) != 2 {
			t.Fatalf("%d rounds for a day of 2", len(attend[0]))
		}
		if !diags.HasErrors() && attend[0] != nil && !attend[0][0] && !attend[0][1] {
			t.Fatalf("%q names no round but is not an error", cell)
		}
	})
}
