package scenario

import "testing"

func TestAmount(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		unit string
		want string
	}{
		{35000, "¥ per flat", "¥35,000 per flat"},
		{450, "£", "£450"},
		{3.5, "£ a week", "£3.50 a week"},
		{8, "m", "8 m"},
		{3000, "元/月", "3,000 元/月"},
		{1.85, "¥ per m² a month", "¥1.85 per m² a month"},
		{-1234567.5, "", "-1,234,567.5"},
		{0, "", "0"},
		{999, "分钟", "999 分钟"},
	} {
		if got := amount(tt.v, tt.unit); got != tt.want {
			t.Errorf("amount(%v, %q) = %q, want %q", tt.v, tt.unit, got, tt.want)
		}
	}
}
