package roles

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yishi-council/yishi/roles/grouping"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenario"
)

// wholeDay are the words of an availability cell that mean every round,
// as [scenario.NormalizeName] folds them.
var wholeDay = []string{"all", "全天", "全部", "全日", "整天"}

// availability resolves each trainee's availability tokens (see
// [roster.Trainee.Rounds]) against a day of rounds rounds: attend[i][k]
// reports whether trainee i sits round k+1; attend[i] is nil for a trainee
// who sits every round. A token may be a round's number (1, ２, 第1轮), a
// range (1-2, 1–2, 1~2), a round's name from the scenario's schedule
// (上午, compared as [scenario.NormalizeName] folds names) or a word for
// the whole day (全天, 全部, all). A token that names no round is an error
// at the cell, every one at once.
func availability(s *scenario.Scenario, r *roster.Roster, rounds int) ([][]bool, scenario.Diagnostics) {
	var diags scenario.Diagnostics
	attend := make([][]bool, len(r.Trainees))
	for i, t := range r.Trainees {
		attend[i] = attendance(s, t, rounds, &diags)
	}
	return attend, diags
}

// attendance is one trainee's part of [availability]: the rounds they sit
// of a day of rounds rounds, nil for every round, with the tokens that
// name no round said in diags.
func attendance(s *scenario.Scenario, t roster.Trainee, rounds int, diags *scenario.Diagnostics) []bool {
	tokens := splitTokens(t.Rounds)
	if len(tokens) == 0 {
		return nil // a blank cell: every round
	}
	at := cellOf(t)
	in := make([]bool, rounds)
	for i, tok := range tokens {
		// The roster splits a cell on spaces, so "1 - 3" and "1 至 3"
		// come as "1", "-", "3": the lone dash is refused, with the range
		// it seems to mean, rather than read as rounds 1 and 3.
		if spelled := rangeDash.Replace(strings.TrimSpace(tok)); strings.HasPrefix(spelled, "-") || strings.HasSuffix(spelled, "-") {
			if spelled == "-" && i > 0 && i+1 < len(tokens) {
				diags.Errorf(at, "%s (%s): a range is split by spaces around %q; write it without them, as %s", t.Name, t.ID, tok, tokens[i-1]+"-"+tokens[i+1])
			} else {
				diags.Errorf(at, "%s (%s): %q is half a range; write a range without spaces, as 1-3", t.Name, t.ID, tok)
			}
			continue
		}
		first, last, ok := roundsOf(s, tok, rounds)
		switch {
		case !ok && len(s.Schedule.Rounds) == 0:
			// A name such as 上午 needs the scenario to name its rounds.
			diags.Errorf(at, "%s (%s): %q names no round: the scenario's rounds have no names, only the numbers %s; write numbers, or name the rounds under schedule.rounds in the scenario (for a bundled one, after yishi scenarios export %s DIR)", t.Name, t.ID, tok, dayRounds(s, rounds), s.ID)
			continue
		case !ok:
			diags.Errorf(at, "%s (%s): %q names no round; the rounds are %s", t.Name, t.ID, tok, dayRounds(s, rounds))
			continue
		case first > last:
			diags.Errorf(at, "%s (%s): %q runs from round %d back to round %d; write it as %d-%d", t.Name, t.ID, tok, first, last, last, first)
			continue
		case first < 1 || last > rounds:
			diags.Errorf(at, "%s (%s): %q names round %d of a day of %s; the rounds are %s", t.Name, t.ID, tok, outside(first, last, rounds), roundCount(rounds), dayRounds(s, rounds))
			continue
		}
		for k := first; k <= last; k++ {
			in[k-1] = true
		}
	}
	return in
}

// cellOf is where a trainee's availability cell is, or their row when
// the roster did not say.
func cellOf(t roster.Trainee) scenario.Pos {
	if t.RoundsPos.File == "" {
		return t.Pos
	}
	return t.RoundsPos
}

// splitTokens splits cells as the roster does (on , ， ; ； 、 and
// spaces), for tokens given whole.
func splitTokens(cells []string) []string {
	var out []string
	for _, c := range cells {
		out = append(out, strings.FieldsFunc(c, func(r rune) bool {
			return strings.ContainsRune(",，;；、", r) || unicode.IsSpace(r)
		})...)
	}
	return out
}

// outside is the round of first..last that the day does not have.
func outside(first, last, rounds int) int {
	if first < 1 || first > rounds {
		return first
	}
	return last
}

// roundCount is "1 round", "3 rounds".
func roundCount(n int) scenario.Message { return scenario.Plural(n, "%d round", "%d rounds") }

// dayRounds lists the day's rounds by number, with the scenario's name in
// brackets where a round has one: "1 (上午), 2".
func dayRounds(s *scenario.Scenario, rounds int) string {
	parts := make([]string, rounds)
	for k := range rounds {
		parts[k] = strconv.Itoa(k + 1)
		if name := s.RoundName(k + 1); name != "" {
			parts[k] += " (" + name + ")"
		}
	}
	return strings.Join(parts, ", ")
}

// rangeDash spells the dashes and words of a range ("1–2", "1~2", "1至2")
// as "-".
var rangeDash = strings.NewReplacer("–", "-", "—", "-", "－", "-", "~", "-", "～", "-", "至", "-", "到", "-")

