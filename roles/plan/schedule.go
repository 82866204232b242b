package plan

import (
	"fmt"
	"slices"
	"strings"

	"github.com/yishi-council/yishi/scenario"
)

// Timing is the trainer's choice of clock and tables for a day, given on
// the command line; an unset field takes the scenario's schedule.
type Timing struct {
	// Start is the first round's clock time ("09:00"); "" takes the
	// scenario's schedule.start, and the day is untimed when both are
	// empty. [Untimed] ("none") makes the day untimed whatever the
	// scenario says.
	Start string
	// Break is the minutes between rounds; a negative value takes the
	// scenario's schedule.break.
	Break int
	// Tables are the rooms or tables, one per group; nil takes the
	// scenario's schedule.tables.
	Tables []string
}

// Schedule puts the plan's rounds on the clock and its groups at tables:
// each round's name from the scenario, its start (the scenario's own start
// for the round, else the previous round's end plus the break) and its end
// (the start plus the scenario's duration), and each group's table. It
// stores the choices in the plan's settings, so an amended plan keeps them.
// It fails, wrapping [scenario.ErrInvalid], on a clock time it cannot read,
// a round that would start before the previous one ends or after
// midnight, and fewer tables than groups.
func (p *Plan) Schedule(s *scenario.Scenario, t Timing) error {
	start := strings.TrimSpace(t.Start)
	untimed := IsUntimed(start)
	if untimed {
		start = ""
	} else if start == "" {
		start = strings.TrimSpace(s.Schedule.Start)
	}
	if start == "" && !untimed {
		start = ownStart(s, 1)
	}
	brk := t.Break
	if brk < 0 {
		brk = s.Schedule.Break.Minutes()
	}
	tables := t.Tables
	if tables == nil {
		tables = s.Schedule.Tables
	}
	tables = cleanTables(tables)
	p.Settings.Start, p.Settings.Break, p.Settings.Tables = "", 0, tables
	var problems []scenario.Message
	if brk < 0 || brk > scenario.MaxBreak {
		problems = append(problems, scenario.Msg("a break of %d minutes between rounds is past any sense; give 0 to %d minutes", brk, scenario.MaxBreak))
	}
	if len(tables) > 0 {
		if dup := duplicateTable(tables); dup != "" {
			problems = append(problems, scenario.Msg("table %q is named twice; each group needs a table of its own", dup))
		}
		for _, rd := range p.Rounds {
			if len(rd.Groups) > len(tables) {
				problems = append(problems, scenario.Msg("round %d has %d groups but only %d tables are named (%s); name one table per group", rd.Round, len(rd.Groups), len(tables), strings.Join(tables, ", ")))
				break
			}
		}
	}
	clock := -1
	if start != "" {
		m, ok := scenario.ParseTimeOfDay(start)
		if !ok {
			problems = append(problems, scenario.Msg("start %q is not a clock time; write it as 09:00", start))
		} else {
			clock = m
			p.Settings.Start, p.Settings.Break = scenario.TimeOfDay(m), brk
		}
	}
	length := s.Duration.Minutes()
	for i := range p.Rounds {
		rd := &p.Rounds[i]
		rd.Name = s.RoundName(rd.Round)
		rd.Start, rd.End = "", ""
		for gi := range rd.Groups {
			rd.Groups[gi].Table = ""
			if gi < len(tables) {
				rd.Groups[gi].Table = tables[gi]
			}
		}
		if clock < 0 || len(problems) > 0 {
			continue
		}
		at := clock
		if i > 0 {
			at += brk
		}
		if own := ownStart(s, rd.Round); own != "" && i > 0 {
			m, ok := scenario.ParseTimeOfDay(own)
			if !ok {
				problems = append(problems, scenario.Msg("round %d: start %q is not a clock time; write it as 14:00", rd.Round, own))
				continue
			}
			if m < clock {
				problems = append(problems, scenario.Msg("round %d would start at %s, before round %d ends at %s", rd.Round, scenario.TimeOfDay(m), rd.Round-1, scenario.TimeOfDay(clock)))
				continue
			}
			at = m
		}
		end := at + length
		if end > scenario.MinutesPerDay {
			problems = append(problems, scenario.Msg("round %d would end after midnight (%s plus %d minutes); start the day earlier or shorten the breaks", rd.Round, scenario.TimeOfDay(at), length))
			continue
		}
		rd.Start, rd.End = scenario.TimeOfDay(at), scenario.TimeOfDay(end)
		clock = end
	}
	if len(problems) > 0 {
		for i := range p.Rounds {
			p.Rounds[i].Start, p.Rounds[i].End = "", ""
		}
		p.Settings.Start, p.Settings.Break = "", 0
		m := problems[0]
		for _, x := range problems[1:] {
			m = scenario.Msg("%s; %s", m, x)
		}
		return scenario.Invalid(m)
	}
	return nil
}

