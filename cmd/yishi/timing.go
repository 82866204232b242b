package main

import (
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// addTimingFlags adds the flags that put a day on the clock and its groups
// at tables.
func addTimingFlags(fl *pflag.FlagSet, start *string, brk *time.Duration, tables *string) {
	fl.StringVar(start, "start", "", "clock time the first round starts, such as 09:00 (default: the scenario's schedule.start; none: an untimed day)")
	fl.DurationVar(brk, "break", 0, "time between rounds, such as 15m (default: the scenario's schedule.break)")
	fl.StringVar(tables, "tables", "", "rooms or tables, one per group in order, such as \"A1,A2,A3\" (default: the scenario's schedule.tables)")
}

// checkBreak refuses a break no day has, as a usage error.
func checkBreak(d time.Duration) error {
	if d < 0 || d%time.Minute != 0 || d > scenario.MaxBreak*time.Minute {
		return usagef("--break %s: give whole minutes from 0 to %dh, such as 15m", d, scenario.MaxBreak/60)
	}
	return nil
}

// timing is the command line's choice of clock and tables: an unset flag
// takes the scenario's schedule.
func timing(start string, brk time.Duration, breakSet bool, tables string) plan.Timing {
	t := plan.Timing{Start: start, Break: -1}
	if breakSet {
		t.Break = int(brk / time.Minute)
	}
	if strings.TrimSpace(tables) != "" {
		t.Tables = strings.FieldsFunc(tables, func(r rune) bool { return strings.ContainsRune(",，、;；", r) })
	}
	return t
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
