package scenario

import "testing"

func TestWithoutConfidential(t *testing.T) {
	s := &Scenario{Roles: []Role{{ID: "host", Brief: "b", Confidential: "secret"}, {ID: "elder", Confidential: "also secret"}}}
	pub := s.WithoutConfidential()
	for _, r := range pub.Roles {
		if r.Confidential != "" {
			t.Errorf("role %s keeps its confidential brief", r.ID)
		}
	}
	if pub.Roles[0].Brief != "b" {
		t.Error("the public brief is kept")
	}
	if s.Roles[0].Confidential != "secret" || s.Roles[1].Confidential != "also secret" {
		t.Error("the scenario itself is changed")
	}
}
