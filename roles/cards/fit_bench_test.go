package cards

import "testing"

// BenchmarkOverflows measures the card-length check on the longest
// bundled scenario, as validate --lint and assign run it.
func BenchmarkOverflows(b *testing.B) {
	s := parsedBundled(b, "beautiful-home")
	for b.Loop() {
		Overflows(s)
	}
}
