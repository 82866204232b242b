package measure

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/review/live"
)

// randomLog is a drill log of n entries, each at its own second, or with
// ties at whole minutes as a paper log has them: the phases in order (one
// maybe left out), pauses with their resumes, outages, injects and
// answers to them, turns with and without their end, silences,
// interruptions, summaries, notes, and entries of another group and of a
// stranger.
func randomLog(r *rand.Rand, n int, ties bool) []live.Entry {
	seconds := r.Perm(n * 20)[:n]
	if ties {
		for i := range seconds {
			seconds[i] -= seconds[i] % 60
		}
	}
	slices.Sort(seconds)
	ids := []string{"h", "r", "a", "b", "s", "x"}
	injects := []string{"rain", "fire"}
	var out []live.Entry
	phase, paused := 0, false
	for i, s := range seconds {
		m := float64(s) / 60
		var e live.Entry
		switch k := r.IntN(20); {
		case i == 0:
			e = phaseStart(1, m)
			phase = 1
		case k == 0 && phase < len(agenda.Phases):
			if r.IntN(2) == 0 {
				out = append(out, phaseEnd(phase, m))
				continue
			}
			phase += 1 + r.IntN(2)
			e = phaseStart(min(phase, len(agenda.Phases)), m)
		case k == 1:
			if paused {
				e = resume(m)
			} else {
				e = pause(m)
			}
			paused = !paused
			if r.IntN(4) == 0 {
				e.Text = live.OutageText
			}
		case k == 2:
			e = inject(injects[r.IntN(2)], m)
		case k == 3:
			e = note(injects[r.IntN(2)], m)
		case k <= 10:
			e = turn(ids[r.IntN(len(ids))], m)
			if r.IntN(3) == 0 {
				e.End = e.At.Add(time.Duration(r.IntN(300)) * time.Second)
			}
			if r.IntN(10) == 0 {
				e.Inject = injects[r.IntN(2)]
			}
		case k == 11:
			e = silence(m)
		case k <= 13:
			e = interruption(ids[r.IntN(len(ids))], m)
		case k <= 15:
			e = summary(m)
		case k == 16:
			e = turn("a", m)
			e.Group = 2
		default:
			e = note("", m)
		}
		out = append(out, e)
	}
	if r.IntN(3) > 0 {
		last := seconds[len(seconds)-1]
		if !ties {
			last++
		}
		out = append(out, phaseEnd(max(phase, 1), float64(last)/60))
	}
	return out
}

// shuffle shuffles entries in place.
func shuffle(r *rand.Rand, entries []live.Entry) {
	r.Shuffle(len(entries), func(a, b int) { entries[a], entries[b] = entries[b], entries[a] })
}

// shuffleKeepingTies shuffles entries in place, keeping the relative
// order of those with equal times: each time's entries go, in their
// order, to the places a full shuffle gave them.
func shuffleKeepingTies(r *rand.Rand, entries []live.Entry) {
	given := slices.Clone(entries)
	place := r.Perm(len(entries))
	byTime := map[int64][]int{}
	for i, e := range given {
		byTime[e.At.UnixNano()] = append(byTime[e.At.UnixNano()], i)
	}
	for _, idx := range byTime {
		places := make([]int, len(idx))
		for k, i := range idx {
			places[k] = place[i]
		}
		slices.Sort(places)
		for k, i := range idx {
			entries[places[k]] = given[i]
		}
	}
}

// hasTies reports whether two entries share a time.
func hasTies(entries []live.Entry) bool {
	seen := map[int64]bool{}
	for _, e := range entries {
		if seen[e.At.UnixNano()] {
			return true
		}
		seen[e.At.UnixNano()] = true
	}
	return false
}

// TestOfIgnoresTheOrderOfEntries checks that shuffling a log whose entries
// have distinct times changes no measure, nor does shuffling a log with
// ties in a way that keeps the order of entries at equal times.
func TestOfIgnoresTheOrderOfEntries(t *testing.T) {
	tests := []struct {
		name    string
		ties    bool
		shuffle func(*rand.Rand, []live.Entry)
	}{
		{name: "distinct times, any order", shuffle: shuffle},
		{name: "ties at whole minutes, kept in order", ties: true, shuffle: shuffleKeepingTies},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(2026, 12))
			var paused, answered, skipped, summed, clipped, tied int
			for i := range 200 {
				entries := randomLog(r, 5+r.IntN(60), tt.ties)
				in := Input{Agenda: agenda, Team: team, Hosts: []string{"h"}, Entries: entries}
				want := Of(in)
				shuffled := slices.Clone(entries)
				tt.shuffle(r, shuffled)
				given := slices.Clone(shuffled)
				in.Entries = shuffled
				require.Equal(t, want, Of(in), "log %d", i)
				require.Equal(t, given, shuffled, "Of leaves the caller's entries as they were")
				paused += min(len(want.Pauses), 1)
				skipped += min(want.Rhythm.Skipped, 1)
				summed += min(want.Induction.Total, 1)
				if _, ok := want.Values["inject_response"]; ok {
					answered++
				}
				if want.Participation.Speaking < want.Drill {
					clipped++
				}
				if hasTies(entries) {
					tied++
				}
			}
			// The logs are varied enough to test something.
			for what, n := range map[string]int{"paused": paused, "answered": answered, "skipped": skipped, "summed": summed, "with silences": clipped} {
				require.Greater(t, n, 20, what)
			}
			if tt.ties {
				require.Greater(t, tied, 100, "logs with ties")
			} else {
				require.Zero(t, tied)
			}
		})
	}
}

// TestOrderOfTiesMatters checks that the tied logs of
// [TestOfIgnoresTheOrderOfEntries] can tell an order that breaks ties
// from one that keeps them: a full shuffle changes some of them.
func TestOrderOfTiesMatters(t *testing.T) {
	r := rand.New(rand.NewPCG(2026, 12))
	changed := 0
	for range 200 {
		entries := randomLog(r, 5+r.IntN(60), true)
		in := Input{Agenda: agenda, Team: team, Hosts: []string{"h"}, Entries: entries}
		want := Of(in)
		in.Entries = slices.Clone(entries)
		shuffle(r, in.Entries)
		if !reflect.DeepEqual(want, Of(in)) {
			changed++
		}
	}
	require.Greater(t, changed, 20)
}

// BenchmarkOf measures a two-hour drill of 2000 turns.
func BenchmarkOf(b *testing.B) {
	var entries []live.Entry
	entries = append(entries, phaseStart(1, 0))
	ids := []string{"h", "r", "a", "b", "s"}
	for i := range 2000 {
		m := float64(i) * 120 / 2000
		entries = append(entries, turn(ids[i*7%len(ids)], m))
		if i%100 == 50 {
			entries = append(entries, summary(m+0.01), interruption("a", m+0.02))
		}
	}
	entries = append(entries, phaseStart(2, 40), phaseStart(3, 80), phaseEnd(3, 120))
	in := Input{Agenda: agenda, Team: team, Hosts: []string{"h"}, Entries: entries}
	for b.Loop() {
		Of(in)
	}
}
