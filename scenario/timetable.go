package scenario

import "fmt"

// Slot is one agenda phase placed in time: its start and end in minutes
// from the start of the drill.
type Slot struct {
	Phase      Phase
	Start, End int
}

// Timetable places the agenda's phases one after another from minute 0 of
// the drill. It is the one place that adds up timeboxes: cards, the master
// sheet, the summary and the live console all read it.
func (s *Scenario) Timetable() []Slot {
	out := make([]Slot, len(s.Agenda))
	start := 0
	for i, p := range s.Agenda {
		end := addCapped(start, p.Minutes) // never wraps, even before validation
		out[i] = Slot{Phase: p, Start: start, End: end}
		start = end
	}
	return out
}

// AgendaMinutes is the sum of the agenda's timeboxes.
func (s *Scenario) AgendaMinutes() int {
	if len(s.Agenda) == 0 {
		return 0
	}
	return s.Timetable()[len(s.Agenda)-1].End
}

// Clock formats minutes from the start of the drill as h:mm ("0:05",
// "1:10").
func Clock(min int) string { return fmt.Sprintf("%d:%02d", min/60, min%60) }

// OptionalRecipients returns the roles an inject is aimed at that a group
// may lack (a minimum of 0 per group), in the order the inject names them.
// Such an inject reaches nobody in a group without the role, which the
// trainer should know before the drill.
func (s *Scenario) OptionalRecipients(in Inject) []string {
	var out []string
	for _, id := range in.To {
		if r, ok := s.Role(id); ok && r.MinPerGroup() == 0 {
			out = append(out, id)
		}
	}
	return out
}
