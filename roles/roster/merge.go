package roster

import (
	"slices"

	"github.com/yishi-council/yishi/scenario"
)

// Merge puts the trainees of base (the plan's roster) and of add (rosters
// of walk-ins, read with the same columns) in one roster, sorted by id as
// [Roster.SortedByID] sorts them, with the columns of all of them: base's
// first, then each new one in the order the rosters bring it. A column is
// numeric when it is numeric in every roster that has values in it. The
// merged roster keeps base's file, format, encoding and digest; the plan
// records each added roster by its own.
//
// An id in two of the rosters is an error at the later trainee, naming
// both files and rows; so is a column that holds numbers in one roster and
// words in another, which would change how every group is mixed. Every
// problem is reported at once: the error is a [scenario.Diagnostics], and
// the roster is nil then.
func Merge(base *Roster, add ...*Roster) (*Roster, error) {
	if base == nil {
		return nil, scenario.Invalid(scenario.Msg("no roster to add the walk-ins to"))
	}
	out := &Roster{
		File: base.File, Format: base.Format, SHA256: base.SHA256, Encoding: base.Encoding,
		Columns: slices.Clone(base.Columns),
	}
	var diags scenario.Diagnostics
	first := map[string]Trainee{}
	all := append([]*Roster{base}, add...)
	for _, r := range all {
		if r == nil {
			continue
		}
		for _, col := range r.Columns {
			if !slices.Contains(out.Columns, col) {
				out.Columns = append(out.Columns, col)
			}
		}
		for _, t := range r.Trainees {
			if prev, dup := first[t.ID]; dup {
				diags.Errorf(t.Pos, "%s: id %q is already used in %s, %s (%s); every trainee needs an id of their own", placeOf(t), t.ID, prev.Pos.File, placeOf(prev), prev.Name)
				continue
			}
			first[t.ID] = t
			out.Trainees = append(out.Trainees, t)
		}
	}
	out.Numeric = mergedNumeric(all, &diags)
	diags.Sort()
	if err := diags.Err(); err != nil {
		return nil, err
	}
	sorted := out.SortedByID()
	if sorted == out {
		out.index = make(map[string]int, len(out.Trainees))
		for i, t := range out.Trainees {
			out.index[t.ID] = i
		}
	}
	return sorted, nil
}

// placeOf names a trainee's row in messages: "row 4" ("line 4" in YAML),
// or their line when the roster was not read from a file by this package.
func placeOf(t Trainee) scenario.Message {
	if t.row.Format != "" {
		return t.row
	}
	return scenario.Msg("line %d", t.Pos.Line)
}

// mergedNumeric is the numeric columns of the rosters together: those
// numeric in every roster that has values in them. A column numeric in one
// roster and not in another that has values in it is an error at the
// first trainee of the second with a value there.
func mergedNumeric(all []*Roster, diags *scenario.Diagnostics) map[string]bool {
	// hasValues reports whether the roster has a value in col, and the
	// first trainee who has one.
	hasValues := func(r *Roster, col string) (Trainee, bool) {
		for _, t := range r.Trainees {
			if t.Attrs[col] != "" {
				return t, true
			}
		}
		return Trainee{}, false
	}
	numeric := map[string]bool{}
	for _, r := range all {
		if r == nil {
			continue
		}
		for col, num := range r.Numeric {
			if num {
				numeric[col] = true
			}
		}
	}
	cols := make([]string, 0, len(numeric))
	for col := range numeric {
		cols = append(cols, col)
	}
	slices.Sort(cols)
	for _, col := range cols {
		var numIn *Roster
		for _, r := range all {
			if r != nil && r.Numeric[col] {
				numIn = r
				break
			}
		}
		for _, r := range all {
			if r == nil || r.Numeric[col] {
				continue
			}
			if t, ok := hasValues(r, col); ok {
				diags.Errorf(t.Pos, "%s: column %s holds numbers in %s but %q here; write a number, or leave it empty", placeOf(t), col, numIn.File, t.Attrs[col])
				delete(numeric, col)
			}
		}
	}
	if len(numeric) == 0 {
		return nil
	}
	return numeric
}
