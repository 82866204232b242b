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
func addTimingFlags(fl *pflag.FlagSet, start, brk, tables *string) {
	fl.StringVar(start, "start", "", "clock time the first round starts, such as 09:00, or none for an untimed day (default: the scenario's schedule.start)")
	fl.StringVar(brk, "break", "", "time between rounds, such as 15m or 15 (minutes) (default: the scenario's schedule.break)")
	fl.StringVar(tables, "tables", "", "rooms or tables, one per group in order, such as \"A1,A2,A3\" (default: the scenario's schedule.tables)")
}

// checkTiming reads --start and --break as the command line gave them,
// refusing a clock time or a break no day has as a usage error.
func checkTiming(start, brk string) (time.Duration, error) {
	if start != "" && !plan.IsUntimed(start) {
		if _, ok := scenario.ParseTimeOfDay(start); !ok {
			return 0, usagef("--start %q: give a clock time such as 09:00, or none for an untimed day", start)
		}
	}
	if strings.TrimSpace(brk) == "" {
		return 0, nil
	}
	d, err := scenario.ParseDuration(strings.TrimSpace(brk))
	if err != nil || d < 0 || d.Minutes() > scenario.MaxBreak || time.Duration(d)%time.Minute != 0 {
		return 0, usagef("--break %q: give whole minutes from 0 to %dh, such as 15m", brk, scenario.MaxBreak/60)
	}
	return time.Duration(d), nil
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
