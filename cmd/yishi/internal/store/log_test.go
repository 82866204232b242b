package store

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/review/live"
)

var start = time.Date(2026, 12, 1, 1, 0, 0, 0, time.UTC)

func at(min int) time.Time { return start.Add(time.Duration(min) * time.Minute) }

func TestAppend(t *testing.T) {
	d, _ := newDB(t)
	in := []live.Entry{
		{Seq: 99, At: at(0), Round: 1, Group: 1, Kind: live.KindPhaseStart, Phase: 1, By: "trainer"},
		{At: at(0), Round: 1, Group: 2, Kind: live.KindPhaseStart, Phase: 1, By: "trainer"},
	}
	out, dup, err := d.Append("start-all", in)
	require.NoError(t, err)
	assert.False(t, dup)
	require.Len(t, out, 2)
	assert.Equal(t, []int64{1, 2}, []int64{out[0].Seq, out[1].Seq}, "the store numbers, not the caller")
	assert.Equal(t, int64(99), in[0].Seq, "the caller's entries are not changed")

	again, dup, err := d.Append("start-all", []live.Entry{{Kind: live.KindNote, Text: "other"}})
	require.NoError(t, err)
	assert.True(t, dup)
	assert.Equal(t, out, again, "a key applied before returns what it appended")

	next, dup, err := d.Append("", []live.Entry{
		{At: at(25), Round: 1, Group: 1, Kind: live.KindInject, Inject: "i1", By: "server", Auto: true},
		{At: at(26), Round: 1, Group: 1, Kind: live.KindTurn, Member: "t02", By: "trainee:t07"},
		{At: at(27), Round: 1, Group: 2, Kind: live.KindNote, Text: "安静 <b>", By: "trainer"},
	})
	require.NoError(t, err)
	assert.False(t, dup)
	assert.Equal(t, int64(3), next[0].Seq)
	_, dup, err = d.Append("", []live.Entry{{Kind: live.KindSilence}})
	require.NoError(t, err)
	assert.False(t, dup, "no key: always appended")

	all, err := d.Entries(0)
	require.NoError(t, err)
	require.Len(t, all, 6)
	assert.Equal(t, append(append([]live.Entry{}, out...), next...), all[:5], "read back as appended")
	for i, e := range all {
		assert.Equal(t, int64(i+1), e.Seq)
	}
	tests := []struct {
		name  string
		after int64
		want  []int64
	}{
		{"all", 0, []int64{1, 2, 3, 4, 5, 6}},
		{"after some", 4, []int64{5, 6}},
		{"after the last", 6, nil},
		{"after more than there is", 100, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es, err := d.Entries(tt.after)
			require.NoError(t, err)
			assert.Equal(t, tt.want, seqs(es))
		})
	}
	g1, err := d.GroupEntries(1, 1)
	require.NoError(t, err)
	assert.Equal(t, []int64{1, 3, 4}, seqs(g1))
	none, err := d.GroupEntries(2, 1)
	require.NoError(t, err)
	assert.Empty(t, none)
}

// A key whose first call appended nothing is still applied once.
func TestAppendEmpty(t *testing.T) {
	d, _ := newDB(t)
	out, dup, err := d.Append("k", nil)
	require.NoError(t, err)
	assert.False(t, dup)
	assert.Empty(t, out)
	out, dup, err = d.Append("k", []live.Entry{{Kind: live.KindNote}})
	require.NoError(t, err)
	assert.True(t, dup)
	assert.Empty(t, out)
	all, err := d.Entries(0)
	require.NoError(t, err)
	assert.Empty(t, all)
}

// Numbers are never reused, across a restart too.
func TestAppendAfterReopen(t *testing.T) {
	d, path := newDB(t)
	_, _, err := d.Append("a", []live.Entry{{Kind: live.KindNote}, {Kind: live.KindNote}})
	require.NoError(t, err)
	require.NoError(t, d.Close())
	d, err = Open(path)
	require.NoError(t, err)
	defer d.Close()
	out, dup, err := d.Append("a", nil)
	require.NoError(t, err)
	assert.True(t, dup, "the key survives the restart")
	assert.Equal(t, []int64{1, 2}, seqs(out))
	out, _, err = d.Append("b", []live.Entry{{Kind: live.KindNote}})
	require.NoError(t, err)
	assert.Equal(t, []int64{3}, seqs(out))
}

func seqs(es []live.Entry) []int64 {
	var s []int64
	for _, e := range es {
		s = append(s, e.Seq)
	}
	return s
}

func TestKeyApplied(t *testing.T) {
	d, _ := newDB(t)
	for _, key := range []string{"adds", "adds-nothing"} {
		ok, err := d.KeyApplied(key)
		require.NoError(t, err)
		assert.False(t, ok, key)
	}
	_, _, err := d.Append("adds", []live.Entry{{Round: 1, Group: 1, Kind: live.KindNote, Text: "x"}})
	require.NoError(t, err)
	_, _, err = d.Append("adds-nothing", nil)
	require.NoError(t, err)
	for _, key := range []string{"adds", "adds-nothing"} {
		ok, err := d.KeyApplied(key)
		require.NoError(t, err)
		assert.True(t, ok, key)
	}
}

func TestStartedGroups(t *testing.T) {
	d, _ := newDB(t)
	got, err := d.StartedGroups()
	require.NoError(t, err)
	assert.Empty(t, got)
	_, _, err = d.Append("", []live.Entry{
		{Round: 2, Group: 3, Kind: live.KindPhaseStart, Phase: 1},
		{Round: 1, Group: 4, Kind: live.KindNote, Text: "x"},
		{Round: 2, Group: 3, Kind: live.KindPause},
	})
	require.NoError(t, err)
	got, err = d.StartedGroups()
	require.NoError(t, err)
	assert.Equal(t, []GroupRef{{Round: 1, Group: 4}, {Round: 2, Group: 3}}, got)
}
