package drilllog

import (
	"errors"
	"fmt"
	"strings"

	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// Check checks the log against the plan and the scenario, every problem at
// its place: the plan's and the scenario's ids when the log gives them, its
// round and group, the members of turns, interruptions and summaries, the
// phases (by number or id) and injects, and, in time order, the phases'
// starts and ends and the pauses. It turns a phase given by its id into its
// number, so that it is called before the log is measured. p and s may be
// nil: what needs them is then left unchecked.
func Check(l *Log, p *plan.Plan, s *scenario.Scenario) scenario.Diagnostics {
	var diags scenario.Diagnostics
	if l == nil {
		return diags
	}
	var a live.Agenda
	if s != nil {
		a = live.AgendaOf(s)
	}
	if p != nil {
		l.checkPlan(p, s, &diags)
	}
	// A log of another scenario is said so once, by checkPlan; its
	// phases and injects are not checked one by one against an agenda
	// they were never of.
	if s != nil && (l.Scenario == "" || l.Scenario == s.ID) {
		l.checkAgenda(a, &diags)
	}
	l.checkPhases(&diags)
	l.checkPauses(&diags)
	diags.Cap(scenario.MaxProblemsPerFile)
	return diags
}

// checkPlan checks the ids, the round and group and the members.
func (l *Log) checkPlan(p *plan.Plan, s *scenario.Scenario, diags *scenario.Diagnostics) {
	// A log of a round or group the plan lacks is said so below, once;
	// a log of another plan's group is said so here, and its members are
	// not checked one by one against a group they were never in.
	otherPlan := false
	gid := p.GroupID(l.Round, l.Group)
	switch {
	case l.Plan == "" || l.Plan == p.ID() || l.Plan == gid:
	case l.Version < 2:
		// A version 1 file names the whole plan: said once for all its
		// groups (the same message at the same place is said once).
		f := l.topAt("plan")
		diags.Errorf(f.pos, "%s: the log is of plan %q, but the plan given is %q; give the plan the log was written for", f.name, l.Plan, p.ID())
		otherPlan = true
	case gid != "":
		f := l.topAt("plan")
		diags.Errorf(f.pos, "%s: the log is of %q, but round %d, group %d of the plan given is %q: the log is of another plan, or the group has changed since; give the plan the log was written for", f.name, l.Plan, l.Round, l.Group, gid)
		otherPlan = true
	}
	sid := p.Scenario.ID
	if s != nil {
		sid = s.ID
	}
	if l.Scenario != "" && l.Scenario != sid {
		f := l.topAt("scenario")
		diags.Errorf(f.pos, "%s: the log is of scenario %q, but the plan is of scenario %q", f.name, l.Scenario, sid)
	}
	type key struct{ r, g int }
	bad := map[key]bool{}
	for i, e := range l.Entries {
		k := key{e.Round, e.Group}
		if k.r == 0 || k.g == 0 || bad[k] {
			continue
		}
		// Where the round and group were written: at the top of a
		// version 2 file, on each entry of a version 1 file (which Split
		// gives a round and group of its own).
		round, group := l.at(i, "round"), l.at(i, "group")
		if _, top := l.top["round"]; top {
			round, group = l.topAt("round"), l.topAt("group")
		}
		if err := p.CheckRound(k.r); err != nil {
			bad[k] = true
			var me *scenario.MessageError
			if errors.As(err, &me) {
				diags.Add(round.pos, scenario.SeverityError, me.Text)
			}
			continue
		}
		rd, _ := p.Round(k.r)
		g, ok := rd.Group(k.g)
		if !ok {
			bad[k] = true
			diags.Errorf(group.pos, "round %d of the plan has no group %d (it has groups 1–%d)", k.r, k.g, len(rd.Groups))
			continue
		}
		if e.Member == "" || otherPlan {
			continue
		}
		if _, in := memberOf(g, e.Member); !in {
			f := l.at(i, "member")
			if m, ok := memberNamed(g, e.Member); ok {
				if strings.EqualFold(m.ID, e.Member) {
					diags.Errorf(f.pos, "%s: %q: write the id as the plan has it, %s", f.name, e.Member, m.ID)
				} else {
					diags.Errorf(f.pos, "%s: %q is a name; write the member's id, %s", f.name, e.Member, m.ID)
				}
				continue
			}
			diags.Errorf(f.pos, "%s: %q is not in round %d, group %d; its members are %s", f.name, e.Member, k.r, k.g, memberList(g))
		}
	}
}

// memberNamed is the member of g whose name is name, or whose id is name
// in another case (t01 for T01).
func memberNamed(g *plan.Group, name string) (plan.Member, bool) {
	for _, m := range g.Members {
		if (m.Name != "" && m.Name == strings.TrimSpace(name)) || strings.EqualFold(m.ID, name) {
			return m, true
		}
	}
	return plan.Member{}, false
}

func memberOf(g *plan.Group, id string) (plan.Member, bool) {
	for _, m := range g.Members {
		if m.ID == id {
			return m, true
		}
	}
	return plan.Member{}, false
}

// memberList names a group's members for a message: "t01 王芳, t02 李强".
func memberList(g *plan.Group) string {
	parts := make([]string, len(g.Members))
	for i, m := range g.Members {
		parts[i] = strings.TrimSpace(m.ID + " " + m.Name)
	}
	return strings.Join(parts, ", ")
}

// checkAgenda turns phases given by id into numbers and checks that every
// phase and inject is the scenario's.
func (l *Log) checkAgenda(a live.Agenda, diags *scenario.Diagnostics) {
	phases := make([]string, len(a.Phases))
	for i, ph := range a.Phases {
		phases[i] = fmt.Sprintf("%d %s", i+1, ph.ID)
	}
	injects := make([]string, len(a.Injects))
	for i, in := range a.Injects {
		injects[i] = in.ID
	}
	for i := range l.Entries {
		e := &l.Entries[i]
		if ref := l.places[i].phase; ref != "" {
			for n, ph := range a.Phases {
				if ph.ID == ref {
					e.Phase = n + 1
				}
			}
			if e.Phase == 0 {
				f := l.at(i, "phase")
				diags.Errorf(f.pos, "%s: the agenda has no phase %q; its phases are %s", f.name, ref, strings.Join(phases, ", "))
			}
		} else if e.Phase > len(a.Phases) {
			f := l.at(i, "phase")
			diags.Errorf(f.pos, "%s: the agenda has no phase %d; its phases are %s", f.name, e.Phase, strings.Join(phases, ", "))
			e.Phase = 0
		}
		if e.Inject != "" {
			if _, ok := a.Inject(e.Inject); !ok {
				f := l.at(i, "inject")
				list := strings.Join(injects, ", ")
				if list == "" {
					diags.Errorf(f.pos, "%s: the scenario has no inject %q; it has no injects", f.name, e.Inject)
				} else {
					diags.Errorf(f.pos, "%s: the scenario has no inject %q; its injects are %s", f.name, e.Inject, list)
				}
			}
		}
	}
}

// checkPhases checks, in time order, that each phase starts once, ends
// at most once and after it starts, and ends before the next starts.
// Phases given by an id no agenda resolved are left out.
func (l *Log) checkPhases(diags *scenario.Diagnostics) {
	type span struct {
		start, end int // entry indexes, -1 when not logged
	}
	spans := map[int]*span{}
	var started []int // phases in order of their start
	released := map[string]int{}
	for _, i := range l.order() {
		e := l.Entries[i]
		if e.Kind == live.KindInject && e.Inject != "" {
			if j, twice := released[e.Inject]; twice {
				f := l.at(i, "inject")
				// The room may log a trainer's release and its own
				// automatic one; the first counts, as in the room.
				diags.Warnf(f.pos, "%s: inject %q is released again; the release in %s counts", f.name, e.Inject, l.places[j].name)
			} else {
				released[e.Inject] = i
			}
		}
		if e.Phase == 0 || e.At.IsZero() || (e.Kind != live.KindPhaseStart && e.Kind != live.KindPhaseEnd) {
			continue
		}
		sp := spans[e.Phase]
		if sp == nil {
			sp = &span{start: -1, end: -1}
			spans[e.Phase] = sp
		}
		f := l.at(i, "phase")
		switch e.Kind {
		case live.KindPhaseStart:
			if sp.start >= 0 {
				diags.Errorf(f.pos, "%s: phase %d is started twice: also in %s", f.name, e.Phase, l.places[sp.start].name)
				continue
			}
			sp.start = i
			started = append(started, e.Phase)
		case live.KindPhaseEnd:
			if sp.end >= 0 {
				diags.Errorf(f.pos, "%s: phase %d is ended twice: also in %s", f.name, e.Phase, l.places[sp.end].name)
				continue
			}
			sp.end = i
		}
	}
	for n, sp := range spans {
		if sp.end < 0 {
			continue
		}
		f := l.at(sp.end, "at")
		end := l.Entries[sp.end].At
		if sp.start < 0 {
			diags.Errorf(f.pos, "%s: phase %d ends but never starts; add its phase_start", l.places[sp.end].name, n)
			continue
		}
		if start := l.Entries[sp.start].At; end.Before(start) {
			diags.Errorf(f.pos, "%s: phase %d ends at %s, before it starts at %s", f.name, n, shown(end), shown(start))
		}
	}
	for k := 0; k+1 < len(started); k++ {
		sp, next := spans[started[k]], spans[started[k+1]]
		if sp.end < 0 {
			continue
		}
		end, nextStart := l.Entries[sp.end].At, l.Entries[next.start].At
		if end.After(nextStart) && !end.Before(l.Entries[sp.start].At) {
			f := l.at(sp.end, "at")
			diags.Errorf(f.pos, "%s: phase %d ends at %s, after phase %d starts at %s; phases do not overlap: end it by then", f.name, started[k], shown(end), started[k+1], shown(nextStart))
		}
	}
}

// checkPauses checks, in time order, that each resume follows a pause
// and no pause comes while the group is paused. The pause and resume the
// room logs for an outage keep their own times and are left out.
func (l *Log) checkPauses(diags *scenario.Diagnostics) {
	unresumed := func(i int) {
		diags.Warnf(l.at(i, "kind").pos, "%s: a pause with no resume; the measures take the clock as running again at the next phase's start or end: log the resume if it came earlier", l.places[i].name)
	}
	paused, closed := -1, false
	for _, i := range l.order() {
		e := l.Entries[i]
		if e.Text == live.OutageText && e.By == live.BySystem || e.At.IsZero() {
			continue
		}
		switch e.Kind {
		case live.KindPhaseStart, live.KindPhaseEnd:
			// The phase moving on means the clock ran again, as the
			// measures take it; a resume logged later is let be.
			if paused >= 0 && e.At.After(l.Entries[paused].At) {
				unresumed(paused)
				paused, closed = -1, true
			}
		case live.KindPause:
			if paused >= 0 {
				diags.Errorf(l.at(i, "kind").pos, "%s: a pause while the group is paused since %s; log the resume before it, or delete it", l.places[i].name, shown(l.Entries[paused].At))
				continue
			}
			paused, closed = i, false
		case live.KindResume:
			if paused < 0 && closed {
				closed = false
				continue
			}
			if paused < 0 {
				diags.Errorf(l.at(i, "kind").pos, "%s: a resume with no pause before it; log the pause, or delete it", l.places[i].name)
				continue
			}
			paused = -1
		}
	}
	if paused >= 0 {
		unresumed(paused)
	}
}
