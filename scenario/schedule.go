package scenario

import (
	"fmt"
	"strconv"
	"strings"
)

// Schedule places the day's rounds on the clock and the groups at tables.
// Everything in it is optional: without a start, the day is untimed and
// cards show only the minutes from the start of the drill.
type Schedule struct {
	// Start is the clock time the first round starts, such as "09:00".
	Start string `yaml:"start,omitempty" json:"start,omitempty"`
	// Break is the time between one round's end and the next one's start.
	Break Duration `yaml:"break,omitempty" json:"break,omitempty"`
	// Rounds names the rounds (上午, "afternoon"), which a roster's
	// availability column may name, and may give a round its own start.
	Rounds []RoundSlot `yaml:"rounds,omitempty" json:"rounds,omitempty"`
	// Tables are the rooms or tables, one per group in order: group 1
	// sits at the first.
	Tables []string `yaml:"tables,omitempty" json:"tables,omitempty"`
}

// RoundSlot is one round of the schedule: its name, and optionally its own
// start (after lunch, say) in place of the previous round's end plus the
// break.
type RoundSlot struct {
	Name  string `yaml:"name,omitempty" json:"name,omitempty"`
	Start string `yaml:"start,omitempty" json:"start,omitempty"`
}

// MinutesPerDay is the length of a day, in minutes; a clock time is below
// it.
const MinutesPerDay = 24 * 60

// ParseTimeOfDay reads a clock time such as "09:00", "9:00", "14.30" or,
// as Chinese input methods type it, "9：00", as minutes after midnight.
func ParseTimeOfDay(s string) (int, bool) {
	s = strings.TrimSpace(s)
	s = strings.NewReplacer("：", ":", "．", ":", ".", ":").Replace(s)
	h, m, ok := strings.Cut(s, ":")
	if !ok || len(m) != 2 || h == "" || len(h) > 2 {
		return 0, false
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hh < 0 || hh > 23 || mm < 0 || mm > 59 || strings.ContainsAny(h+m, "+-") {
		return 0, false
	}
	return hh*60 + mm, true
}

// TimeOfDay writes minutes after midnight as a clock time, "09:05"; a
// time past midnight wraps, as a clock does.
func TimeOfDay(min int) string {
	min = ((min % MinutesPerDay) + MinutesPerDay) % MinutesPerDay
	return fmt.Sprintf("%02d:%02d", min/60, min%60)
}

// RoundName is the schedule's name of round r (1-based), or "".
func (s *Scenario) RoundName(r int) string {
	if r >= 1 && r <= len(s.Schedule.Rounds) {
		return strings.TrimSpace(s.Schedule.Rounds[r-1].Name)
	}
	return ""
}

// MaxBreak bounds the break between rounds.
const MaxBreak = 4 * 60

// validateSchedule checks the clock times, the break, the round names and
// the tables.
func validateSchedule(s *Scenario, c checker) {
	sc := s.Schedule
	if sc.Start != "" {
		if _, ok := ParseTimeOfDay(sc.Start); !ok {
			c.errorf("schedule.start", "schedule.start: %q is not a clock time; write it as 09:00", sc.Start)
		}
	}
	if sc.Break < 0 {
		c.errorf("schedule.break", "schedule.break: must not be negative")
	} else if sc.Break.Minutes() > MaxBreak {
		c.errorf("schedule.break", "schedule.break: %s is longer than the %d hours a break between rounds may take", sc.Break, MaxBreak/60)
	}
	if len(sc.Rounds) > MaxRounds {
		c.errorf("schedule.rounds", "schedule.rounds: %d rounds; a training day has at most %d", len(sc.Rounds), MaxRounds)
	}
	names := map[string]string{}
	for i, r := range sc.Rounds {
		path := fmt.Sprintf("schedule.rounds[%d]", i)
		if name := NormalizeName(r.Name); name != "" {
			if _, err := strconv.Atoi(name); err == nil {
				c.errorf(path+".name", "%s.name: %q is a number, which an availability column would read as a round's number; give the round a name such as 上午", path, r.Name)
			}
			if first, dup := names[name]; dup {
				c.errorf(path+".name", "%s.name: %q already names another round (at %s)", path, r.Name, first)
			}
			names[name] = c.posOf(path + ".name").String()
		}
		if r.Start != "" {
			if _, ok := ParseTimeOfDay(r.Start); !ok {
				c.errorf(path+".start", "%s.start: %q is not a clock time; write it as 14:00", path, r.Start)
			}
		}
	}
	tables := map[string]string{}
	for i, t := range sc.Tables {
		path := fmt.Sprintf("schedule.tables[%d]", i)
		name := strings.TrimSpace(t)
		if name == "" {
			c.errorf(path, "%s: empty; name the room or table", path)
			continue
		}
		if first, dup := tables[name]; dup {
			c.errorf(path, "%s: %q is already a table (at %s)", path, t, first)
		}
		tables[name] = c.posOf(path).String()
	}
	if len(sc.Tables) > MaxGroups {
		c.errorf("schedule.tables", "schedule.tables: %d tables; a day has at most %d groups", len(sc.Tables), MaxGroups)
	}
}
