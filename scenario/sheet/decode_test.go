package sheet

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// chineseRosterCSV is a Chinese sign-up sheet, as Chinese Excel saves it in
// GB18030.
const chineseRosterCSV = "序号,姓名,所在社区,身份\r\n1,王淑芬,石庄社区,议事班成员\r\n2,刘建国,东坝村,物业\r\n"

// englishRosterCSV is an English roster as English Excel saves "CSV (Comma
// delimited)": in Windows-1252, with curly quotes, é and an en dash.
const englishRosterCSV = "ID,Name,Unit,Background,Notes\r\n" +
	"A1,Renée Dupont,East Lane,social worker,“quiet” – likes to listen\r\n" +
	"A2,José Martín,West Lane,resident representative,café owner\r\n"

// scoresheetWindows1252CSV is a scoresheet-like CSV with the same marks.
const scoresheetWindows1252CSV = "Reviewer [reviewer],Round [round],Group [group],Organization (1–5) [organization],Evidence [organization.evidence]\r\n" +
	"Renée,1,1,4,“Let’s begin” – opened on time\r\n"

func TestDecodeTextEncodings(t *testing.T) {
	cp1252 := func(s string) []byte {
		b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
		require.NoError(t, err)
		return b
	}
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(chineseRosterCSV))
	require.NoError(t, err)
	tests := []struct {
		name     string
		data     []byte
		text     string
		encoding string
		bad      []InvalidByte
	}{
		{name: "utf-8", data: []byte("姓名\n王淑芬\n"), text: "姓名\n王淑芬\n", encoding: "utf-8"},
		{name: "gb18030", data: gb, text: chineseRosterCSV, encoding: "gb18030"},
		{name: "windows-1252 roster", data: cp1252(englishRosterCSV), text: englishRosterCSV, encoding: "windows-1252"},
		{name: "windows-1252 scoresheet", data: cp1252(scoresheetWindows1252CSV), text: scoresheetWindows1252CSV, encoding: "windows-1252"},
		{name: "latin-1 byte in ASCII is windows-1252", data: []byte("Name\nRen\xe9e\n"), text: "Name\nRenée\n", encoding: "windows-1252"},
		{
			name:     "one stray byte in UTF-8 Chinese",
			data:     []byte("编号,姓名,社区\nT01,王淑芬,石庄社区\nT02,Ren\xe9e,东坝村\nT03,张磊,东坝村\n"),
			text:     "编号,姓名,社区\nT01,王淑芬,石庄社区\nT02,Ren\uFFFDe,东坝村\nT03,张磊,东坝村\n",
			encoding: "utf-8",
			bad:      []InvalidByte{{Line: 3, Col: 8, Byte: 0xE9}},
		},
		{
			name:     "stray bytes after a BOM",
			data:     []byte("\xef\xbb\xbf姓\x93名\n\x94x\n"),
			text:     "姓\uFFFD名\n\uFFFDx\n",
			encoding: "utf-8 with BOM",
			bad:      []InvalidByte{{Line: 1, Col: 2, Byte: 0x93}, {Line: 2, Col: 1, Byte: 0x94}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, encoding, bad := DecodeText(tc.data)
			assert.Equal(t, tc.encoding, encoding)
			assert.Equal(t, tc.text, text)
			assert.Equal(t, tc.bad, bad)
		})
	}
	// The Windows-1252 bytes are the ones English Excel writes.
	for _, b := range []byte{0x93, 0x94, 0x96, 0xE9} {
		assert.Contains(t, string(cp1252(englishRosterCSV)), string([]byte{b}))
	}
}

// TestDecodeTextLongChinese checks that GB18030 text is not taken for
// UTF-8 with bad bytes, however many of its pairs happen to be UTF-8.
func TestDecodeTextLongChinese(t *testing.T) {
	src := strings.Repeat("王淑芬刘建国张磊陈晓燕李秀英赵刚石庄社区东坝村议事班成员居民代表物业社工楼门长社区干部主持人记录员喜欢发言语速快新任\n", 50)
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(src))
	require.NoError(t, err)
	text, encoding, bad := DecodeText(gb)
	assert.Equal(t, "gb18030", encoding)
	assert.Equal(t, src, text)
	assert.Empty(t, bad)
}
