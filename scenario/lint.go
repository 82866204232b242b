package scenario

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// The lint's checks: what makes a drill fall flat though the scenario is
// valid.
const (
	// LintUnexercised: a rubric dimension no phase, inject or role exercises.
	LintUnexercised = "unexercised-dimension"
	// LintPassenger: a role no inject reaches and no phase needs.
	LintPassenger = "passenger"
	// LintNoTrade: a confidential brief whose interests meet no other role's.
	LintNoTrade = "no-trade"
	// LintNoZone: bottom lines on one stake that can never meet.
	LintNoZone = "no-zone"
	// LintContradictsFact: a bottom line the public facts rule out.
	LintContradictsFact = "contradicts-fact"
	// LintCannotAct: an inject that lands in a phase where its role does not act.
	LintCannotAct = "inject-cannot-act"
	// LintNoSummingUp: an agenda with no phase that sums up (induction).
	LintNoSummingUp = "no-summing-up"
	// LintNoReadBack: an agenda with no phase that reads back the record.
	LintNoReadBack = "no-read-back"
	// LintMethodSteps: a method's characteristic steps missing or out of order.
	LintMethodSteps = "method-steps"
	// LintCardTooLong: a role card whose text does not fit one printed page
	// (checked by package cards, which lays the card out).
	LintCardTooLong = "card-too-long"
)

// LintChecks are the lint's checks, in the order they are documented
// (the README's table of the lint says what each finds).
var LintChecks = []string{
	LintUnexercised, LintPassenger, LintNoTrade, LintNoZone, LintContradictsFact,
	LintCannotAct, LintNoSummingUp, LintNoReadBack, LintMethodSteps, LintCardTooLong,
}

// Finding is a lint warning before it is placed: its check, what it is
// about (Target, the id of a role, phase, inject, stake or dimension,
// which a lint.ignore entry names), the path of the value to point at, and
// the message with its fix.
type Finding struct {
	Check  string
	Target string
	Path   string
	Text   Message
}

// Lint returns the lint's warnings on s, which must have been parsed
// without errors: every [LintChecks] check but the card's length, whose
// findings package cards makes and the caller passes as extra. Each
// warning carries its check and sits at the value it is about. The
// warnings the scenario's lint.ignore accepts are left out, and an ignore
// entry that accepts nothing is itself a warning.
func Lint(s *Scenario, extra ...Finding) Diagnostics {
	l := linter{s: s}
	l.dimensions()
	l.passengers()
	l.stakes()
	l.injects()
	l.agenda()
	l.found = append(l.found, extra...)

	var diags Diagnostics
	used := make([]bool, len(s.Lint.Ignore))
	for _, f := range l.found {
		if i := ignored(s.Lint.Ignore, f); i >= 0 {
			used[i] = true
			continue
		}
		diags.Add(s.PosOf(f.Path), SeverityWarning, f.Text)
		diags[len(diags)-1].Check = f.Check
	}
	for i, ig := range s.Lint.Ignore {
		if !used[i] {
			path := fmt.Sprintf("lint.ignore[%d]", i)
			diags.Warnf(s.PosOf(path), "%s: no %s warning here to ignore; remove the entry", path, ig.Check)
		}
	}
	diags.Sort()
	return diags
}

// ignored returns the index of the first ignore entry that accepts f, or -1.
func ignored(ignores []LintIgnore, f Finding) int {
	for i, ig := range ignores {
		if ig.Check == f.Check && (ig.Target == "" || ig.Target == f.Target) {
			return i
		}
	}
	return -1
}

type linter struct {
	s     *Scenario
	found []Finding
}

func (l *linter) add(check, target, path, format string, args ...any) {
	l.found = append(l.found, Finding{Check: check, Target: target, Path: path, Text: Msg(format, args...)})
}

// dimensions finds rubric dimensions that nothing in the drill exercises.
func (l *linter) dimensions() {
	s := l.s
	if s.Rubric.Rubric == nil {
		return
	}
	exercised := map[string]bool{}
	for _, p := range s.Agenda {
		for _, d := range p.Dimensions {
			exercised[d] = true
		}
	}
	for _, in := range s.Injects {
		for _, d := range in.Exercises {
			exercised[d] = true
		}
	}
	for _, r := range s.Roles {
		for _, d := range r.Exercises {
			exercised[d] = true
		}
	}
	for _, d := range s.Rubric.Rubric.Dimensions {
		if !exercised[d.ID] {
			l.add(LintUnexercised, d.ID, "rubric", "rubric: dimension %q is exercised by no phase, inject or role, so reviewers will score it without evidence; add it to the dimensions of the phase that calls for it, or to an inject's exercises", d.ID)
		}
	}
}

