package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Columns line up on a terminal when cells mix Chinese and Latin text.
func TestWriteTableAlignsChinese(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, writeTable(&buf, "  ", [][]string{
		{"GROUP", "UNITS", "HOST"},
		{"1", "石庄社区 2, 东关村 1", "王淑芬"},
		{"12", "Shizhuang 2", "Li"},
	}))
	assert.Equal(t, ""+
		"  GROUP  UNITS                 HOST\n"+
		"  1      石庄社区 2, 东关村 1  王淑芬\n"+
		"  12     Shizhuang 2           Li\n", buf.String())
	assert.Equal(t, 4, displayWidth("社区"))
	assert.Equal(t, 2, displayWidth("ab"))
}
