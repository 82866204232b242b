package sheet

// Limits on what is read of a workbook: far more than a sign-up sheet or a
// scoresheet holds (a street office's roster is a few hundred rows of a
// dozen columns; a reviewer's workbook a sheet of groups per round), and
// little enough that a workbook made to be huge, or a sheet of other data
// sent by mistake, is refused quickly and without holding it all in
// memory. Each is an error that names it.
const (
	// MaxRows is how many rows of one sheet are read.
	MaxRows = 10_000
	// MaxColumns is how many columns of a row are read: A to GR.
	MaxColumns = 200
	// MaxCellChars is the longest value of one cell, in characters.
	MaxCellChars = 10_000
	// MaxUnzipped is the most a workbook may hold once unzipped, in bytes:
	// a workbook is a zip of XML, which Excel compresses about tenfold, so
	// a workbook of 4 MB ([scenario.MaxFileSize]) of cells unzips to less.
	MaxUnzipped = 32 << 20
)
