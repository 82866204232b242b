package roles_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// demoPlan is the demo's two-round plan of the sample roster.
func demoPlan(t *testing.T) (*scenario.Scenario, *roster.Roster, *plan.Plan) {
	t.Helper()
	s, r := loadBundled(t, scenarios.DefaultScenario)
	return s, r, assign(t, s, r, roles.AssignOptions{Rounds: 2, Seed: 42, ScenarioSource: "bundled"})
}

// walkIns is a roster of walk-ins like the sample's trainees, with ids
// W01, W02, ... and the backgrounds given.
func walkIns(r *roster.Roster, backgrounds ...string) *roster.Roster {
	out := &roster.Roster{File: "walk-ins.csv", Columns: r.Columns, Numeric: r.Numeric}
	for i, bg := range backgrounds {
		t := r.Trainees[i]
		t.ID = fmt.Sprintf("W%02d", i+1)
		t.Name = fmt.Sprintf("来宾%d", i+1)
		t.Background = bg
		t.Avoid, t.Together, t.Prefers = nil, nil, ""
		t.Pos = scenario.Pos{File: "walk-ins.csv", Line: i + 2}
		out.Trainees = append(out.Trainees, t)
	}
	return out
}

func amend(t *testing.T, s *scenario.Scenario, r *roster.Roster, old *plan.Plan, opts roles.AmendOptions) (*plan.Plan, *roles.AmendReport) {
	t.Helper()
	p, rep, err := roles.Amend(context.Background(), s, r, old, opts)
	require.NoError(t, err)
	return p, rep
}

func marshalRound(t *testing.T, rd plan.Round) string {
	t.Helper()
	p := &plan.Plan{Rounds: []plan.Round{rd}}
	data, err := plan.Marshal(p)
	require.NoError(t, err)
	return string(data)
}

