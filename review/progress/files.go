package progress

import (
	"encoding/json"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/yishi-council/yishi/roles/cards"
)

// The files of the cohort view, at the top of the folder.
const (
	IndexName  = "index.html"
	CohortName = "cohort.json"
	// TraineeDir is the folder, inside the one written to, of the
	// trainees' pages.
	TraineeDir = "trainees"
)

// File is one file to write: its path, relative to the folder written
// to and with forward slashes, and its content.
type File struct {
	Path string
	Data []byte
}

// Files renders the cohort: the cohort view (index.html and cohort.json)
// and, under trainees/, each trainee's page as HTML and as JSON. Paths
// are sorted; the same cohort gives the same bytes.
func (c *Cohort) Files() ([]File, error) {
	index, err := renderIndex(c)
	if err != nil {
		return nil, err
	}
	data, err := marshal(c)
	if err != nil {
		return nil, err
	}
	files := []File{{Path: IndexName, Data: index}, {Path: CohortName, Data: data}}
	for _, t := range c.Trainees {
		page, err := renderTrainee(c, t)
		if err != nil {
			return nil, err
		}
		data, err := marshal(t)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: t.Page, Data: page}, File{Path: t.Data, Data: data})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

func marshal(v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// setPaths gives each trainee the paths of their page and JSON file:
// trainees/ID-NAME.html and .json, each made safe with
// [cards.SafeFileName], as a card's file is named. Two trainees whose
// names come out the same, or the same but for case (T01 and t01, which
// macOS and Windows take for one file), are told apart by a number, given
// in the order of the trainees' ids.
func setPaths(ts []*Trainee) {
	taken := map[string]bool{}
	for _, t := range ts {
		label := t.ID
		if t.Name != "" {
			label += "-" + t.Name
		}
		base := cards.SafeFileName(label)
		name := base
		for n := 2; taken[strings.ToLower(name)]; n++ {
			name = fmt.Sprintf("%s-%d", base, n)
		}
		taken[strings.ToLower(name)] = true
		t.Page = path.Join(TraineeDir, name+".html")
		t.Data = path.Join(TraineeDir, name+".json")
	}
}