// Untimed is the start that makes a day untimed, whatever its scenario's
// schedule says; IsUntimed also knows it in Chinese.
const Untimed = "none"

// IsUntimed reports whether start asks for an untimed day: "none", "无" or
// "不排".
func IsUntimed(start string) bool {
	switch strings.ToLower(strings.TrimSpace(start)) {
	case Untimed, "无", "不排", "不排时间":
		return true
	}
	return false
}

func ownStart(s *scenario.Scenario, r int) string {
	if r >= 1 && r <= len(s.Schedule.Rounds) {
		return strings.TrimSpace(s.Schedule.Rounds[r-1].Start)
	}
	return ""
}

// cleanTables trims the table names and drops empty ones, as a list typed
// as "A1, A2,,A3" means.
func cleanTables(in []string) []string {
	var out []string
	for _, t := range in {
		if t = scenario.OneLine(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func duplicateTable(tables []string) string {
	seen := map[string]bool{}
	for _, t := range tables {
		if seen[t] {
			return t
		}
		seen[t] = true
	}
	return ""
}

// Timed reports whether the round has clock times.
func (r *Round) Timed() bool { return r.Start != "" }

// Clock is the clock time at offset minutes into the round ("09:20"), or
// "" on an untimed day.
func (r *Round) Clock(offset int) string {
	start, ok := scenario.ParseTimeOfDay(r.Start)
	if !ok {
		return ""
	}
	return scenario.TimeOfDay(start + offset)
}

// Span is the clock times from offset a to offset b into the round,
// "09:20–09:35", or "" on an untimed day.
func (r *Round) Span(a, b int) string {
	if !r.Timed() {
		return ""
	}
	return r.Clock(a) + "–" + r.Clock(b)
}

// Member returns the member with the id, and their group.
func (r *Round) Member(id string) (Member, *Group, bool) {
	for gi := range r.Groups {
		for _, m := range r.Groups[gi].Members {
			if m.ID == id {
				return m, &r.Groups[gi], true
			}
		}
	}
	return Member{}, nil, false
}

// GroupID identifies group g of round r as its scoresheets know it: the
// first 12 hex digits of the SHA-256 of the scenario's id and digest, the
// round and group numbers, and each member's id, name and role. It stays
// the same while those do, whatever else of the plan changes (another
// group, a table, the clock), so a sheet made before an amendment stays
// good for a group the amendment left alone. It is "" for a group the plan
// does not have.
func (p *Plan) GroupID(round, group int) string {
	g, ok := p.Group(round, group)
	if !ok {
		return ""
	}
	lines := make([]string, 0, len(g.Members))
	for _, m := range g.Members {
		lines = append(lines, fmt.Sprintf("%q %q %q", m.ID, m.Name, m.Role))
	}
	slices.Sort(lines)
	head := fmt.Sprintf("yishi group\n%q %q\nround %d group %d\n", p.Scenario.ID, p.Scenario.SHA256, round, group)
	return Digest([]byte(head + strings.Join(lines, "\n")))[:12]
}
