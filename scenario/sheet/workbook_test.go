package sheet

import (
	"archive/zip"
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/scenario"
)

// zipOf makes a zip file holding the named entries.
func zipOf(t *testing.T, entries map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for name, body := range entries {
		f, err := w.Create(name)
		require.NoError(t, err)
		_, err = f.Write([]byte(body))
		require.NoError(t, err)
	}
	require.NoError(t, w.Close())
	return b.Bytes()
}

func TestDetect(t *testing.T) {
	xlsx := zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
	tests := []struct {
		name string
		data []byte
		want Kind
	}{
		{"CSV", []byte("reviewer,round\n"), Text},
		{"empty", nil, Text},
		{"XLSX", xlsx, XLSX},
		{"XLSX cut short", xlsx[:len(xlsx)/2], BrokenZip},
		{"zip magic alone", []byte("PK\x03\x04"), BrokenZip},
		{"xls, et or a password", append(append([]byte{}, ole2Magic...), 0, 0, 0), OLE2},
		{"Numbers", zipOf(t, map[string]string{"Index/Document.iwa": "x", "Metadata/Properties.plist": "x"}), Numbers},
		{"ODS", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "x"}), ODS},
		{"another zip", zipOf(t, map[string]string{"photo.jpg": "x"}), OtherZip},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Detect(tt.data))
			assert.NotEmpty(t, tt.want.Describe().Format)
		})
	}
}

func TestNumberText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"４", "4"},
		{"３．５", "3.5"},
		{" ４ ", "4"},
		{"\u3000４\u3000", "4"},
		{"－１", "-1"},
		{"５分", "5分"},
		{"4", "4"},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, NumberText(tt.in), "%q", tt.in)
	}
}

func TestTableWhere(t *testing.T) {
	csv, book := &Table{}, &Table{Sheet: "第1轮"}
	assert.Equal(t, "row 3, column G (节奏把控)", csv.Where(3, 6, "节奏把控").String())
	assert.Equal(t, `sheet "第1轮", row 3, column G (节奏把控)`, book.Where(3, 6, "节奏把控").String())
	assert.Equal(t, `sheet "第1轮", row 3, column AA`, book.Where(3, 26, "").String())
	assert.Equal(t, "row 3", csv.RowAt(3).String())
	assert.Equal(t, `sheet "第1轮", row 3`, book.RowAt(3).String())
	for _, m := range []scenario.Message{book.Where(3, 6, "h"), book.RowAt(3)} {
		assert.NotContains(t, m.Format, "第1轮")
		assert.Contains(t, m.Args, "第1轮", "the sheet's name is an argument, not part of the format")
	}
}

func TestLost(t *testing.T) {
	_, lost := Lost("王淑芬", 0, "gb18030")
	assert.False(t, lost)
	_, lost = Lost("王\uFFFD芬", 1, "utf-8")
	assert.False(t, lost, "a reported byte is not lost again")
	m, lost := Lost("王\uFFFD芬", 0, "gb18030")
	require.True(t, lost)
	assert.Contains(t, m.String(), "could not be read as gb18030")
	assert.Contains(t, m.Args, SaveAsUTF8, "the advice is a message of its own, translated with it")
}

func TestIsEmpty(t *testing.T) {
	for name, data := range map[string]string{
		"no bytes":        "",
		"line breaks":     "\r\n\n",
		"spaces and tabs": " \t \n",
		"a BOM":           "\xEF\xBB\xBF\n",
		"full-width":      "　\n",
		"UTF-16 spaces":   "\xFF\xFE \x00\n\x00",
	} {
		assert.True(t, IsEmpty([]byte(data)), name)
	}
	for name, data := range map[string]string{
		"a comma":  ",\n",
		"a zip":    "PK\x03\x04",
		"a header": "reviewer,round\n",
	} {
		assert.False(t, IsEmpty([]byte(data)), name)
	}
}
