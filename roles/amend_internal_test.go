package roles

import (
	"testing"
)

func TestWarningRound(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"round 1: 4 groups but only 3 trainees with background \"expert\": group 4 has none", 1},
		{"round 12, group 3: nobody plays Recorder, so the inject at 00:20 reaches nobody", 12},
		{"round 2 stopped at the time budget of 1s; the same seed may give another plan on another machine", 2},
		{"role \"Observer\" is played in no group", 0},
		{"round 3", 0},
		{"round x: nothing", 0},
		{"rounds 1–2 ...", 0},
	}
	for _, tt := range tests {
		if got := warningRound(tt.text); got != tt.want {
			t.Errorf("warningRound(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}
