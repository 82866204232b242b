package drilllog

import (
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// gb18030 is text as Chinese Excel saves "CSV (逗号分隔)".
func gb18030(t *testing.T, text string) []byte {
	t.Helper()
	out, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
	require.NoError(t, err)
	return out
}
