package drilllog_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/yishi-council/yishi/review/drilllog"
	"github.com/yishi-council/yishi/review/live"
)

// A paper log typed by hand reads, lines in any order, and is measured in
// time order.
func ExampleParse() {
	l, diags := drilllog.Parse("r1g2.yaml", []byte(`version: 2
kind: drill-log
round: 1
group: 2
date: "2026-12-01"
entries:
  - {at: "09:00", kind: phase_start, phase: 1}
  - {at: "09:03", kind: turn, member: T5}
  - {at: "09:01", kind: turn, member: T4}
  - {at: "09:05", kind: phase_end, phase: 1}
`))
	fmt.Println(diags.Err())
	for _, e := range l.Sorted() {
		fmt.Println(strings.TrimSpace(fmt.Sprintln(e.Seq, e.At.Format("15:04 -07:00"), e.Kind, e.Member)))
	}
	// Output:
	// <nil>
	// 1 09:00 +08:00 phase_start
	// 3 09:01 +08:00 turn T4
	// 2 09:03 +08:00 turn T5
	// 4 09:05 +08:00 phase_end
}

// The room's log, cut by group and written as `yishi export` writes it.
func ExampleWriteYAML() {
	cst := time.FixedZone("", 8*3600)
	entries := []live.Entry{
		{At: time.Date(2026, 12, 1, 9, 0, 0, 0, cst), Round: 1, Group: 2, Kind: live.KindPhaseStart, Phase: 1, By: "trainer"},
		{At: time.Date(2026, 12, 1, 9, 1, 30, 0, cst), Round: 1, Group: 2, Kind: live.KindTurn, Member: "T4", By: "trainee:T6"},
	}
	for _, l := range drilllog.FromEntries("7c200bb4aaa6", "elevator-retrofit", entries) {
		var b strings.Builder
		if err := drilllog.WriteYAML(&b, l); err != nil {
			fmt.Fprintln(os.Stderr, err)
		}
		// Past the comment at the top:
		fmt.Print(b.String()[strings.Index(b.String(), "version:"):])
	}
	// Output:
	// version: 2
	// kind: drill-log
	// plan: "7c200bb4aaa6"
	// scenario: elevator-retrofit
	// round: 1
	// group: 2
	// date: "2026-12-01"
	// utc_offset: "+08:00"
	// entries:
	//   - {at: "09:00", kind: phase_start, phase: 1, by: trainer}
	//   - {at: "09:01:30", kind: turn, member: T4, by: "trainee:T6"}
}
