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

// spanishRosterCSV is a 20-row roster from a Spanish-speaking neighbourhood
// as English Excel saves it, in Windows-1252. Most accented letters stand
// inside words, before an ASCII letter, and some next to each other
// (Núñez, Ibáñez): read as GB18030, each such pair of bytes makes a
// Chinese character or a U+FFFD.
const spanishRosterCSV = "ID,Name,Unit,Background\r\n" +
	"E01,María Núñez,Eastside,Social worker\r\n" +
	"E02,Chloé Martin,Eastside,Resident representative\r\n" +
	"E03,José Ibáñez,Eastside,Property-management staff\r\n" +
	"E04,Lucía Yáñez,Eastside,Discussion-class member\r\n" +
	"E05,Íñigo Martínez,Eastside,Community cadre\r\n" +
	"E06,Inés Rodríguez,Westside,Social worker\r\n" +
	"E07,Sofía Muñoz,Westside,Resident representative\r\n" +
	"E08,Raúl Sánchez,Westside,Property-management staff\r\n" +
	"E09,Andrés Gómez,Westside,Discussion-class member\r\n" +
	"E10,Begoña Pérez,Westside,Community cadre\r\n" +
	"E11,Ramón Núñez,Riverside,Social worker\r\n" +
	"E12,Verónica Hernández,Riverside,Resident representative\r\n" +
	"E13,Joaquín Domínguez,Riverside,Property-management staff\r\n" +
	"E14,Mónica Jiménez,Riverside,Discussion-class member\r\n" +
	"E15,Óscar Álvarez,Riverside,Community cadre\r\n" +
	"E16,Ana Peña,Old Town,Social worker\r\n" +
	"E17,Héctor Ordóñez,Old Town,Resident representative\r\n" +
	"E18,Germán Cañas,Old Town,Property-management staff\r\n" +
	"E19,Noémie Dubois,Old Town,Discussion-class member\r\n" +
	"E20,Tomás Castaño,Old Town,Community cadre\r\n"

// mixedGB18030CSV is a Chinese roster with English names and pinyin, as
// Chinese Excel saves it: é and ǜ are GBK's pinyin letters.
const mixedGB18030CSV = "编号,姓名,社区,备注\r\n" +
	"T01,王淑芬,石庄社区,3号楼A座\r\n" +
	"T02,Renée Dupont,东坝村,法国志愿者\r\n" +
	"T03,吕淑华,东坝村,lǚ shūhuá\r\n" +
	"T04,Tom Li,石庄社区,\r\n"

// scoresheetWindows1252CSV is a scoresheet-like CSV with the same marks.
const scoresheetWindows1252CSV = "Reviewer [reviewer],Round [round],Group [group],Organization (1–5) [organization],Evidence [organization.evidence]\r\n" +
	"Renée,1,1,4,“Let’s begin” – opened on time\r\n"

func cp1252(t testing.TB, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	require.NoError(t, err)
	return b
}

func gb18030(t testing.TB, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	require.NoError(t, err)
	return b
}

func TestDecodeTextEncodings(t *testing.T) {
	cp1252 := func(s string) []byte { return cp1252(t, s) }
	gb := gb18030(t, chineseRosterCSV)
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
		{name: "windows-1252 roster with accents inside names", data: cp1252(spanishRosterCSV), text: spanishRosterCSV, encoding: "windows-1252"},
		{name: "gb18030 with English names and pinyin", data: gb18030(t, mixedGB18030CSV), text: mixedGB18030CSV, encoding: "gb18030"},
		{name: "gb18030 one name a line", data: gb18030(t, "王\r\n张磊\r\n欧阳娜娜\r\n"), text: "王\r\n张磊\r\n欧阳娜娜\r\n", encoding: "gb18030"},
		{name: "windows-1252 curly quotes alone", data: cp1252("Notes\r\n“quiet” – listens\r\n"), text: "Notes\r\n“quiet” – listens\r\n", encoding: "windows-1252"},
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
	// The Windows-1252 bytes are the ones English Excel writes, and the
	// Spanish roster has the pairs of high bytes that GB18030 would take
	// for one character.
	assert.Contains(t, string(cp1252(spanishRosterCSV)), "N\xfa\xf1ez")
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

// TestDecodeTextOneName checks the shortest files, one name under a
// header, where there is least evidence: each must come back as written.
func TestDecodeTextOneName(t *testing.T) {
	latin := []string{"María", "Núñez", "Chloé", "José", "Íñigo", "Zoë", "Ødegård", "Åström", "Françoise", "Müller", "Begoña", "NÚÑEZ", "Siobhán O’Brien", "Renée-Claude"}
	for _, name := range latin {
		t.Run(name, func(t *testing.T) {
			src := "Name\r\n" + name + "\r\n"
			text, encoding, bad := DecodeText(cp1252(t, src))
			assert.Equal(t, "windows-1252", encoding)
			assert.Equal(t, src, text)
			assert.Empty(t, bad)
		})
	}
	chinese := []string{"王", "李", "张磊", "欧阳娜娜", "石庄社区", "议事班成员", "吕", "赵刚"}
	for _, name := range chinese {
		t.Run(name, func(t *testing.T) {
			for _, src := range []string{name, name + "\r\n", "姓名\r\n" + name + "\r\n"} {
				text, encoding, bad := DecodeText(gb18030(t, src))
				assert.Equal(t, "gb18030", encoding, "%q", src)
				assert.Equal(t, src, text)
				assert.Empty(t, bad)
			}
		})
	}
}

// TestPlausibility checks the evidence DecodeText weighs, text by text.
func TestPlausibility(t *testing.T) {
	tests := []struct {
		name          string
		better, worse string
	}{
		{"accents inside words beat Chinese characters between Latin letters", "María Núñez", "Mar韆 N\uFFFDez"},
		{"a replacement character loses", "Chloé,", "Chlo\uFFFD,"},
		{"Chinese in runs beats Latin-1 letters with no ASCII beside them", "王淑芬", "ÍõÊç·Ò"},
		{"a lone Chinese character beats two accented letters", "王", "Íõ"},
		{"common ideographs beat compatibility ideographs", "王淑芬", "王\uF900芬"},
		{"private-use characters lose", "王淑芬", "王\uE000芬"},
		{"C1 controls lose", "“quiet”", "\u0093quiet\u0094"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Greater(t, plausibility(tc.better), plausibility(tc.worse))
		})
	}
}
