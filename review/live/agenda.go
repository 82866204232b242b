package live

import (
	"fmt"
	"time"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// Agenda is what the console needs of the scenario: the agenda phases with
// their timeboxes and the injects with their times.
type Agenda struct {
	Phases  []Phase  `json:"phases"`
	Injects []Inject `json:"injects"`
}

// Phase is one agenda phase and its timebox.
type Phase struct {
	ID      string        `json:"id"`
	Title   string        `json:"title"`
	LedBy   string        `json:"led_by,omitempty"`
	Planned time.Duration `json:"planned"`
}

// Inject is one inject of the scenario: when it is due in drill time, the
// roles it is aimed at, its text, and whether the room releases it by
// itself when it is due (Auto) or waits for the trainer.
type Inject struct {
	ID   string        `json:"id"`
	At   time.Duration `json:"at"`
	To   []string      `json:"to"`
	Text string        `json:"text"`
	Auto bool          `json:"auto,omitempty"`
}

// AgendaOf takes the agenda and the injects of the scenario. An inject
// without an id gets [InjectID] of its place in the scenario.
func AgendaOf(s *scenario.Scenario) Agenda {
	var a Agenda
	for _, p := range s.Agenda {
		a.Phases = append(a.Phases, Phase{
			ID: p.ID, Title: p.Title, LedBy: p.LedBy,
			Planned: time.Duration(p.Minutes) * time.Minute,
		})
	}
	for i, in := range s.Injects {
		id := in.ID
		if id == "" {
			id = InjectID(i)
		}
		a.Injects = append(a.Injects, Inject{
			ID: id, At: time.Duration(in.At), To: in.To, Text: in.Text,
			Auto: in.Release == scenario.ReleaseAuto,
		})
	}
	return a
}

// InjectID is the id of the scenario's inject at index i (from 0) when
// the scenario gives it none: "inject-1" for the first.
func InjectID(i int) string { return fmt.Sprintf("inject-%d", i+1) }

// Planned is the sum of the phases' timeboxes.
func (a Agenda) Planned() time.Duration {
	var d time.Duration
	for _, p := range a.Phases {
		d += p.Planned
	}
	return d
}

// Inject finds the inject with the given id.
func (a Agenda) Inject(id string) (Inject, bool) {
	for _, in := range a.Injects {
		if in.ID == id {
			return in, true
		}
	}
	return Inject{}, false
}

// Member is a trainee in a group, with the role they play.
type Member struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Role string `json:"role"`
}

// Team is who is in one group of one round; the room builds it from the
// plan.
type Team struct {
	Round   int      `json:"round"`
	Group   int      `json:"group"`
	Members []Member `json:"members"`
}

// Member finds the member with the given trainee id.
func (t Team) Member(id string) (Member, bool) {
	for _, m := range t.Members {
		if m.ID == id {
			return m, true
		}
	}
	return Member{}, false
}

// TeamOf is group g of round n as the log knows it: its members, each with
// the id of their role.
func TeamOf(n int, g *plan.Group) Team {
	t := Team{Round: n, Group: g.Group}
	for _, m := range g.Members {
		t.Members = append(t.Members, Member{ID: m.ID, Name: m.Name, Role: m.Role})
	}
	return t
}

// Hosts are the ids of the team's members whose role hosts the council in
// scenario s.
func (t Team) Hosts(s *scenario.Scenario) []string {
	var out []string
	for _, m := range t.Members {
		if r, ok := s.Role(m.Role); ok && r.Function == scenario.FunctionHost {
			out = append(out, m.ID)
		}
	}
	return out
}

// Speakers is the team without its observers, whose role, in scenario s,
// watches the council rather than speaks in it: the members whose talk
// is measured.
func (t Team) Speakers(s *scenario.Scenario) Team {
	out := Team{Round: t.Round, Group: t.Group}
	for _, m := range t.Members {
		if r, ok := s.Role(m.Role); ok && r.Function == scenario.FunctionObserver {
			continue
		}
		out.Members = append(out.Members, m)
	}
	return out
}
