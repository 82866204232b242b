package store

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSettings(t *testing.T) {
	d, path := newDB(t)
	v, err := d.Get("round")
	require.NoError(t, err)
	assert.Equal(t, "", v, "never set")
	require.NoError(t, d.Set("round", "1"))
	require.NoError(t, d.Set("debrief", "open"))
	require.NoError(t, d.Set("round", "2"))
	require.NoError(t, d.Close())

	d, err = Open(path)
	require.NoError(t, err)
	defer d.Close()
	tests := []struct {
		name, key, want string
	}{
		{"set twice", "round", "2"},
		{"set once", "debrief", "open"},
		{"never set", "paused", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := d.Get(tt.key)
			require.NoError(t, err)
			assert.Equal(t, tt.want, v)
		})
	}
}

func TestBeat(t *testing.T) {
	d, _ := newDB(t)
	last, err := d.LastBeat()
	require.NoError(t, err)
	assert.True(t, last.IsZero(), "never beat")
	require.NoError(t, d.Beat(at(0)))
	require.NoError(t, d.Beat(at(0).Add(5*time.Second)))
	last, err = d.LastBeat()
	require.NoError(t, err)
	assert.Equal(t, at(0).Add(5*time.Second), last)
}
