package main

import (
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// timingFlags are the flags that put a day on the clock and its groups at
// tables, as typed.
type timingFlags struct{ start, brk, tables string }

func (t *timingFlags) add(fl *pflag.FlagSet) {
	fl.StringVar(&t.start, "start", "", "clock time the first round starts, such as 09:00, or none for an untimed day (default: the scenario's schedule.start)")
	fl.StringVar(&t.brk, "break", "", "time between rounds, such as 15m or 15 (minutes) (default: the scenario's schedule.break)")
	fl.StringVar(&t.tables, "tables", "", "rooms or tables, one per group in order, such as \"A1,A2,A3\" (default: the scenario's schedule.tables)")
}

// timing is the command line's choice of clock and tables, a flag left
// out taking the scenario's schedule; a clock time or a break no day has
// is a usage error.
func (t *timingFlags) timing() (plan.Timing, error) {
	out := plan.Timing{Start: strings.TrimSpace(t.start), Break: -1}
	if out.Start != "" && !plan.IsUntimed(out.Start) {
		if _, ok := scenario.ParseTimeOfDay(out.Start); !ok {
			return out, usagef("--start %q: give a clock time such as 09:00, or none for an untimed day", t.start)
		}
	}
	if brk := strings.TrimSpace(t.brk); brk != "" {
		d, err := scenario.ParseDuration(brk)
		if err != nil || d < 0 || d.Minutes() > scenario.MaxBreak || time.Duration(d)%time.Minute != 0 {
			return out, usagef("--break %q: give whole minutes from 0 to %dh, such as 15m", t.brk, scenario.MaxBreak/60)
		}
		out.Break = d.Minutes()
	}
	if tables := splitList(t.tables); len(tables) > 0 {
		out.Tables = tables
	}
	return out, nil
}

// listSeps separate the items of a list typed on the command line: commas
// and semicolons, and the full-width ones and 、 that Chinese input
// methods type.
const listSeps = ",，、;；"

// splitList splits a list typed on the command line at [listSeps],
// trimming each item and dropping empty ones (not at spaces: a name or a
// table may have one).
func splitList(s string) []string {
	var out []string
	for _, item := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(listSeps, r) }) {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// roundWhen is a round's name and clock times for a summary line,
// "上午, 09:00–10:00", or "" for an unnamed round of an untimed day.
func roundWhen(rd *plan.Round) string {
	var parts []string
	if rd.Name != "" {
		parts = append(parts, rd.Name)
	}
	if rd.Timed() {
		parts = append(parts, rd.Start+"–"+rd.End)
	}
	return strings.Join(parts, ", ")
}
