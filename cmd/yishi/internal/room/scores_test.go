package room

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
)

// TestScoreWriterShares: requests waiting together are committed in one
// transaction; when that fails, each is tried alone, so only the request
// at fault gets the error and the others are stored.
func TestScoreWriterShares(t *testing.T) {
	tr := newTestRoom(t)
	r := tr.room
	good := &scoreJob{changes: []store.ScoreChange{{Key: "job-good-0001", Reviewer: "Li", Round: 1, Group: 1, Field: "score:rhythm", Value: "4"}}, done: make(chan error, 1)}
	// A value the room's checks would never let through: the store
	// refuses the transaction that holds it.
	bad := &scoreJob{changes: []store.ScoreChange{{Key: "job-bad-00001", Reviewer: "Li", Round: 1, Group: 2, Field: "score:rhythm", Value: "four"}}, done: make(chan error, 1)}
	also := &scoreJob{changes: []store.ScoreChange{{Key: "job-also-0001", Reviewer: "Wang", Round: 1, Group: 2, Field: "score:hosting", Value: "2"}}, done: make(chan error, 1)}
	r.scores.pending, r.scores.busy = []*scoreJob{good, bad, also}, true
	r.writeScores()

	assert.NoError(t, <-good.done)
	assert.ErrorIs(t, <-bad.done, store.ErrBadScore)
	assert.NoError(t, <-also.done)
	assert.False(t, r.scores.busy, "the writer stops when nothing waits")
	sheets, err := tr.db.Sheets("")
	require.NoError(t, err)
	got := map[string]map[string]int{}
	for _, sh := range sheets {
		got[sh.Reviewer] = sh.Scores
	}
	assert.Equal(t, map[string]map[string]int{"Li": {"rhythm": 4}, "Wang": {"hosting": 2}}, got)

	// Through the front door, a request's changes are stored before it returns.
	require.NoError(t, r.applyScores([]store.ScoreChange{{Key: "front-door-01", Reviewer: "Li", Round: 1, Group: 1, Field: "score:rhythm", Value: "5"}}))
	sheets, err = tr.db.Sheets("Li")
	require.NoError(t, err)
	require.Len(t, sheets, 1)
	assert.Equal(t, 5, sheets[0].Scores["rhythm"])
}