// needed tells whether a phase needs role r: it leads the phase, or the
// phase involves it by id or function.
func needed(p Phase, r Role) bool {
	return p.LedBy == r.ID || slices.Contains(p.Involves, r.ID) || slices.Contains(p.Involves, r.Function)
}

// acts tells whether role r acts in phase p: a phase that names whom it
// involves, or reads back the record, is theirs (and its leader's, and in a
// read-back the recorder's); any other phase is open to every role.
func acts(p Phase, r Role) bool {
	switch {
	case len(p.Involves) > 0:
		return needed(p, r)
	case p.Step == StepReadBack:
		return p.LedBy == r.ID || r.Function == FunctionRecorder
	}
	return true
}

// passengers finds roles with nothing to do: no inject reaches them and
// no phase needs them. Observers watch by design.
func (l *linter) passengers() {
	s := l.s
	for i, r := range s.Roles {
		if r.Function == FunctionObserver {
			continue
		}
		busy := slices.ContainsFunc(s.Injects, func(in Inject) bool { return slices.Contains(in.To, r.ID) }) ||
			slices.ContainsFunc(s.Agenda, func(p Phase) bool { return needed(p, r) })
		if !busy {
			l.add(LintPassenger, r.ID, fmt.Sprintf("roles[%d]", i), "roles[%d]: role %q has no inject and no phase that needs it, so its player may sit the drill out; aim an inject at it, or name it (or %s) in the involves of a phase it should speak in", i, r.ID, r.Function)
		}
	}
}

// stakes checks that confidential briefs meet: each stakeholder's
// interests share a stake with another role, bottom lines on a stake can
// meet, and none is ruled out by the public facts.
func (l *linter) stakes() {
	s := l.s
	first := -1
	for i, r := range s.Roles {
		if r.Function == FunctionStakeholder && strings.TrimSpace(r.Confidential) != "" {
			first = i
			break
		}
	}
	if first < 0 {
		return
	}
	if len(s.Stakes) == 0 {
		l.add(LintNoTrade, "", fmt.Sprintf("roles[%d].confidential", first), "roles[%d].confidential: the scenario lists no stakes, so nothing shows where the confidential briefs meet; list what the parties can trade under stakes, and each role's interests and bottom lines under its stakes", first)
		return
	}
	holders := map[string][]int{} // stake -> roles with an interest in it
	for i, r := range s.Roles {
		for _, rs := range r.Stakes {
			holders[rs.Stake] = append(holders[rs.Stake], i)
		}
	}
	for i, st := range s.Stakes {
		if len(holders[st.ID]) == 0 {
			l.add(LintNoTrade, st.ID, fmt.Sprintf("stakes[%d]", i), "stakes[%d]: no role has an interest in stake %q; name it in the stakes of the roles it matters to, or remove it", i, st.ID)
		}
	}
	for i, r := range s.Roles {
		if r.Function != FunctionStakeholder || strings.TrimSpace(r.Confidential) == "" {
			continue
		}
		path := fmt.Sprintf("roles[%d]", i)
		if len(r.Stakes) == 0 {
			l.add(LintNoTrade, r.ID, path+".confidential", "%s.confidential: role %q names no stake its interests bear on, so the lint cannot tell whether it has anything to trade; list them under the role's stakes", path, r.ID)
			continue
		}
		shared := slices.ContainsFunc(r.Stakes, func(rs RoleStake) bool { return len(holders[rs.Stake]) > 1 })
		if !shared {
			l.add(LintNoTrade, r.ID, path+".stakes", "%s.stakes: role %q's interests overlap no other role's, so it has nothing to trade; give another role an interest in one of its stakes, or this role one in theirs", path, r.ID)
		}
	}
	for i, st := range s.Stakes {
		l.zone(st, holders[st.ID])
		l.facts(i, st)
	}
}

