package messages

import (
	"flag"
	"fmt"
	"os"
	"testing"
)

var dump = flag.String("dump", "", "write the formats without a Chinese entry to this file, as Go map lines")

func TestDumpMissing(t *testing.T) {
	if *dump == "" {
		t.Skip("no -dump")
	}
	ex := extract(t)
	f, err := os.Create(*dump)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, u := range sortedUses(ex.formats) {
		if _, ok := zh[u.format]; ok || !needsTranslation(u.format) {
			continue
		}
		fmt.Fprintf(f, "\t// %s\n\t%q: %q,\n", u.pos, u.format, "")
	}
	for _, n := range ex.nonLiteral {
		fmt.Fprintf(f, "// non-literal: %s\n", n)
	}
}