// Two absent and one walk-in in round 1: the amendment moves no more
// seats than the lower bound, a group nobody left or joined keeps its
// members and roles, and the plan says who is out.
func TestAmendAbsentAndWalkIn(t *testing.T) {
	s, r, old := demoPlan(t)
	rd1 := old.Rounds[0]
	// Two absent from different groups, one of them a host.
	host := rd1.Groups[0].Members[0]
	require.Equal(t, "host", host.Role)
	other := rd1.Groups[1].Members[len(rd1.Groups[1].Members)-1]
	opts := roles.AmendOptions{Absent: []string{host.ID, other.ID}, Add: walkIns(r, "resident-rep")}
	p, rep := amend(t, s, r, old, opts)

	require.Len(t, p.Rounds, 2)
	require.Len(t, rep.Rounds, 2)
	assert.Equal(t, rep.LowerBound, rep.Moved, "moved no more than the fewest any amendment could")
	for _, ar := range rep.Rounds {
		assert.Equal(t, ar.LowerBound, ar.Moved, "round %d", ar.Round)
		assert.Positive(t, ar.Diversity)
		assert.Positive(t, ar.Percent)
	}
	require.Len(t, p.Amendments, 1)
	assert.Equal(t, &plan.RosterRef{File: "walk-ins.csv", SHA256: opts.Add.SHA256, Trainees: 1}, p.Amendments[0].Added, "the walk-ins are recorded for a later amendment to read again")
	am := p.Amendments[0]
	assert.Equal(t, old.ID(), am.From)
	assert.Equal(t, 1, am.FromRound)
	assert.Equal(t, slices.Sorted(slices.Values([]string{host.ID, other.ID})), am.Absent)
	assert.Equal(t, rep.Moved, am.Moved)
	assert.Equal(t, rep.LowerBound, am.LowerBound)
	assert.Empty(t, p.Unmet)

	for k, rd := range p.Rounds {
		before := seats(old.Rounds[k])
		after := seats(rd)
		assert.NotContains(t, after, host.ID)
		assert.NotContains(t, after, other.ID)
		assert.Contains(t, after, "W01", "the walk-in sits round %d", k+1)
		require.Len(t, rd.Out, 2)
		assert.Equal(t, plan.OutAbsent, rd.Out[0].Reason)
		assert.True(t, slices.IsSortedFunc(rd.Out, func(a, b plan.Out) int { return compareStrings(a.ID, b.ID) }))
		// Every group keeps a host, and a group whose members are the
		// same keeps every role.
		for gi, g := range rd.Groups {
			assert.Equal(t, "host", g.Members[0].Role, "round %d group %d has its host", k+1, gi+1)
			og := old.Rounds[k].Groups[gi]
			if sameMembers(og, g) {
				for _, m := range g.Members {
					assert.Equal(t, before[m.ID][1], m.Role, "round %d: %s keeps their role in an untouched group", k+1, m.ID)
				}
			}
		}
		moved := 0
		for id, seat := range after {
			if was, ok := before[id]; ok && was[0] != seat[0] {
				moved++
			}
		}
		assert.Equal(t, rep.Rounds[k].Moved, moved, "the report counts the seats moved in round %d", k+1)
	}
	// The changes name the absent and the walk-in, in round order.
	var kinds []roles.ChangeKind
	for _, c := range rep.Changes {
		if c.Round == 1 {
			kinds = append(kinds, c.Kind)
		}
		assert.NotEmpty(t, c.Text.Format)
	}
	assert.Contains(t, kinds, roles.ChangeAbsent)
	assert.Contains(t, kinds, roles.ChangeWalkIn)
	assert.True(t, slices.IsSortedFunc(rep.Changes, func(a, b roles.Change) int { return a.Round - b.Round }))

	// The order of the absent does not matter, and the plan reads back.
	opts.Absent = []string{other.ID, host.ID}
	q, _ := amend(t, s, r, old, opts)
	a, err := plan.Marshal(p)
	require.NoError(t, err)
	b, err := plan.Marshal(q)
	require.NoError(t, err)
	assert.Equal(t, string(a), string(b))
	back, diags := plan.Parse("amended.yaml", a)
	require.NoError(t, diags.Err())
	assert.Len(t, back.Amendments, 1)
	require.NoError(t, p.CheckRoles(s).Err())
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func sameMembers(a, b plan.Group) bool {
	ids := func(g plan.Group) []string {
		var out []string
		for _, m := range g.Members {
			out = append(out, m.ID)
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(ids(a), ids(b))
}

// From round 2, round 1 is history: byte for byte what it was, with the
// same group ids, so its scoresheets stay good.
func TestAmendFromRoundKeepsHistory(t *testing.T) {
	s, r, old := demoPlan(t)
	absent := old.Rounds[1].Groups[2].Members[1].ID
	p, rep := amend(t, s, r, old, roles.AmendOptions{FromRound: 2, Absent: []string{absent}})
	assert.Equal(t, marshalRound(t, old.Rounds[0]), marshalRound(t, p.Rounds[0]))
	for g := 1; g <= len(old.Rounds[0].Groups); g++ {
		assert.Equal(t, old.GroupID(1, g), p.GroupID(1, g))
	}
	require.Len(t, rep.Rounds, 1)
	assert.Equal(t, 2, rep.Rounds[0].Round)
	assert.Empty(t, p.Rounds[0].Out, "the absent trainee sat round 1")
	require.Len(t, p.Rounds[1].Out, 1)
	assert.Equal(t, plan.Out{ID: absent, Name: r.Trainees[slices.IndexFunc(r.Trainees, func(t roster.Trainee) bool { return t.ID == absent })].Name, Reason: plan.OutAbsent}, p.Rounds[1].Out[0])
	// A group the change left alone keeps its id.
	kept := 0
	for g := 1; g <= len(old.Rounds[1].Groups); g++ {
		if old.GroupID(2, g) == p.GroupID(2, g) {
			kept++
		}
	}
	assert.Positive(t, kept, "some groups of round 2 are untouched")
	assert.Equal(t, rep.LowerBound, rep.Moved)
}

func TestAmendSwap(t *testing.T) {
	s, r, old := demoPlan(t)
	rd := old.Rounds[0]
	// Two stakeholders of different groups, who may play each other's
	// part.
	a, b := rd.Groups[0].Members[3], rd.Groups[1].Members[3]
	p, rep := amend(t, s, r, old, roles.AmendOptions{Swaps: [][2]string{{b.ID, a.ID}}})
	after := seats(p.Rounds[0])
	assert.Equal(t, [2]string{"2", b.Role}, after[a.ID], "%s takes %s's seat and part", a.ID, b.ID)
	assert.Equal(t, [2]string{"1", a.Role}, after[b.ID])
	assert.GreaterOrEqual(t, rep.Rounds[0].LowerBound, 2)
	assert.Equal(t, rep.Rounds[0].LowerBound, rep.Rounds[0].Moved, "nothing but the swap moves")
	assert.Equal(t, []string{min(a.ID, b.ID) + "," + max(a.ID, b.ID)}, p.Amendments[0].Swaps)
	assert.Equal(t, seats(old.Rounds[1]), seats(p.Rounds[1]), "round 2 needs no change")

	// The order of the pair, and of the swaps, does not matter.
	c, d := rd.Groups[2].Members[4], rd.Groups[3].Members[4]
	x, _ := amend(t, s, r, old, roles.AmendOptions{Swaps: [][2]string{{a.ID, b.ID}, {c.ID, d.ID}}})
	y, _ := amend(t, s, r, old, roles.AmendOptions{Swaps: [][2]string{{d.ID, c.ID}, {b.ID, a.ID}}})
	xb, err := plan.Marshal(x)
	require.NoError(t, err)
	yb, err := plan.Marshal(y)
	require.NoError(t, err)
	assert.Equal(t, string(xb), string(yb))
}

func TestAmendMove(t *testing.T) {
	s, r, old := demoPlan(t)
	rd := old.Rounds[0]
	m := rd.Groups[0].Members[len(rd.Groups[0].Members)-1]
	p, rep := amend(t, s, r, old, roles.AmendOptions{Moves: []roles.Move{{ID: m.ID, Group: 3}}})
	after := seats(p.Rounds[0])
	assert.Equal(t, "3", after[m.ID][0])
	assert.Equal(t, []string{m.ID + ":3"}, p.Amendments[0].Moves)
	assert.GreaterOrEqual(t, rep.Rounds[0].Moved, 1)
	assert.Equal(t, rep.Rounds[0].LowerBound, rep.Rounds[0].Moved)
	found := false
	for _, c := range rep.Changes {
		if c.ID == m.ID && c.Round == 1 {
			found = true
			assert.Equal(t, roles.ChangeMoved, c.Kind)
			assert.Equal(t, 1, c.FromGroup)
			assert.Equal(t, 3, c.ToGroup)
		}
	}
	assert.True(t, found, "the move is among the changes")
}

// A walk-in who can come only to round 2 sits round 1 out.
func TestAmendWalkInAvailability(t *testing.T) {
	s, r, old := demoPlan(t)
	add := walkIns(r, "resident-rep")
	add.Trainees[0].Rounds = []string{"2"}
	p, _ := amend(t, s, r, old, roles.AmendOptions{Add: add})
	assert.NotContains(t, seats(p.Rounds[0]), "W01")
	assert.Contains(t, seats(p.Rounds[1]), "W01")
	assert.Equal(t, []plan.Out{{ID: "W01", Name: "来宾1", Reason: plan.OutUnavailable}}, p.Rounds[0].Out)
	assert.Equal(t, marshalRound(t, old.Rounds[0]), marshalRound(t, plan.Round{Round: 1, Name: p.Rounds[0].Name, Start: p.Rounds[0].Start, End: p.Rounds[0].End,
		Diversity: p.Rounds[0].Diversity, Bound: p.Rounds[0].Bound, Percent: p.Rounds[0].Percent, Repeats: p.Rounds[0].Repeats, MinRepeats: p.Rounds[0].MinRepeats, Groups: p.Rounds[0].Groups}),
		"round 1 is unchanged but for who sits it out")

	add.Trainees[0].Rounds = []string{"下午"}
	add.Trainees[0].RoundsPos = scenario.Pos{File: "walk-ins.csv", Line: 2, Col: 9}
	_, _, err := roles.Amend(context.Background(), s, r, old, roles.AmendOptions{Add: add})
	require.Error(t, err)
	assert.ErrorContains(t, err, `walk-ins.csv:2:9: 来宾1 (W01): "下午" names no round: the scenario's rounds have no names, only the numbers 1, 2; write numbers, or name the rounds under schedule.rounds`)
}

func TestAmendRefusesBadInput(t *testing.T) {
	s, r, old := demoPlan(t)
	rd := old.Rounds[0]
	g1, g2 := rd.Groups[0].Members, rd.Groups[1].Members
	var everyone []string
	for _, t := range r.Trainees {
		everyone = append(everyone, t.ID)
	}
	dup := walkIns(r, "resident-rep")
	dup.Trainees[0].ID = g1[1].ID
	tests := []struct {
		name string
		opts roles.AmendOptions
		want []string
	}{
		{"unknown ids with a suggestion", roles.AmendOptions{Absent: []string{"T1"}, Swaps: [][2]string{{"T99", g1[1].ID}}, Moves: []roles.Move{{ID: "X", Group: 1}}},
			[]string{`--absent: no trainee "T1" in the plan or the walk-ins (did you mean "T01"?)`, `--swap: no trainee "T99" in the plan`, `--move: no trainee "X" in the plan or the walk-ins`}},
		{"walk-in with an id the plan has", roles.AmendOptions{Add: dup},
			[]string{fmt.Sprintf(`walk-ins.csv:2: row 2: id %q is already used in %s, row`, g1[1].ID, r.File)}},
		{"swap in one group", roles.AmendOptions{Swaps: [][2]string{{g1[1].ID, g1[2].ID}}},
			[]string{fmt.Sprintf("both sit in group 1 of round 1; a swap trades seats between two groups")}},
		{"swap and move of the absent", roles.AmendOptions{Absent: []string{g1[1].ID, g2[1].ID}, Swaps: [][2]string{{g1[1].ID, g2[2].ID}}, Moves: []roles.Move{{ID: g2[1].ID, Group: 1}}},
			[]string{fmt.Sprintf("--swap: %s (%s) is absent, so cannot be swapped or moved", g1[1].Name, g1[1].ID), fmt.Sprintf("--move: %s (%s) is absent", g2[1].Name, g2[1].ID)}},
		{"move to a group the round does not have", roles.AmendOptions{Moves: []roles.Move{{ID: g1[1].ID, Group: 9}}},
			[]string{fmt.Sprintf("--move: %s (%s) cannot move to group 9: round 1 has groups 1–%d", g1[1].Name, g1[1].ID, len(rd.Groups))}},
		{"from a round past the last", roles.AmendOptions{FromRound: 3}, []string{"--from-round: round 3: the plan has rounds 1–2"}},
		{"from a round past the last, with the other problems", roles.AmendOptions{FromRound: 3, Absent: []string{"T1"}, Swaps: [][2]string{{"T99", g1[1].ID}}, Moves: []roles.Move{{ID: "X", Group: 1}}},
			[]string{"--from-round: round 3: the plan has rounds 1–2", `--absent: no trainee "T1"`, `--swap: no trainee "T99"`, `--move: no trainee "X"`}},
		{"from a round below 1", roles.AmendOptions{FromRound: -1}, []string{"--from-round: round -1: the plan has rounds 1–2"}},
		{"everyone absent", roles.AmendOptions{Absent: everyone}, []string{"every trainee of round 1 is absent"}},
		{"a name given for an id", roles.AmendOptions{Absent: []string{g1[1].Name}},
			[]string{fmt.Sprintf("--absent: no trainee has the id %q, but %s is trainee %s: options take ids", g1[1].Name, g1[1].Name, g1[1].ID)}},
		{"too few left for the groups", roles.AmendOptions{Absent: everyone[:len(everyone)-3]}, []string{"round 1: only 3 trainees sit it, too few for"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := roles.Amend(context.Background(), s, r, old, tt.opts)
			require.Error(t, err)
			assert.ErrorIs(t, err, scenario.ErrInvalid)
			for _, w := range tt.want {
				assert.ErrorContains(t, err, w)
			}
		})
	}
}

// An absent host with nobody left who may play the role: the amendment
// fails, unless AllowUnmet, which lists the groups left without a host in
// the plan's Unmet.
func TestAmendAbsentHostWithNobodyEligible(t *testing.T) {
	s, r, old := demoPlan(t)
	strict := *s
	strict.Roles = slices.Clone(s.Roles)
	// Only the background of group 1's host may host.
	rd := old.Rounds[0]
	host := rd.Groups[0].Members[0]
	require.Equal(t, "host", host.Role)
	var avoid []string
	for _, b := range s.Backgrounds {
		if b.ID != host.Background {
			avoid = append(avoid, b.ID)
		}
	}
	strict.Roles[0].AvoidBackground = avoid
	// The host is absent, and of the others of that background at most
	// two came, too few for four groups.
	absent := []string{host.ID}
	kept := 0
	for _, g := range rd.Groups {
		for _, m := range g.Members {
			if m.Background == host.Background && m.ID != host.ID {
				if kept < 2 {
					kept++
					continue
				}
				absent = append(absent, m.ID)
			}
		}
	}
	_, _, err := roles.Amend(context.Background(), &strict, r, old, roles.AmendOptions{Absent: absent})
	require.Error(t, err)
	assert.ErrorIs(t, err, scenario.ErrInvalid)
	require.Less(t, kept, len(rd.Groups))
	assert.ErrorContains(t, err, fmt.Sprintf("round 1: the groups cannot be formed: every group needs 1 Council host (host), 4 in all for 4 groups, but only %d trainees may play it", kept))

	p, rep, err := roles.Amend(context.Background(), &strict, r, old, roles.AmendOptions{Absent: absent, AllowUnmet: true})
	require.NoError(t, err)
	var hostless []int
	for _, u := range p.Unmet {
		if u.Round == 1 && u.Rule == "role" {
			hostless = append(hostless, u.Group)
			assert.Contains(t, u.Detail, `role "Council host" is not filled`)
		}
	}
	assert.Len(t, hostless, len(rd.Groups)-kept, "the groups beyond those %d have nobody who may host: %v", kept, p.Unmet)
	assert.Equal(t, rep.LowerBound, rep.Moved)
}

// Two absent from the smallest group leave it below the smallest size the
// round allows: the walk-in fills one seat and the amendment moves one
// trainee in, the fewest any amendment could.
func TestAmendTwoFromOneGroup(t *testing.T) {
	s, r, old := demoPlan(t)
	rd := old.Rounds[0]
	small := 0
	for gi, g := range rd.Groups {
		if len(g.Members) < len(rd.Groups[small].Members) {
			small = gi
		}
	}
	g := rd.Groups[small].Members
	p, rep := amend(t, s, r, old, roles.AmendOptions{Absent: []string{g[1].ID, g[2].ID}, Add: walkIns(r, "resident-rep")})
	require.Empty(t, p.Unmet)
	assert.Equal(t, 1, rep.Rounds[0].LowerBound, "a group of %d short of two, with one walk-in", len(g))
	assert.Equal(t, rep.Rounds[0].LowerBound, rep.Rounds[0].Moved)
	assert.Equal(t, rep.LowerBound, rep.Moved)
	for _, grp := range p.Rounds[0].Groups {
		assert.GreaterOrEqual(t, len(grp.Members), 7, "group %d", grp.Group)
	}
}

// Moves that break a hard rule no search can mend fail with the
// trainees' names, as assign does, unless AllowUnmet lists the rule.
func TestAmendBreakingAHardRule(t *testing.T) {
	s, r := loadBundled(t, scenarios.DefaultScenario)
	apart := &roster.Roster{File: r.File, SHA256: r.SHA256, Columns: r.Columns, Numeric: r.Numeric, Trainees: slices.Clone(r.Trainees)}
	a, b := &apart.Trainees[3], &apart.Trainees[4]
	a.Avoid = []string{b.ID}
	old := assign(t, s, apart, roles.AssignOptions{Rounds: 2, Seed: 42})
	require.Empty(t, old.Unmet)
	moves := []roles.Move{{ID: a.ID, Group: 3}, {ID: b.ID, Group: 3}}
	_, _, err := roles.Amend(context.Background(), s, apart, old, roles.AmendOptions{Moves: moves})
	require.Error(t, err)
	assert.ErrorIs(t, err, scenario.ErrInvalid)
	assert.ErrorContains(t, err, fmt.Sprintf("round 1, group 3: %s (%s) and %s (%s) must not share a group but are both in group 3", a.Name, a.ID, b.Name, b.ID))

	p, _, err := roles.Amend(context.Background(), s, apart, old, roles.AmendOptions{Moves: moves, AllowUnmet: true})
	require.NoError(t, err)
	require.Len(t, p.Unmet, 1)
	assert.Equal(t, "keep-apart", p.Unmet[0].Rule)
	assert.Equal(t, 1, p.Unmet[0].Round)
}

// A walk-in with words in a column the roster holds numbers in is refused
// at their row, as the roster merge of a later amendment would refuse it,
// together with the other problems.
func TestAmendWalkInWithWordsInANumberColumn(t *testing.T) {
	s, r, old := demoPlan(t)
	require.True(t, r.Numeric["years"], "the sample roster's years are numbers")
	add := walkIns(r, "resident-rep")
	add.Numeric = nil
	add.Trainees[0].Attrs = map[string]string{"gender": "女", "years": "abc"}
	_, _, err := roles.Amend(context.Background(), s, r, old, roles.AmendOptions{Add: add, Absent: []string{"T1"}})
	require.Error(t, err)
	assert.ErrorIs(t, err, scenario.ErrInvalid)
	assert.ErrorContains(t, err, `walk-ins.csv:2: row 2: column years holds numbers in `+r.File+` but "abc" here`)
	assert.ErrorContains(t, err, `--absent: no trainee "T1"`)
	// A swap naming the refused walk-in is not said to be unknown too.
	_, _, err = roles.Amend(context.Background(), s, r, old, roles.AmendOptions{Add: add, Moves: []roles.Move{{ID: "W01", Group: 1}}})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), `no trainee "W01"`)

	// The walk-in's amended plan can be amended again with the walk-in
	// merged in, as the CLI merges the rosters of earlier amendments.
	add.Trainees[0].Attrs = map[string]string{"gender": "女", "years": "3"}
	add.Numeric = map[string]bool{"years": true}
	p, _ := amend(t, s, r, old, roles.AmendOptions{Add: add})
	known, err := roster.Merge(r, add)
	require.NoError(t, err)
	_, _ = amend(t, s, known, p, roles.AmendOptions{Absent: []string{"W01"}})
}

// A later amendment cannot change the rounds an earlier one left as
// history.
func TestAmendRefusesPlayedRounds(t *testing.T) {
	s, r, old := demoPlan(t)
	absent := old.Rounds[1].Groups[0].Members[1].ID
	p, _ := amend(t, s, r, old, roles.AmendOptions{FromRound: 2, Absent: []string{absent}})
	_, _, err := roles.Amend(context.Background(), s, r, p, roles.AmendOptions{FromRound: 1, Absent: []string{"T1"}})
	require.Error(t, err)
	assert.ErrorIs(t, err, scenario.ErrInvalid)
	assert.ErrorContains(t, err, "--from-round: round 1 was played before the last amendment (from round 2); amend from round 2 on")
	assert.ErrorContains(t, err, `--absent: no trainee "T1"`, "with the other problems")
	// From the same round on, it may.
	_, _ = amend(t, s, r, p, roles.AmendOptions{FromRound: 2})
}

// A walk-in who attends none of the rounds amended is an error at their
// cell, not a trainee added to sit no round.
func TestAmendWalkInAttendingNoAmendedRound(t *testing.T) {
	s, r, old := demoPlan(t)
	add := walkIns(r, "resident-rep", "volunteer")
	add.Trainees[0].Rounds = []string{"1"}
	add.Trainees[0].RoundsPos = scenario.Pos{File: "walk-ins.csv", Line: 2, Col: 9}
	add.Trainees[1].Rounds = []string{"1-2"}
	_, _, err := roles.Amend(context.Background(), s, r, old, roles.AmendOptions{FromRound: 2, Add: add})
	require.Error(t, err)
	assert.ErrorIs(t, err, scenario.ErrInvalid)
	assert.ErrorContains(t, err, "walk-ins.csv:2:9: walk-in 来宾1 (W01) attends no round from round 2 on")
	assert.NotContains(t, err.Error(), "W02")
	// From round 1, they sit round 1.
	p, _ := amend(t, s, r, old, roles.AmendOptions{FromRound: 1, Add: add})
	assert.Contains(t, seats(p.Rounds[0]), "W01")
}

// A second amendment keeps the reason the first gave: a trainee absent
// before stays absent, not unavailable.
func TestAmendAgainKeepsWhyTraineesAreOut(t *testing.T) {
	s, r, old := demoPlan(t)
	first := old.Rounds[0].Groups[0].Members[1]
	p, _ := amend(t, s, r, old, roles.AmendOptions{Absent: []string{first.ID}})
	second := p.Rounds[1].Groups[1].Members[1]
	q, _ := amend(t, s, r, p, roles.AmendOptions{FromRound: 2, Absent: []string{second.ID}})
	assert.Equal(t, []plan.Out{{ID: first.ID, Name: first.Name, Reason: plan.OutAbsent}}, q.Rounds[0].Out, "round 1 is history")
	want := []plan.Out{{ID: first.ID, Name: first.Name, Reason: plan.OutAbsent}, {ID: second.ID, Name: second.Name, Reason: plan.OutAbsent}}
	slices.SortFunc(want, func(a, b plan.Out) int { return compareStrings(a.ID, b.ID) })
	assert.Equal(t, want, q.Rounds[1].Out)
}

// The unmet rules of rounds played are history: amending later rounds
// without AllowUnmet neither fails on them nor drops them, and they are
// told from new ones by their round.
func TestAmendKeepsUnmetRulesOfPlayedRounds(t *testing.T) {
	s, r := loadBundled(t, scenarios.DefaultScenario)
	apart := &roster.Roster{File: r.File, SHA256: r.SHA256, Columns: r.Columns, Numeric: r.Numeric, Trainees: slices.Clone(r.Trainees)}
	a, b := &apart.Trainees[3], &apart.Trainees[4]
	a.Avoid = []string{b.ID}
	old := assign(t, s, apart, roles.AssignOptions{Rounds: 2, Seed: 42})
	moves := []roles.Move{{ID: a.ID, Group: 3}, {ID: b.ID, Group: 3}}
	p, _, err := roles.Amend(context.Background(), s, apart, old, roles.AmendOptions{Moves: moves, AllowUnmet: true})
	require.NoError(t, err)
	require.Len(t, p.Unmet, 1)
	require.Equal(t, 1, p.Unmet[0].Round)

	absent := p.Rounds[1].Groups[0].Members[1].ID
	q, _, err := roles.Amend(context.Background(), s, apart, p, roles.AmendOptions{FromRound: 2, Absent: []string{absent}})
	require.NoError(t, err, "round 1's broken rule is history")
	assert.Equal(t, p.Unmet, q.Unmet)
	for _, u := range q.Unmet {
		assert.Less(t, u.Round, q.Amendments[len(q.Amendments)-1].FromRound, "no new unmet rule")
	}
}

// The rounds an amendment copies keep the old plan's warnings; the
// rounds it changes get warnings worked out again.
func TestAmendKeepsWarningsOfCopiedRounds(t *testing.T) {
	s, r, old := demoPlan(t)
	t.Logf("the demo plan's warnings: %q", old.Warnings)
	old.Warn(scenario.Msg("round %d stopped at the time budget of %s; the same seed may give another plan on another machine", 1, "1s"))
	old.Warn(scenario.Msg("round %d stopped at the time budget of %s; the same seed may give another plan on another machine", 2, "1s"))
	old.Warnings = append(old.Warnings, "round 1, group 2: a warning read from the old plan's file")
	absent := old.Rounds[1].Groups[0].Members[1].ID
	p, _ := amend(t, s, r, old, roles.AmendOptions{FromRound: 2, Absent: []string{absent}})
	assert.Contains(t, p.Warnings, "round 1 stopped at the time budget of 1s; the same seed may give another plan on another machine")
	assert.Contains(t, p.Warnings, "round 1, group 2: a warning read from the old plan's file")
	assert.NotContains(t, p.Warnings, "round 2 stopped at the time budget of 1s; the same seed may give another plan on another machine", "round 2 was formed again")
	require.Len(t, p.WarningMessages(), len(p.Warnings))
	for _, w := range old.Warnings {
		if strings.HasPrefix(w, "round 1") {
			n := 0
			for _, x := range p.Warnings {
				if x == w {
					n++
				}
			}
			assert.Equal(t, 1, n, "%q once", w)
		}
	}
}

// A plan made without a clock or tables stays so when amended, though
// its scenario has a schedule now; one made with them keeps them.
func TestAmendKeepsAnUntimedDayUntimed(t *testing.T) {
	s, r, old := demoPlan(t)
	require.Empty(t, old.Settings.Start)
	timed := *s
	timed.Schedule = scenario.Schedule{Start: "09:00", Break: scenario.Duration(15 * time.Minute), Tables: []string{"A1", "A2", "A3", "A4", "A5", "A6"},
		Rounds: []scenario.RoundSlot{{Name: "上午"}, {Name: "下午", Start: "14:00"}}}
	absent := old.Rounds[0].Groups[0].Members[1].ID
	p, _ := amend(t, &timed, r, old, roles.AmendOptions{Absent: []string{absent}})
	assert.Empty(t, p.Settings.Start)
	assert.Zero(t, p.Settings.Break)
	assert.Empty(t, p.Settings.Tables)
	for _, rd := range p.Rounds {
		assert.False(t, rd.Timed(), "round %d", rd.Round)
		assert.Empty(t, rd.End)
		for _, g := range rd.Groups {
			assert.Empty(t, g.Table, "round %d group %d", rd.Round, g.Group)
		}
	}
	assert.Equal(t, "上午", p.Rounds[0].Name, "the rounds take the scenario's names")

	// A timed plan stays on its own clock and at its tables.
	require.NoError(t, old.Schedule(&timed, plan.Timing{Start: "08:30", Break: 10, Tables: []string{"B1", "B2", "B3", "B4"}}))
	p, _ = amend(t, &timed, r, old, roles.AmendOptions{Absent: []string{absent}})
	assert.Equal(t, "08:30", p.Settings.Start)
	assert.Equal(t, 10, p.Settings.Break)
	assert.Equal(t, []string{"B1", "B2", "B3", "B4"}, p.Settings.Tables)
	assert.Equal(t, old.Rounds[0].Start, p.Rounds[0].Start)
	assert.Equal(t, "B1", p.Rounds[0].Groups[0].Table)
}

// Swapping a group's only discussion-class member away, in five groups
// of six, leaves the group short of the scenario's quota: one member of
// the class must come in and, the group being full, someone must go out
// to the group that gave them. The bound counts both moves besides the
// swap, and the amendment moves no more.
func TestAmendSwapBreakingAQuotaInFullGroups(t *testing.T) {
	s, r := loadBundled(t, scenarios.DefaultScenario)
	old := assign(t, s, r, roles.AssignOptions{Rounds: 2, Groups: 5, Seed: 2, ScenarioSource: "bundled"})
	rd := old.Rounds[0]
	t01, g01, ok := rd.Member("T01")
	require.True(t, ok)
	_, g03, ok := rd.Member("T03")
	require.True(t, ok)
	require.Equal(t, "discussion-class", t01.Background)
	for _, m := range g01.Members {
		if m.ID != "T01" {
			require.NotEqual(t, "discussion-class", m.Background, "T01 is group %d's only member of the class", g01.Group)
		}
	}
	for _, g := range rd.Groups {
		require.Len(t, g.Members, 6)
	}
	require.NotEqual(t, g01.Group, g03.Group)

	_, rep := amend(t, s, r, old, roles.AmendOptions{Swaps: [][2]string{{"T01", "T03"}}})
	assert.Equal(t, 4, rep.Rounds[0].LowerBound, "the swap's 2, one of the class in, one out to keep the size")
	assert.Equal(t, rep.Rounds[0].LowerBound, rep.Rounds[0].Moved)
}

// Under AllowUnmet, swaps that put every discussion-class member of the
// other groups in group 1 break the quota where group 1's own members
// cannot mend it: the bound is that of the rules the round keeps, so the
// seats moved are not below it.
func TestAmendBoundUnderAllowUnmet(t *testing.T) {
	s, r, old := demoPlan(t)
	rd := old.Rounds[0]
	var class, others []string
	for _, g := range rd.Groups {
		for _, m := range g.Members {
			switch {
			case g.Group != 1 && m.Background == "discussion-class":
				class = append(class, m.ID)
			case g.Group == 1 && m.Background != "discussion-class" && m.Role != "host":
				others = append(others, m.ID)
			}
		}
	}
	require.LessOrEqual(t, len(class), len(others), "group 1 has room for the class")
	var swaps [][2]string
	for i, id := range class {
		swaps = append(swaps, [2]string{id, others[i]})
	}
	_, _, err := roles.Amend(context.Background(), s, r, old, roles.AmendOptions{Swaps: swaps})
	require.Error(t, err, "the quota cannot be kept")
	p, rep, err := roles.Amend(context.Background(), s, r, old, roles.AmendOptions{Swaps: swaps, AllowUnmet: true})
	require.NoError(t, err)
	quotas := 0
	for _, u := range p.Unmet {
		if u.Round == 1 && u.Rule == "quota" {
			quotas++
		}
	}
	assert.Positive(t, quotas, "a group is without the class: %v", p.Unmet)
	t.Logf("moved %d, lower bound %d", rep.Rounds[0].Moved, rep.Rounds[0].LowerBound)
	assert.GreaterOrEqual(t, rep.Rounds[0].Moved, rep.Rounds[0].LowerBound)
	assert.GreaterOrEqual(t, rep.Rounds[0].LowerBound, 2*len(swaps), "the swaps still count")
	assert.GreaterOrEqual(t, rep.Moved, rep.LowerBound)
}

// An amendment keeps the plan's groups: when too few are left for them
// at the scenario's smallest size, it says so and what to do, and under
// AllowUnmet keeps the smaller groups with the rule listed.
func TestAmendKeepsTheGroupsWhenTooFewAreLeft(t *testing.T) {
	s, r, old := demoPlan(t)
	g := len(old.Rounds[0].Groups)
	// Absent from the end of each group, so that no quota's only member
	// is among them, until the groups are one below the minimum.
	var absent []string
	left := old.Roster.Trainees
	for gi := 0; left >= g*s.Grouping.Size.Min; gi = (gi + 1) % g {
		m := old.Rounds[0].Groups[gi].Members
		absent = append(absent, m[len(m)-1-len(absent)/g].ID)
		left--
	}
	_, _, err := roles.Amend(context.Background(), s, r, old, roles.AmendOptions{Absent: absent})
	require.Error(t, err)
	assert.ErrorContains(t, err, fmt.Sprintf("round 1: amend keeps the plan's %d groups, and %d trainees leave groups of %d, below the scenario's minimum of %d; give --allow-unmet", g, left, left/g, s.Grouping.Size.Min))

	p, _, err := roles.Amend(context.Background(), s, r, old, roles.AmendOptions{Absent: absent, AllowUnmet: true})
	require.NoError(t, err)
	assert.Len(t, p.Rounds[0].Groups, g, "the plan's groups stay")
	var sizes []plan.Unmet
	for _, u := range p.Unmet {
		if u.Rule == "size" {
			sizes = append(sizes, u)
		}
	}
	require.NotEmpty(t, sizes)
	assert.Contains(t, sizes[0].Detail, fmt.Sprintf("below the scenario's minimum of %d; the plan's groups are kept", s.Grouping.Size.Min))
}

// The order of the walk-ins' rows does not matter, as the roster's does
// not.
func TestAmendWalkInOrder(t *testing.T) {
	s, r, old := demoPlan(t)
	add := walkIns(r, "resident-rep", "social-worker")
	back := &roster.Roster{File: add.File, Columns: add.Columns, Numeric: add.Numeric, Trainees: []roster.Trainee{add.Trainees[1], add.Trainees[0]}}
	a, _ := amend(t, s, r, old, roles.AmendOptions{Add: add})
	b, _ := amend(t, s, r, old, roles.AmendOptions{Add: back})
	da, err := plan.Marshal(a)
	require.NoError(t, err)
	db, err := plan.Marshal(b)
	require.NoError(t, err)
	assert.Equal(t, string(da), string(db))
}