// zone finds two roles whose bottom lines on st can never meet: one
// accepts no less than the other's most.
func (l *linter) zone(st Stake, holders []int) {
	s := l.s
	floor, ceil := -1, -1
	var floorJ, ceilJ int
	for _, i := range holders {
		for j, rs := range s.Roles[i].Stakes {
			if rs.Stake != st.ID {
				continue
			}
			if rs.Min != nil && (floor < 0 || *rs.Min > *s.Roles[floor].Stakes[floorJ].Min) {
				floor, floorJ = i, j
			}
		}
	}
	if floor < 0 {
		return
	}
	lo := *s.Roles[floor].Stakes[floorJ].Min
	for _, i := range holders {
		if i == floor {
			continue
		}
		for j, rs := range s.Roles[i].Stakes {
			if rs.Stake == st.ID && rs.Max != nil && *rs.Max < lo && (ceil < 0 || *rs.Max < *s.Roles[ceil].Stakes[ceilJ].Max) {
				ceil, ceilJ = i, j
			}
		}
	}
	if ceil < 0 {
		return
	}
	hi := *s.Roles[ceil].Stakes[ceilJ].Max
	path := fmt.Sprintf("roles[%d].stakes[%d].min", floor, floorJ)
	l.add(LintNoZone, st.ID, path, "%s: bottom lines on stake %q cannot meet: role %q accepts no less than %s, role %q no more than %s; lower one, or leave a gap another stake can bridge", path, st.ID, s.Roles[floor].ID, amount(lo, st.Unit), s.Roles[ceil].ID, amount(hi, st.Unit))
}

// facts finds bottom lines outside the range the public facts give st.
func (l *linter) facts(k int, st Stake) {
	s := l.s
	if st.Min == nil && st.Max == nil {
		return
	}
	source := Msg("the range of stakes[%d]", k)
	if st.Fact > 0 {
		source = Msg("public fact %d", st.Fact)
	}
	for i, r := range s.Roles {
		for j, rs := range r.Stakes {
			if rs.Stake != st.ID {
				continue
			}
			path := fmt.Sprintf("roles[%d].stakes[%d]", i, j)
			if rs.Min != nil && st.Max != nil && *rs.Min > *st.Max {
				l.add(LintContradictsFact, r.ID, path+".min", "%s.min: role %q will take no less than %s of %q, but %s allows at most %s; lower the bottom line or change the fact", path, r.ID, amount(*rs.Min, st.Unit), st.ID, source, amount(*st.Max, st.Unit))
			}
			if rs.Max != nil && st.Min != nil && *rs.Max < *st.Min {
				l.add(LintContradictsFact, r.ID, path+".max", "%s.max: role %q will take no more than %s of %q, but %s sets at least %s; raise the bottom line or change the fact", path, r.ID, amount(*rs.Max, st.Unit), st.ID, source, amount(*st.Min, st.Unit))
			}
		}
	}
}

// currencyOf is the currency sign a unit starts with ("¥ per flat"), or "".
func currencyOf(unit string) string {
	for _, c := range []string{"¥", "￥", "£", "$", "€"} {
		if strings.HasPrefix(unit, c) {
			return c
		}
	}
	return ""
}

// amount formats a value with its unit as people write sums: thousands
// apart ("35,000"), a currency sign before the number ("¥35,000 per
// flat", "£450"), any other unit after it ("8 m", "3000 元" as "3,000 元").
func amount(v float64, unit string) string {
	n := strconv.FormatFloat(v, 'f', -1, 64)
	sign := ""
	if strings.HasPrefix(n, "-") {
		sign, n = "-", n[1:]
	}
	whole, frac, _ := strings.Cut(n, ".")
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	n = sign + whole
	if frac != "" {
		n += "." + frac
	}
	if c := currencyOf(unit); c != "" {
		if rest, ok := strings.CutPrefix(unit, c); ok {
			if len(frac) == 1 { // money has pence: £3.50, not £3.5
				n += "0"
			}
			return strings.TrimRight(c+n+" "+strings.TrimSpace(rest), " ")
		}
	}
	if unit == "" {
		return n
	}
	return n + " " + unit
}

