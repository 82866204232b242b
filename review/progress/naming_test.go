package progress

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/yishi-council/yishi/scenario"
)

func TestNamesEnglish(t *testing.T) {
	nm := newNamer(bundled(t, "elevator-retrofit"))
	tests := []struct {
		name  string
		text  string
		named []string
	}{
		{name: "function word", text: "The host kept to time.", named: []string{"host"}},
		{name: "capitals and possessive", text: "HOST's summary was late.", named: []string{"host"}},
		{name: "plural", text: "Both recorders wrote.", named: []string{"recorder"}},
		{name: "not inside a word", text: "Hosting was weak; a ghost of a plan.", named: nil},
		{name: "the title whole", text: "Council host opened late.", named: []string{"host"}},
		{name: "part of a title", text: "Mr Zhao left early.", named: []string{"top-floor-elder"}},
		{name: "another part", text: "The owner of flat 101 objected.", named: []string{"ground-floor-owner"}},
		{name: "a number runs on", text: "Flat 1010 is not in the building.", named: nil},
		{name: "two roles", text: "Ms Sun and the recorder disagreed.", named: []string{"recorder", "ground-floor-owner"}},
		{name: "hyphen joins", text: "The co-host was absent.", named: nil},
		{name: "stakeholder names no one", text: "Every stakeholder spoke.", named: nil},
		{name: "Chinese word for the host", text: "主持人 was calm.", named: []string{"host"}},
		{name: "nothing", text: "The group was friendly.", named: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.named, named(nm, tt.text))
		})
	}
}

func TestNamesChinese(t *testing.T) {
	nm := newNamer(bundled(t, "shared-parking-charging"))
	tests := []struct {
		name  string
		text  string
		named []string
	}{
		{name: "function word without spaces", text: "主持人没有控制时间。", named: []string{"host"}},
		{name: "recorder", text: "记录员及时写在白板上", named: []string{"recorder"}},
		{name: "a title's part after its space", text: "韩经理打断了马师傅两次", named: []string{"property-pm", "old-driver"}},
		{name: "the whole title", text: "新能源车主 小刘提出了方案", named: []string{"ev-owner"}},
		{name: "English word in a Chinese scenario", text: "the recorder 很认真", named: []string{"recorder"}},
		{name: "nothing", text: "大家气氛友好。", named: nil},
		{name: "a surname alone is no name", text: "马上开始讨论", named: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.named, named(nm, tt.text))
		})
	}
}

func TestNamesTellRolesApart(t *testing.T) {
	s := &scenario.Scenario{Language: "en", Roles: []scenario.Role{
		{ID: "host", Title: "Council host", Function: scenario.FunctionHost},
		{ID: "guest", Title: "Guest host, visiting", Function: scenario.FunctionStakeholder},
		{ID: "a", Title: "Ms A, retired", Function: scenario.FunctionStakeholder},
		{ID: "b", Title: "Mr B, retired", Function: scenario.FunctionStakeholder},
	}}
	nm := newNamer(s)
	tests := []struct {
		name  string
		text  string
		named []string
	}{
		{name: "a name inside a longer name of another role", text: "The guest host spoke first.", named: []string{"guest"}},
		{name: "both, each on its own", text: "The host thanked the guest host.", named: []string{"host", "guest"}},
		{name: "a part two roles share names neither", text: "The retired owner left.", named: nil},
		{name: "the parts that differ", text: "Ms A and Mr B agreed.", named: []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.named, named(nm, tt.text))
		})
	}
}

// named lists the roles, in the scenario's order, that text names.
func named(nm *namer, text string) []string {
	var out, roles []string
	for _, rn := range nm.list {
		if !contains(roles, rn.role) {
			roles = append(roles, rn.role)
		}
	}
	for _, r := range roles {
		if nm.names(text, r) {
			out = append(out, r)
		}
	}
	return out
}
