package measure

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/review/live"
)

// randomLog is a drill log of n entries, each at its own second: the
// phases in order (one maybe left out), pauses with their resumes,
// outages, injects and answers to them, turns with and without their
// end, silences, interruptions, summaries, notes, and entries of another
// group and of a stranger.
func randomLog(r *rand.Rand, n int) []live.Entry {
	seconds := r.Perm(n * 20)[:n]
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
		last := seconds[len(seconds)-1] + 1
		out = append(out, phaseEnd(max(phase, 1), float64(last)/60))
	}
	return out
}

// TestOfIgnoresTheOrderOfEntries checks that shuffling a log whose entries
// have distinct times changes no measure.
func TestOfIgnoresTheOrderOfEntries(t *testing.T) {
	r := rand.New(rand.NewPCG(2026, 12))
	var paused, answered, skipped, summed, clipped int
	for i := range 200 {
		entries := randomLog(r, 5+r.IntN(60))
		in := Input{Agenda: agenda, Team: team, Hosts: []string{"h"}, Entries: entries}
		want := Of(in)
		shuffled := slices.Clone(entries)
		r.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
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
	}
	// The logs are varied enough to test something.
	for what, n := range map[string]int{"paused": paused, "answered": answered, "skipped": skipped, "summed": summed, "with silences": clipped} {
		require.Greater(t, n, 20, what)
	}
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
