package history

import (
	"bytes"
	"cmp"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/yishi-council/yishi/scenario"
)

// Kind is the kind of the JSON listing [JSON] writes.
const Kind = "history"

// words are the listing's headings and fillers.
var words = scenario.Words{
	"en": {
		"trainee": "TRAINEE", "name": "NAME", "date": "DATE", "scenario": "SCENARIO", "round": "ROUND",
		"group": "GROUP", "role": "ROLE", "scores": "SCORES OF THE ROLE'S DIMENSIONS", "total": "WEIGHTED TOTAL",
		"none": "–", "sep": "; ",
	},
	"zh": {
		"trainee": "学员编号", "name": "姓名", "date": "日期", "scenario": "情景", "round": "轮次",
		"group": "组", "role": "角色", "scores": "本角色负责维度的得分", "total": "加权总分",
		"none": "–", "sep": "；",
	},
}

// Table is the listing of ths as rows of cells, the headings first, in
// lang (en or zh): one row a round of a day, a trainee's id and name on
// their first row only. The caller aligns the columns.
func Table(ths []TraineeHistory, lang string) [][]string {
	w := func(k string) string { return words.In(lang, k) }
	// The scenario by its id, and the long cell of scores last: a row
	// fits a terminal as far as the total.
	rows := [][]string{{w("trainee"), w("name"), w("date"), w("scenario"), w("round"), w("group"), w("role"), w("total"), w("scores")}}
	for _, th := range ths {
		for i, e := range th.Entries {
			id, name := th.ID, th.Name
			if i > 0 {
				id, name = "", ""
			}
			role := e.RoleTitle
			if role == "" {
				role = cmp.Or(e.Role, w("none"))
			}
			var scores []string
			for _, sc := range e.Scores {
				scores = append(scores, sc.Title+" "+number(sc.Mean, w("none")))
			}
			cell := strings.Join(scores, w("sep"))
			if cell == "" {
				cell = w("none")
			}
			rows = append(rows, []string{id, name, e.Date, e.Scenario, strconv.Itoa(e.Round), strconv.Itoa(e.Group), role, number(e.Weighted, w("none")), cell})
		}
	}
	return rows
}

// number is v with two decimals, or none for nil.
func number(v *float64, none string) string {
	if v == nil {
		return none
	}
	return strconv.FormatFloat(*v, 'f', 2, 64)
}

// Listing is the JSON form of a cohort's history.
type Listing struct {
	Version  int              `json:"version"`
	Kind     string           `json:"kind"`
	Cohort   string           `json:"cohort"`
	Trainees []TraineeHistory `json:"trainees"`
}

// JSON is the listing of ths, the history of the cohort named cohort, as
// indented JSON ending in a newline. The same history gives the same bytes.
func JSON(cohort string, ths []TraineeHistory) ([]byte, error) {
	if ths == nil {
		ths = []TraineeHistory{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(Listing{Version: 1, Kind: Kind, Cohort: cohort, Trainees: ths}); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
