package drilllog

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds Parse and Check mangled logs, seeded with the files of
// testdata: they must never panic, and a log that reads without an error
// must write and read back.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.yaml")
	csvs, _ := filepath.Glob("testdata/*.csv")
	for _, file := range append(files, csvs...) {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	p, s := fixture(f, "testdata/plan.yaml")
	f.Fuzz(func(t *testing.T, data []byte) {
		l, diags := Parse("fuzz", data)
		if l == nil {
			return
		}
		diags = append(diags, Check(l, p, s)...)
		if diags.HasErrors() {
			return
		}
		for _, g := range l.Split() {
			var b bytes.Buffer
			if err := WriteYAML(&b, *g); err != nil {
				t.Fatal(err)
			}
			back, d := Parse("again", b.Bytes())
			if d.HasErrors() {
				t.Fatalf("written log does not read back: %v\n%s", d, b.String())
			}
			if len(back.Entries) != len(g.Entries) {
				t.Fatalf("%d entries read back, want %d", len(back.Entries), len(g.Entries))
			}
		}
	})
}
