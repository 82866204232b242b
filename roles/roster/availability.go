package roster

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/yishi-council/yishi/scenario"
)

// ColumnRounds is the availability column (可参加轮次): the rounds a
// trainee attends, as round numbers, ranges or the names of the
// scenario's rounds. It is read into [Trainee.Rounds], never mixed and
// never an attribute.
const ColumnRounds = "rounds"

// Limits on an availability cell: a day has a handful of rounds, so a
// longer value is text pasted into the wrong column.
const (
	// MaxRoundTokenLength is the most characters one round of an
	// availability cell may have.
	MaxRoundTokenLength = 32
	// MaxRoundTokens is the most rounds an availability cell may list.
	MaxRoundTokens = 20
)

// isRoundSeparator reports whether r separates the rounds of an
// availability cell, once full-width forms are folded: "1,2", "1；2",
// "上午、下午", "1/2", "1 2".
func isRoundSeparator(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune(",;、/", r)
}

// readRounds reads an availability cell, text or (in YAML) a list, into
// its tokens, each trimmed and with full-width letters and digits made
// half-width ("１,２" is "1", "2"); a token given twice is kept once. An
// empty cell is nil: every round. A token longer than
// [MaxRoundTokenLength] or more than [MaxRoundTokens] tokens is an error at
// the cell, and the cell is then nil.
func readRounds(c cell, diags *scenario.Diagnostics) []string {
	parts := c.list
	if parts == nil {
		parts = []string{c.text}
	}
	var out []string
	for _, p := range parts {
		for _, tok := range strings.FieldsFunc(width.Fold.String(p), isRoundSeparator) {
			if tok = clean(tok); tok != "" && !slices.Contains(out, tok) {
				out = append(out, tok)
			}
		}
	}
	bad := false
	for _, tok := range out {
		if utf8.RuneCountInString(tok) > MaxRoundTokenLength {
			c.Errorf(diags, "availability %q is longer than %d characters; write the rounds the trainee attends, such as 1,2 or 上午", brief(tok), MaxRoundTokenLength)
			bad = true
		}
	}
	if len(out) > MaxRoundTokens {
		c.Errorf(diags, "the availability lists %d rounds, more than the %d a day can have; write the rounds the trainee attends, such as 1,2 or 上午", len(out), MaxRoundTokens)
		bad = true
	}
	if bad {
		return nil
	}
	return out
}
