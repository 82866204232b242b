package measure

// This file stands in for the measures' definitions until they land with
// Of: the report calls Definitions, DefinitionOf and Format as agreed, and
// this gives them a plain form to compile and test against. Delete it
// when the real definitions are merged.

import (
	"strconv"

	"github.com/yishi-council/yishi/scenario"
)

// Definition is what a report prints with a measure.
type Definition struct {
	ID                string
	Title, Definition scenario.Text
	Tells, Cannot     scenario.Text
	Source            string
	Unit              string
}

// Definitions has one entry per [scenario.Measures] id, in its order.
var Definitions = func() []Definition {
	units := map[string]string{
		scenario.MeasureOverrun: "share", scenario.MeasureHostShare: "share", scenario.MeasureFloorPasses: "share",
		scenario.MeasureInjectResponse: "minutes", scenario.MeasureFirstSummary: "minutes",
		scenario.MeasurePhasesSkipped: "count", scenario.MeasureSilentMembers: "count", scenario.MeasureSummaries: "count",
		scenario.MeasureInterruptionsPer10: "per10",
	}
	var out []Definition
	for _, id := range scenario.Measures {
		u := units[id]
		if u == "" {
			u = "index"
		}
		out = append(out, Definition{ID: id, Title: scenario.Text{"": id}, Unit: u})
	}
	return out
}()

// DefinitionOf returns the definition of the measure id.
func DefinitionOf(id string) (Definition, bool) {
	for _, d := range Definitions {
		if d.ID == id {
			return d, true
		}
	}
	return Definition{}, false
}

// Format is how reports print a value of the measure id.
func Format(id string, v float64, lang string) string {
	d, _ := DefinitionOf(id)
	switch d.Unit {
	case "share":
		return strconv.FormatFloat(v*100, 'f', 0, 64) + " %"
	case "minutes":
		return strconv.FormatFloat(v, 'f', 1, 64) + " min"
	case "count":
		return strconv.FormatFloat(v, 'f', 0, 64)
	case "per10":
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}
