package progress

import (
	"regexp"
	"strings"
	"testing"

	"github.com/yishi-council/yishi/roles/cards"
	"github.com/yishi-council/yishi/scenario"
)

// FuzzPaths checks that any two trainee ids and names get two safe file
// names that differ even to a file system that ignores case.
func FuzzPaths(f *testing.F) {
	f.Add("T1", "Ann Lee", "t1", "ann lee")
	f.Add("../x", "", "..\\x", "")
	f.Add("CON", "", "con", "")
	f.Add("张三", "张三", "张三", "张三\u200b")
	elem := regexp.MustCompile(`^` + TraineeDir + `/([^/\\]+)\.html$`)
	f.Fuzz(func(t *testing.T, id1, name1, id2, name2 string) {
		if id1 == id2 {
			return // one trainee
		}
		ts := []*Trainee{{ID: id1, Name: name1}, {ID: id2, Name: name2}}
		setPaths(ts)
		for _, tr := range ts {
			m := elem.FindStringSubmatch(tr.Page)
			if m == nil || cards.SafeFileName(m[1]) != m[1] {
				t.Fatalf("%q → unsafe %q", tr.ID, tr.Page)
			}
		}
		if strings.EqualFold(ts[0].Page, ts[1].Page) {
			t.Fatalf("%q and %q share %q", id1, id2, ts[0].Page)
		}
	})
}

// FuzzNotes checks that no text, however odd, breaks the search for the
// roles it names, and that a text naming the host by its function word
// lands on the host's page.
func FuzzNotes(f *testing.F) {
	f.Add("The host kept time.")
	f.Add("主持人超时")
	f.Add("\xff\xfehost\u0130s")
	s := &scenario.Scenario{Language: "en", Roles: []scenario.Role{
		{ID: "host", Title: "Council host", Function: scenario.FunctionHost},
		{ID: "elder", Title: "Mr Zhao, flat 602", Function: scenario.FunctionStakeholder},
	}}
	nm := newNamer(s)
	f.Fuzz(func(t *testing.T, text string) {
		nm.names(text, "host")
		nm.names(text, "elder")
		if !nm.names(text+" the host. "+text, "host") {
			t.Fatalf("%q does not name the host", text)
		}
	})
}
