package main

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/yishi-council/yishi/cmd/yishi/internal/messages"
)

var dumpMissing = flag.String("dump-missing", "", "write the texts without a Chinese entry to this file, numbered")

// helpTexts are the help texts of the command tree as English builds it:
// every command's Short and Long and every flag's usage, by the command
// they belong to. Examples are commands, printed as typed.
func helpTexts(t *testing.T) map[string]string {
	t.Helper()
	f, _, _ := testFactory(nil)
	root := newRootCmd(f)
	out := map[string]string{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Name() == "completion" || c.Name() == "help" {
			return // their texts are formats of lang.go
		}
		for _, s := range []string{c.Short, c.Long} {
			if s != "" {
				out[s] = c.CommandPath()
			}
		}
		for _, fs := range []*pflag.FlagSet{c.LocalFlags(), c.PersistentFlags()} {
			fs.VisitAll(func(fl *pflag.Flag) {
				if fl.Name != "help" && fl.Usage != "" {
					out[fl.Usage] = c.CommandPath() + " --" + fl.Name
				}
			})
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	return out
}

// TestCatalogComplete fails naming every English text of the code without
// a Chinese entry, every Chinese entry no code uses any more, and every
// call that passes a format that is not a literal.
func TestCatalogComplete(t *testing.T) {
	ex := extract(t)
	help := helpTexts(t)
	zh := messages.Table()
	system := messages.SystemTable()
	required := map[string]string{}
	for f, where := range ex.formats {
		if messages.HasWords(f) {
			required[f] = where
		}
	}
	for s, where := range help {
		if _, ok := required[s]; !ok && messages.HasWords(s) {
			required[s] = where
		}
	}
	var missing []string
	for f, where := range required {
		_, inSystem := system[f]
		_, trimmed := zh[strings.Trim(f, " \n")]
		if _, ok := zh[f]; !ok && !inSystem && !trimmed {
			missing = append(missing, fmt.Sprintf("%s: %q", where, f))
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("%d English texts have no Chinese entry in cmd/yishi/internal/messages:\n%s", len(missing), strings.Join(missing, "\n"))
	}
	used := map[string]bool{}
	for f := range ex.formats {
		used[f], used[strings.Trim(f, " \n")] = true, true
	}
	var unused []string
	for k := range zh {
		if used[k] {
			continue
		}
		if _, ok := help[k]; ok {
			continue
		}
		unused = append(unused, fmt.Sprintf("%q", k))
	}
	sort.Strings(unused)
	if len(unused) > 0 {
		t.Errorf("%d Chinese entries are no code's text any more; remove them:\n%s", len(unused), strings.Join(unused, "\n"))
	}
	if len(ex.nonLiteral) > 0 {
		t.Errorf("these calls pass a format that is not a string literal, so no test can see that it is translated; write the format at the call:\n%s", strings.Join(ex.nonLiteral, "\n"))
	}
	if *dumpMissing != "" {
		var b strings.Builder
		for i, m := range missing {
			fmt.Fprintf(&b, "%d\t%s\n", i, m)
		}
		if err := os.WriteFile(*dumpMissing, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCatalogVerbs fails on an entry whose Chinese prints other arguments,
// or with other verbs, than its English.
func TestCatalogVerbs(t *testing.T) {
	help := helpTexts(t)
	for _, tbl := range []map[string]string{messages.Table(), messages.SystemTable()} {
		for en, tr := range tbl {
			if _, ok := help[en]; ok {
				continue // a help text is printed as it is, not formatted
			}
			if diff := messages.SameVerbs(en, tr); diff != "" {
				t.Errorf("%q → %q: %s", en, tr, diff)
			}
			if strings.TrimSpace(tr) == "" {
				t.Errorf("%q has an empty translation", en)
			}
		}
	}
}