// roundsOf reads one availability token as the rounds first to last it
// names; ok is false when it is neither a number, a range, a round's name
// nor the whole day. The numbers may lie outside the day, for the caller
// to say so.
func roundsOf(s *scenario.Scenario, tok string, rounds int) (first, last int, ok bool) {
	key := scenario.NormalizeName(tok)
	if key == "" {
		return 0, 0, false
	}
	for _, w := range wholeDay {
		if key == w {
			return 1, rounds, true
		}
	}
	for k := 1; k <= rounds; k++ {
		if name := scenario.NormalizeName(s.RoundName(k)); name != "" && name == key {
			return k, k, true
		}
	}
	// A range: its dash would be folded away by NormalizeName, so it is
	// cut from the token as typed.
	spelled := rangeDash.Replace(strings.TrimSpace(tok))
	if a, b, found := strings.Cut(spelled, "-"); found {
		x, okA := roundNumber(a)
		y, okB := roundNumber(b)
		if okA && okB {
			return x, y, true
		}
		return 0, 0, false
	}
	if n, ok := roundNumber(spelled); ok {
		return n, n, true
	}
	return 0, 0, false
}

// roundNumber reads "1", "２", "第1轮", "第2场", "R1" or "round1" as a
// round's number.
func roundNumber(s string) (int, bool) {
	key := scenario.NormalizeName(s)
	key = strings.TrimPrefix(key, "第")
	key = strings.TrimPrefix(key, "round")
	key = strings.TrimPrefix(key, "r")
	for _, suffix := range []string{"轮", "场", "次"} {
		key = strings.TrimSuffix(key, suffix)
	}
	n, err := strconv.Atoi(key)
	if err != nil || strings.ContainsAny(key, "+-") {
		return 0, false
	}
	return n, true
}

// roundInput is the trainees who sit the round by attend (see
// [availability]) and their problem: the roster's own when everyone
// sits it, else one of the round's trainees alone, in groups of the
// balanced sizes of how many they are. A round too few sit for its groups,
// or whose groups break the scenario's bounds, is an error naming it.
func (a *assignment) roundInput(round int, attend [][]bool, diags *scenario.Diagnostics) *roundInput {
	var index []int
	var out []plan.Out
	for i, t := range a.r.Trainees {
		if attend[i] == nil || attend[i][round-1] {
			index = append(index, i)
			continue
		}
		out = append(out, plan.Out{ID: t.ID, Name: t.Name, Reason: plan.OutUnavailable})
	}
	if len(index) == len(a.r.Trainees) {
		return &roundInput{r: a.r, prob: a.prob, short: a.short, index: index}
	}
	sub := &roster.Roster{File: a.r.File, SHA256: a.r.SHA256, Columns: a.r.Columns, Numeric: a.r.Numeric}
	for _, i := range index {
		sub.Trainees = append(sub.Trainees, a.r.Trainees[i])
	}
	in := &roundInput{r: sub, index: index, out: out}
	prob, short, ok := roundProblem(a.s, sub, round, len(a.prob.Groups), len(index)/max(len(a.prob.Groups), 1), ceilDiv(len(index), len(a.prob.Groups)), a.opts.AllowUnmet, false, false, diags)
	if !ok {
		return in
	}
	in.prob, in.short = prob, short
	return in
}

func ceilDiv(n, g int) int {
	if g <= 0 {
		return 0
	}
	return (n + g - 1) / g
}

// roundProblem builds the problem of a round's trainees r in g groups of
// lo to hi, saying at the roster's place, with the round named, why it
// cannot be solved at all. With relaxNeeds, a role too few of them may
// play for every group is asked of as many groups as they fill, so that
// casting lists the groups left without it among the plan's unmet rules.
//
// With keepSmall, groups smaller than the scenario allows are taken (an
// amendment under AllowUnmet keeps the plan's groups, and says so).
func roundProblem(s *scenario.Scenario, r *roster.Roster, round, g, lo, hi int, allowUnmet, relaxNeeds, keepSmall bool, diags *scenario.Diagnostics) (*grouping.Problem, []shortQuota, bool) {
	at := scenario.Pos{File: r.File}
	n := len(r.Trainees)
	if n < g {
		diags.Errorf(at, "round %d: only %s sit it, too few for %s", round, trainees(n), groups(g))
		return nil, nil, false
	}
	var local scenario.Diagnostics
	if !keepSmall {
		checkSizes(s, n, g, lo, hi, at, &local)
	}
	if !local.HasErrors() {
		prob, info := buildProblem(s, r, g, lo, hi, allowUnmet, at, &local)
		if relaxNeeds {
			for k, nd := range prob.Needs {
				have := 0
				for _, e := range nd.Eligible {
					if e {
						have++
					}
				}
				if nd.Count*g > have {
					prob.Needs[k].Count = have / g
				}
			}
		}
		if !local.HasErrors() && checkFeasible(s, r, g, prob, at, &local) {
			return prob, info.short, true
		}
	}
	for _, d := range local {
		diags.Errorf(d.Pos, "round %d: %s", round, d.Text)
	}
	return nil, nil, false
}
