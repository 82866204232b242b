package cards

import (
	"reflect"
	"slices"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// ChangedCardsName is the base name of the file of every changed card,
// for printing, among the files [ChangedFiles] returns.
const ChangedCardsName = "changed-cards"

// The kinds of [Reason] a trainee's card differs between two plans.
const (
	// ChangeNew is a trainee who was not in the round in the old plan: a
	// walk-in, or one who now attends it.
	ChangeNew = "new"
	// ChangeMoved is a trainee who sits in another group.
	ChangeMoved = "moved"
	// ChangeTable is a group at another table.
	ChangeTable = "table"
	// ChangeRole is a trainee who plays another role.
	ChangeRole = "role"
	// ChangeMembers is a group whose other members (ids, names, units,
	// roles) differ.
	ChangeMembers = "members"
	// ChangeClock is a round whose name or clock times differ.
	ChangeClock = "clock"
	// ChangeVoid is a trainee who was in the round and is no longer: their
	// card is void and there is no new one.
	ChangeVoid = "void"
	// ChangeOther is a card that differs in anything else it shows, such
	// as the trainee's own name or unit as the plan spells it.
	ChangeOther = "other"
)

// Change is a trainee whose card for a round differs between two plans,
// and why.
type Change struct {
	Round     int    `json:"round"`
	TraineeID string `json:"trainee_id"`
	Name      string `json:"name"`
	// Group is the trainee's group in the new plan, 0 for a void card;
	// OldGroup their group in the old plan, 0 for a new one.
	Group    int      `json:"group"`
	OldGroup int      `json:"old_group"`
	Reasons  []Reason `json:"reasons"`
}

// Void reports whether the trainee has no card in the round any more.
func (c Change) Void() bool { return c.Group == 0 }

// Reason is one way a card differs: a kind for programs (ChangeMoved, …)
// and a message in English for a catalogue to print in the reader's
// language.
type Reason struct {
	Kind    string           `json:"kind"`
	Message scenario.Message `json:"-"`
	Text    string           `json:"text"`
}

func reason(kind string, m scenario.Message) Reason {
	return Reason{Kind: kind, Message: m, Text: m.String()}
}

// ChangedSince returns the trainees whose card differs between old and
// cur, two plans of one scenario, in every round or in one round when
// round is above zero: round by round, in cur's order, then the void
// cards in old's order. A card differs when anything it shows does: the
// trainee's seat (group, table), role, the group's members (ids, names,
// units, roles) or the round's clock. Both plans are read against s, so a
// change to the scenario's own text is not seen: that reprints every card.
// It fails, wrapping [scenario.ErrInvalid], when the plans are of two
// scenarios or round is not a round of cur.
func ChangedSince(old, cur *plan.Plan, s *scenario.Scenario, round int) ([]Change, error) {
	if old.Scenario.ID != cur.Scenario.ID {
		return nil, scenario.Invalid(scenario.Msg("the old plan was made for scenario %q and the new one for %q; only cards of one scenario can be compared", old.Scenario.ID, cur.Scenario.ID))
	}
	if err := cur.CheckRound(round); err != nil {
		return nil, err
	}
	type key struct {
		round int
		id    string
	}
	oldDeck, curDeck := Build(old, s, round), Build(cur, s, round)
	before, after := map[key]Card{}, map[key]bool{}
	rounds := []int{}
	for _, c := range oldDeck {
		before[key{c.Round, c.TraineeID}] = c
		if !slices.Contains(rounds, c.Round) {
			rounds = append(rounds, c.Round)
		}
	}
	for _, c := range curDeck {
		after[key{c.Round, c.TraineeID}] = true
		if !slices.Contains(rounds, c.Round) {
			rounds = append(rounds, c.Round)
		}
	}
	slices.Sort(rounds)
	var changes []Change
	for _, r := range rounds {
		for _, c := range curDeck {
			if c.Round != r {
				continue
			}
			ch := Change{Round: r, TraineeID: c.TraineeID, Name: c.Name, Group: c.Group}
			was, ok := before[key{r, c.TraineeID}]
			switch {
			case !ok:
				ch.Reasons = []Reason{reason(ChangeNew, scenario.Msg("new in round %d", r))}
			case reflect.DeepEqual(was, c):
				continue
			default:
				ch.OldGroup, ch.Reasons = was.Group, cardReasons(was, c)
			}
			changes = append(changes, ch)
		}
		for _, c := range oldDeck {
			if c.Round == r && !after[key{r, c.TraineeID}] {
				changes = append(changes, Change{Round: r, TraineeID: c.TraineeID, Name: c.Name, OldGroup: c.Group,
					Reasons: []Reason{voidReason(cur, r, c.TraineeID)}})
			}
		}
	}
	return changes, nil
}

// voidReason says why a trainee of the old plan has no card in round r of
// the new one.
func voidReason(p *plan.Plan, r int, id string) Reason {
	if rd, ok := p.Round(r); ok {
		for _, o := range rd.Out {
			if o.ID == id && o.Reason == plan.OutAbsent {
				return reason(ChangeVoid, scenario.Msg("absent: card void"))
			}
		}
	}
	return reason(ChangeVoid, scenario.Msg("not in round %d any more: card void", r))
}

// cardReasons says how two cards of one trainee for one round differ.
func cardReasons(was, now Card) []Reason {
	var out []Reason
	if was.Group != now.Group {
		out = append(out, reason(ChangeMoved, scenario.Msg("moved from group %d to group %d", was.Group, now.Group)))
	}
	switch {
	case was.Table == now.Table:
	case was.Table == "":
		out = append(out, reason(ChangeTable, scenario.Msg("now at table %s", now.Table)))
	case now.Table == "":
		out = append(out, reason(ChangeTable, scenario.Msg("no longer at table %s", was.Table)))
	default:
		out = append(out, reason(ChangeTable, scenario.Msg("table changed from %s to %s", was.Table, now.Table)))
	}
	if r := roleReason(was.Role, now.Role); r != nil {
		out = append(out, *r)
	}
	if !slices.Equal(others(was.Members), others(now.Members)) {
		out = append(out, reason(ChangeMembers, scenario.Msg("group members changed")))
	}
	if was.When() != now.When() || !slices.Equal(clocks(was.Agenda), clocks(now.Agenda)) {
		if was.When() != "" && now.When() != "" {
			out = append(out, reason(ChangeClock, scenario.Msg("the round's time changed from %s to %s", was.When(), now.When())))
		} else {
			out = append(out, reason(ChangeClock, scenario.Msg("the round's time changed")))
		}
	}
	if len(out) == 0 {
		out = append(out, reason(ChangeOther, scenario.Msg("card changed")))
	}
	return out
}

func roleReason(was, now *CardRole) *Reason {
	var r Reason
	switch {
	case was == nil && now == nil:
		return nil
	case was == nil:
		r = reason(ChangeRole, scenario.Msg("role assigned: %s", now.Title))
	case now == nil:
		r = reason(ChangeRole, scenario.Msg("role withdrawn (was %s)", was.Title))
	case was.ID != now.ID:
		r = reason(ChangeRole, scenario.Msg("role changed from %s to %s", was.Title, now.Title))
	default:
		return nil
	}
	return &r
}

// others is a card's member list without its own trainee, as the group's
// other members.
func others(members []CardMember) []CardMember {
	out := make([]CardMember, 0, len(members))
	for _, m := range members {
		if !m.You {
			out = append(out, m)
		}
	}
	return out
}

func clocks(agenda []CardPhase) []string {
	out := make([]string, len(agenda))
	for i, ph := range agenda {
		out[i] = ph.Clock
	}
	return out
}

// ChangedFiles returns the files `yishi cards --changed-since` writes: the
// card of each trainee whose card changed from old to cur ([ChangedSince];
// a void card has none), at the path [Files] gives it for cur, every
// changed card in one file to print (changed-cards.EXT, left out when no
// card changed), and cur's whole deck and master sheet as [Files] ends
// with them, so that a folder of old's cards keeps a deck that matches
// it; with the changes, to list. With a round only that round's, under
// round-R/ as [Files] puts them.
func ChangedFiles(old, cur *plan.Plan, s *scenario.Scenario, round int, format string, opts Options) ([]File, []Change, error) {
	if !ValidFormat(format) {
		return nil, nil, formatError(format)
	}
	if _, err := paperFor(opts.Paper); err != nil {
		return nil, nil, err
	}
	changes, err := ChangedSince(old, cur, s, round)
	if err != nil {
		return nil, nil, err
	}
	changed := map[CardKey]bool{}
	for _, c := range changes {
		if !c.Void() {
			changed[CardKey{Round: c.Round, TraineeID: c.TraineeID}] = true
		}
	}
	var (
		files []File
		deck  []Card
	)
	all := Build(cur, s, round)
	taken := map[string]bool{}
	for _, c := range all {
		// Every card takes its path, so that a changed card's path is the
		// one Files gives it among all of them.
		name := cardPath(c, format, taken)
		if !changed[CardKey{Round: c.Round, TraineeID: c.TraineeID}] {
			continue
		}
		data, err := renderCards([]Card{c}, format, opts, false)
		if err != nil {
			return nil, nil, err
		}
		files = append(files, File{Path: name, Data: data})
		deck = append(deck, c)
	}
	if len(deck) > 0 {
		data, err := RenderCards(deck, format, opts)
		if err != nil {
			return nil, nil, err
		}
		files = append(files, File{Path: collectedPrefix(round) + ChangedCardsName + "." + format, Data: data})
	}
	day, err := collected(cur, s, round, all, format, opts)
	if err != nil {
		return nil, nil, err
	}
	return append(files, day...), changes, nil
}
