package sheet

// Book is a workbook to write: a small model of what yishi puts in one,
// which package sheet/xlsx turns into bytes. It holds no formulas: every
// value is written as text or a number, whatever it starts with.
type Book struct {
	Tabs []Tab
}

// Tab is one sheet of a [Book].
type Tab struct {
	// Name is the sheet's name as its tab shows it: at most 31
	// characters, none of : \ / ? * [ ].
	Name string
	// Rows are the sheet's rows from row 1; a row's values from column A.
	Rows [][]Value
	// FrozenRows and FrozenCols are the rows at the top and the columns
	// at the left that stay in view when the rest scrolls.
	FrozenRows, FrozenCols int
	// Protected protects the sheet, without a password, so that its
	// locked values (see [Value.Locked]) cannot be changed by accident;
	// every other value stays open for input.
	Protected bool
	// Widths are column widths in characters, by 0-based column; a
	// column without one keeps the default.
	Widths map[int]float64
	// Checks limit what may be typed in ranges of cells.
	Checks []WholeNumberCheck
}

// Value is one cell of a [Tab].
type Value struct {
	Text string
	// Number writes Text, which must then be a number, as a number.
	Number bool
	// Header styles the value as a column's header.
	Header bool
	// Locked keeps the value from being changed on a protected sheet.
	Locked bool
	// Comment is a note shown beside the cell when it is pointed at.
	Comment string
}

// WholeNumberCheck allows only whole numbers from Min to Max in the cells
// of column Col from row FirstRow to LastRow (1-based, inclusive), with
// a message shown when such a cell is chosen and one shown when anything
// else is typed.
type WholeNumberCheck struct {
	Col               int
	FirstRow, LastRow int
	Min, Max          int
	// PromptTitle and Prompt are shown when a cell is chosen;
	// ErrorTitle and Error when a value outside the check is typed.
	PromptTitle, Prompt string
	ErrorTitle, Error   string
}
