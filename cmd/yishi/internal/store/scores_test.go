package store

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestApplyScores(t *testing.T) {
	d, _ := newDB(t)
	cs := []ScoreChange{
		{Key: "k1", Reviewer: "r1", Round: 1, Group: 2, Field: "score:rhythm", Value: "3", At: at(1)},
		{Key: "k2", Reviewer: "r1", Round: 1, Group: 2, Field: "score:rhythm", Value: "4", At: at(2)},
		{Key: "k3", Reviewer: "r1", Round: 1, Group: 2, Field: "evidence:rhythm", Value: "kept to time\nasked twice", At: at(3)},
		{Key: "k4", Reviewer: "r1", Round: 1, Group: 2, Field: "score:guidance", Value: "5", At: at(4)},
		{Key: "k5", Reviewer: "r1", Round: 1, Group: 2, Field: "score:guidance", Value: "", At: at(5)},
		{Key: "k1", Reviewer: "r1", Round: 1, Group: 2, Field: "score:rhythm", Value: "3", At: at(1)},
		{Key: "k6", Reviewer: "r1", Round: 1, Group: 2, Field: "strengths", Value: "clear agenda\n", At: at(6)},
		{Key: "k7", Reviewer: "r1", Round: 1, Group: 2, Field: "improvements", Value: " let the residents speak ", At: at(7)},
		{Key: "", Reviewer: "r1", Round: 1, Group: 1, Field: "score:hosting", Value: "2", At: at(8)},
		{Key: "k8", Reviewer: "r0", Round: 2, Group: 1, Field: "score:hosting", Value: "1", At: at(9)},
		{Key: "k1", Reviewer: "r0", Round: 2, Group: 1, Field: "score:rhythm", Value: "2", At: at(10)},
	}
	applied, err := d.ApplyScores(cs)
	require.NoError(t, err)
	assert.Equal(t, []bool{true, true, true, true, true, false, true, true, true, true, true}, applied,
		"r1's k1 a second time is skipped; r0's k1 is another key")
	applied, err = d.ApplyScores(cs[:2])
	require.NoError(t, err)
	assert.Equal(t, []bool{false, false}, applied, "keys applied in an earlier call are skipped")

	r1, err := d.Sheets("r1")
	require.NoError(t, err)
	assert.Equal(t, []Sheet{
		{Reviewer: "r1", Round: 1, Group: 1, Scores: map[string]int{"hosting": 2}, Evidence: map[string]string{}, Updated: at(8)},
		{Reviewer: "r1", Round: 1, Group: 2,
			Scores:       map[string]int{"rhythm": 4},
			Evidence:     map[string]string{"rhythm": "kept to time\nasked twice"},
			Strengths:    "clear agenda\n",
			Improvements: " let the residents speak ",
			Updated:      at(7)},
	}, r1, "the last change wins, a cleared score is absent, values are as given")

	all, err := d.Sheets("")
	require.NoError(t, err)
	require.Len(t, all, 3)
	assert.Equal(t, "r0", all[0].Reviewer, "ordered by reviewer")
	assert.Equal(t, map[string]int{"hosting": 1, "rhythm": 2}, all[0].Scores)
	assert.Equal(t, r1, all[1:])
	nobody, err := d.Sheets("r9")
	require.NoError(t, err)
	assert.Empty(t, nobody)
}

func TestApplyScoresRefuses(t *testing.T) {
	tests := []struct {
		name  string
		field string
		value string
		want  error
	}{
		{"no dimension", "score:", "3", ErrBadField},
		{"no dimension of evidence", "evidence:", "x", ErrBadField},
		{"unknown field", "notes", "x", ErrBadField},
		{"a field in capitals", "Strengths", "x", ErrBadField},
		{"empty field", "", "", ErrBadField},
		{"a score in words", "score:rhythm", "four", ErrBadScore},
		{"a score with a fraction", "score:rhythm", "3.5", ErrBadScore},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _ := newDB(t)
			good := ScoreChange{Key: "good", Reviewer: "r1", Round: 1, Group: 1, Field: "score:rhythm", Value: "3"}
			_, err := d.ApplyScores([]ScoreChange{good, {Key: "bad", Reviewer: "r1", Round: 1, Group: 1, Field: tt.field, Value: tt.value}})
			require.ErrorIs(t, err, tt.want)
			assert.Contains(t, err.Error(), "bad", "names the change")
			sheets, err := d.Sheets("")
			require.NoError(t, err)
			assert.Empty(t, sheets, "nothing of the batch is applied")
			applied, err := d.ApplyScores([]ScoreChange{good})
			require.NoError(t, err)
			assert.Equal(t, []bool{true}, applied, "the refused batch's keys are not spent")
		})
	}
}

// A phone back after ten minutes offline sends its 30 queued changes; the
// first 10 had arrived before the network went, without the phone
// hearing back. Each is applied once, in order.
func TestApplyScoresOutbox(t *testing.T) {
	d, _ := newDB(t)
	var queued []ScoreChange
	for i := range 30 {
		queued = append(queued, ScoreChange{Key: fmt.Sprintf("k%02d", i), Reviewer: "r1", Round: 1, Group: 1,
			Field: "score:rhythm", Value: strconv.Itoa(i%5 + 1), At: at(i)})
	}
	applied, err := d.ApplyScores(queued[:10])
	require.NoError(t, err)
	assert.Equal(t, []bool{true, true, true, true, true, true, true, true, true, true}, applied)

	applied, err = d.ApplyScores(queued)
	require.NoError(t, err)
	for i, ok := range applied {
		assert.Equal(t, i >= 10, ok, "change %d", i)
	}
	sheets, err := d.Sheets("r1")
	require.NoError(t, err)
	require.Len(t, sheets, 1)
	assert.Equal(t, map[string]int{"rhythm": 29%5 + 1}, sheets[0].Scores, "the last queued change wins")
	assert.Equal(t, at(29), sheets[0].Updated)
}
