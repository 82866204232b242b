package store

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/review/live"
)

const (
	senders = 50 // phones
	changes = 20 // each
)

// Every phone sends each of its changes twice, from two goroutines at
// once, one in order and one in reverse: each change is applied exactly
// once, and the log is numbered without a gap.
func TestConcurrentAppend(t *testing.T) {
	d, _ := newDB(t)
	type result struct {
		key string
		out []live.Entry
		dup bool
	}
	results := make(chan result, 2*senders*changes)
	var wg sync.WaitGroup
	for s := range senders {
		for _, reverse := range []bool{false, true} {
			wg.Go(func() {
				for i := range changes {
					if reverse {
						i = changes - 1 - i
					}
					key := fmt.Sprintf("p%02d-%02d", s, i)
					out, dup, err := d.Append(key, []live.Entry{{At: at(i), Round: 1, Group: s, Kind: live.KindNote, Text: key}})
					if !assert.NoError(t, err) {
						return
					}
					results <- result{key, out, dup}
				}
			})
		}
	}
	wg.Wait()
	close(results)

	first := map[string][]live.Entry{}
	var dups int
	for r := range results {
		require.Len(t, r.out, 1, r.key)
		assert.Equal(t, r.key, r.out[0].Text, "a key's own entry")
		if r.dup {
			dups++
			continue
		}
		_, seen := first[r.key]
		assert.False(t, seen, "%s applied twice", r.key)
		first[r.key] = r.out
	}
	assert.Len(t, first, senders*changes, "every change applied")
	assert.Equal(t, senders*changes, dups, "every second send a duplicate")

	all, err := d.Entries(0)
	require.NoError(t, err)
	require.Len(t, all, senders*changes)
	texts := map[string]bool{}
	for i, e := range all {
		assert.Equal(t, int64(i+1), e.Seq, "numbered from 1 without a gap")
		assert.Equal(t, first[e.Text], []live.Entry{e}, "the log holds what Append returned")
		texts[e.Text] = true
	}
	assert.Len(t, texts, senders*changes)
}

func TestConcurrentApplyScores(t *testing.T) {
	d, _ := newDB(t)
	var mu sync.Mutex
	applied := map[string]int{}
	var wg sync.WaitGroup
	for s := range senders {
		reviewer := fmt.Sprintf("r%02d", s)
		var cs []ScoreChange
		for i := range changes {
			cs = append(cs, ScoreChange{Key: fmt.Sprintf("%s-%02d", reviewer, i), Reviewer: reviewer, Round: 1, Group: 1,
				Field: fmt.Sprintf("evidence:d%02d", i), Value: fmt.Sprintf("seen %d", i), At: at(i)})
		}
		for _, batch := range []int{1, 3} { // one phone sends one at a time, its twin three
			wg.Go(func() {
				for i := 0; i < len(cs); i += batch {
					part := cs[i:min(i+batch, len(cs))]
					ok, err := d.ApplyScores(part)
					if !assert.NoError(t, err) {
						return
					}
					mu.Lock()
					for j, c := range part {
						if ok[j] {
							applied[c.Key]++
						}
					}
					mu.Unlock()
				}
			})
		}
	}
	wg.Wait()
	require.Len(t, applied, senders*changes, "every change applied")
	for key, n := range applied {
		assert.Equal(t, 1, n, "%s applied once", key)
	}
	sheets, err := d.Sheets("")
	require.NoError(t, err)
	require.Len(t, sheets, senders)
	for s, sheet := range sheets {
		assert.Equal(t, fmt.Sprintf("r%02d", s), sheet.Reviewer)
		require.Len(t, sheet.Evidence, changes)
		for i := range changes {
			assert.Equal(t, fmt.Sprintf("seen %d", i), sheet.Evidence[fmt.Sprintf("d%02d", i)])
		}
		assert.Equal(t, at(changes-1), sheet.Updated)
	}
}