// injects finds injects that land in a phase where a role they are aimed
// at does not act.
func (l *linter) injects() {
	s := l.s
	slots := s.Timetable()
	if len(slots) == 0 {
		return
	}
	last := slots[len(slots)-1]
	for i, in := range s.Injects {
		path := fmt.Sprintf("injects[%d].at", i)
		// An ignore names the inject by its id or, having none, by the role.
		target := func(role string) string { return cmp.Or(in.ID, role) }
		at := in.At.Minutes()
		if at >= last.End {
			// Between the agenda's end and the drill's: no phase runs, and
			// nobody is there to act.
			l.add(LintCannotAct, target(in.To[0]), path, "%s: lands at %s, when the agenda's last phase %q has ended (at %s) and no phase runs; move it into a phase, or lengthen the agenda", path, Clock(at), last.Phase.ID, Clock(last.End))
			continue
		}
		k := slices.IndexFunc(slots, func(sl Slot) bool { return sl.Start <= at && at < sl.End })
		p := slots[k]
		j := slices.IndexFunc(in.To, func(id string) bool {
			r, ok := s.Role(id)
			return ok && !acts(p.Phase, r)
		})
		if j < 0 {
			continue
		}
		id := in.To[j]
		if to := nearestActing(slots, k, in, s); to >= 0 {
			q := slots[to]
			l.add(LintCannotAct, target(id), path, "%s: lands in phase %q (%s–%s), where role %q does not act; move it into phase %q (%s–%s), or name the role in the phase's involves", path, p.Phase.ID, Clock(p.Start), Clock(p.End), id, q.Phase.ID, Clock(q.Start), Clock(q.End))
		} else {
			l.add(LintCannotAct, target(id), path, "%s: lands in phase %q (%s–%s), where role %q does not act; name the role in the phase's involves", path, p.Phase.ID, Clock(p.Start), Clock(p.End), id)
		}
	}
}

// nearestActing is the slot nearest to k in which every role in reaches
// acts, earlier first on a tie, or -1.
func nearestActing(slots []Slot, k int, in Inject, s *Scenario) int {
	for d := 1; d < len(slots); d++ {
		for _, i := range []int{k - d, k + d} {
			if i < 0 || i >= len(slots) {
				continue
			}
			all := true
			for _, id := range in.To {
				if r, ok := s.Role(id); ok && !acts(slots[i].Phase, r) {
					all = false
				}
			}
			if all {
				return i
			}
		}
	}
	return -1
}

// agenda finds a missing summing-up or read-back, and a method's steps
// missing or out of order.
func (l *linter) agenda() {
	s := l.s
	if len(s.Agenda) == 0 {
		return
	}
	sums := slices.ContainsFunc(s.Agenda, func(p Phase) bool {
		return slices.Contains(summingUpSteps, p.Step) || slices.Contains(p.Dimensions, "induction")
	})
	if !sums {
		l.add(LintNoSummingUp, "", "agenda", "agenda: no phase sums up what has been said (induction); add one, such as the host's summary before the decision, with step: summing-up")
	}
	reads := slices.ContainsFunc(s.Agenda, func(p Phase) bool {
		if p.Step == StepReadBack {
			return true
		}
		r, ok := s.Role(p.LedBy)
		return ok && r.Function == FunctionRecorder
	})
	if !reads {
		l.add(LintNoReadBack, "", "agenda", "agenda: no phase reads back the record; end with one led by the recorder, with step: read-back, so the group confirms what it agreed")
	}
	want := MethodSteps[s.Method]
	if len(want) == 0 {
		return
	}
	have := map[string]int{}
	for _, p := range s.Agenda {
		have[p.Step]++
	}
	need := map[string]int{}
	var missing []string
	for _, st := range want {
		need[st]++
		if need[st] > have[st] {
			missing = append(missing, st)
		}
	}
	run := strings.Join(want, " → ")
	if len(missing) > 0 {
		l.add(LintMethodSteps, "", "method", "method: an agenda for %s runs %s, and this one lacks %s; add the phases, or name the step of each phase that does one (such as step: %s)", s.Method, run, strings.Join(missing, " + "), missing[0])
		return
	}
	// The method's steps must come in its order, each as many times in a
	// row as the agenda likes (a third café round, a second breakout), and
	// never back: the first phase that leaves the order is out of place.
	order := slices.Compact(slices.Clone(want))
	j, at := -1, -1 // the step of order reached so far, and the phase that reached it
	for i, p := range s.Agenda {
		if !slices.Contains(order, p.Step) || j >= 0 && p.Step == order[j] {
			continue
		}
		if j+1 < len(order) && p.Step == order[j+1] {
			j, at = j+1, i
			continue
		}
		path := fmt.Sprintf("agenda[%d].step", i)
		if j < 0 {
			l.add(LintMethodSteps, p.ID, path, "%s: phase %q does step %s first, but %s runs %s; reorder the phases", path, p.ID, p.Step, s.Method, run)
		} else {
			l.add(LintMethodSteps, p.ID, path, "%s: phase %q does step %s after %s (phase %q), but %s runs %s; reorder the phases", path, p.ID, p.Step, order[j], s.Agenda[at].ID, s.Method, run)
		}
		return
	}
}
