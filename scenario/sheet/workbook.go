package sheet

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"

	"github.com/yishi-council/yishi/scenario"
)

// Signatures of files that are not text: an XLSX workbook is a zip file,
// an Excel 97–2003 workbook (.xls) an OLE2 compound file.
var (
	zipMagic  = []byte("PK\x03\x04")
	ole2Magic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// Kind is what a file is by its content, whatever its name says.
type Kind int

// Kinds of file that [Detect] tells apart.
const (
	// Text is anything that is not one of the others: CSV, YAML.
	Text Kind = iota
	// XLSX is an Office Open XML workbook, as Excel and WPS save .xlsx.
	XLSX
	// OLE2 is an Excel 97–2003 workbook (.xls), a WPS workbook (.et), or
	// a workbook saved with a password, which Excel wraps the same way.
	OLE2
	// Numbers is an Apple Numbers document.
	Numbers
	// ODS is an OpenDocument spreadsheet (LibreOffice).
	ODS
	// BrokenZip is a zip file that does not open: a workbook cut short in
	// a download or a copy.
	BrokenZip
	// OtherZip is a zip file that is no spreadsheet.
	OtherZip
)

// Detect tells what data is from its first bytes and, for a zip file,
// the names inside it.
func Detect(data []byte) Kind {
	switch {
	case bytes.HasPrefix(data, ole2Magic):
		return OLE2
	case !bytes.HasPrefix(data, zipMagic):
		return Text
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return BrokenZip
	}
	for _, f := range z.File {
		switch {
		case strings.HasPrefix(f.Name, "xl/"):
			return XLSX
		case strings.HasPrefix(f.Name, "Index/") && strings.HasSuffix(f.Name, ".iwa"):
			return Numbers
		case f.Name == "mimetype" && odsMimetype(f):
			return ODS
		}
	}
	return OtherZip
}

// IsEmpty reports whether data is an empty file: no bytes, or nothing but
// spaces and line breaks (after a byte-order mark), as a file left by a
// failed copy or saved before anything was typed is. Readers tell such a
// file so, whatever its name, rather than call it damaged or of another
// kind.
func IsEmpty(data []byte) bool {
	if len(data) > 64<<10 {
		return false // no one saves that much white space alone
	}
	text, _, _ := DecodeText(data)
	return strings.TrimSpace(strings.TrimPrefix(text, BOM)) == ""
}

// odsMimetype reports whether the zip entry, a document's mimetype, says
// OpenDocument spreadsheet.
func odsMimetype(f *zip.File) bool {
	rc, err := f.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	var b [64]byte
	n, _ := io.ReadFull(rc, b[:])
	return strings.HasPrefix(string(b[:n]), "application/vnd.oasis.opendocument.spreadsheet")
}

// Describe names the kind of file for a message: "an Excel workbook
// (.xlsx)".
func (k Kind) Describe() scenario.Message {
	switch k {
	case XLSX:
		return scenario.Msg("an Excel workbook (.xlsx)")
	case OLE2:
		return scenario.Msg("an Excel 97–2003 workbook (.xls), a WPS workbook (.et) or a workbook with a password")
	case Numbers:
		return scenario.Msg("an Apple Numbers document")
	case ODS:
		return scenario.Msg("an OpenDocument spreadsheet (.ods)")
	case BrokenZip:
		return scenario.Msg("a zip file that does not open (a workbook cut short, perhaps in a download or a copy)")
	case OtherZip:
		return scenario.Msg("a zip file that holds no workbook")
	}
	return scenario.Msg("a text file")
}

// WorkbookReader reads every sheet of a workbook file into a table each,
// cells placed at their Excel row and column with [Table.Sheet] set, blank
// rows left out; problems that stop a sheet or the file from being read go
// to diags at the file. Package sheet/xlsx has one; it is passed in, not
// imported, so that readers of CSV and YAML do not carry a workbook
// library.
type WorkbookReader func(file string, data []byte, diags *scenario.Diagnostics) []*Table
