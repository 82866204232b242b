package cards

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxFileNameBytes is the longest name [SafeFileName] returns, in bytes. It
// leaves room under the common 255-byte limit for an extension and a suffix.
const MaxFileNameBytes = 80

// SafeFileName turns user data, such as a trainee's name, into one path
// element that is safe on Linux, macOS and Windows. It keeps letters and
// digits of every script (so 张三 stays 张三), turns path separators,
// control characters, spaces and the characters Windows refuses
// (<>:"/\|?*) into '_', drops leading dots and trailing dots and spaces,
// and cuts the result to [MaxFileNameBytes] on a character boundary.
//
// Characters that show nothing or reorder the text around them never reach
// the name: format characters (Unicode Cf: direction overrides and
// isolates such as U+202E and U+2066–U+2069, zero-width spaces and joiners,
// the byte-order mark), variation selectors and the other default-ignorable
// characters (Hangul fillers) are dropped, so that "Ann\u202Egpj.exe" does
// not show as "Annexe.jpg" and two names that look alike are one name.
// The result is in Unicode normal form C, the form Windows and Linux store
// and macOS compares, so an "ë" typed in either of its two forms gives one
// name.
//
// It never returns "", "." or "..", nor a name Windows reserves for a
// device (CON, PRN, AUX, NUL, COM1–9, LPT1–9, with or without an
// extension), nor one a shell would read as an option ("-rf"): those get a
// leading '_'. Spaces around s are dropped first.
func SafeFileName(s string) string { return safeName(s, MaxFileNameBytes) }

// safeName is [SafeFileName] with a limit of limit bytes.
func safeName(s string, limit int) string {
	s = strings.TrimSpace(s)
	var b strings.Builder
	lastUnderscore := false
	put := func(r rune) {
		if r == '_' {
			if lastUnderscore {
				return
			}
			lastUnderscore = true
		} else {
			lastUnderscore = false
		}
		b.WriteRune(r)
	}
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			put('_')
		case strings.ContainsRune(`<>:"/\|?*`, r):
			put('_')
		case unicode.IsControl(r), unicode.IsSpace(r):
			put('_')
		case unicode.Is(unicode.Cf, r), unicode.Is(unicode.Variation_Selector, r),
			unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r):
			// dropped: they hide or reorder text, and make names that look
			// alike but differ
		case unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsMark(r):
			put(r)
		case strings.ContainsRune("-_.+()[]·", r):
			put(r)
		case unicode.IsPrint(r):
			// Punctuation and symbols (such as emoji) are printable but
			// trouble for shells and some file systems.
			put('_')
		default:
			put('_')
		}
	}
	out := norm.NFC.String(b.String())
	out = strings.TrimLeft(out, ".")
	out = truncateRunes(out, limit)
	// Windows drops trailing dots and spaces, making "a." and "a" one file.
	out = strings.TrimRight(out, ". ")
	if strings.Trim(out, "_") == "" {
		return "_"
	}
	if reservedName(out) || strings.HasPrefix(out, "-") {
		out = "_" + out
		out = strings.TrimRight(truncateRunes(out, limit), ". ")
	}
	return out
}

// truncateRunes cuts s to at most n bytes without splitting a character.
func truncateRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}

// reservedName reports whether Windows treats name as a device, whatever
// its case and extension ("con.txt" is the console too).
func reservedName(name string) bool {
	base := strings.ToUpper(name)
	if i := strings.IndexByte(base, '.'); i >= 0 {
		base = base[:i]
	}
	base = strings.TrimRight(base, " ")
	switch base {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) {
		c := base[3]
		return c >= '0' && c <= '9'
	}
	// Windows also reserves COM¹ and the like (superscript digits).
	if r, size := utf8.DecodeLastRuneInString(base); size > 1 && len(base)-size == 3 &&
		(strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) {
		return r == '¹' || r == '²' || r == '³'
	}
	return false
}
