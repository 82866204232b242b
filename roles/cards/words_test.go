package cards

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/scenario"
)

// wordUse finds the fixed words the package's code and templates ask for:
// L("key") in Go, L "key" in a template, words.In(lang, "key").
var wordUse = regexp.MustCompile(`\bL\(?\s*"([a-z_]+)"|\bIn\([^,()]+, "([a-z_]+)"\)`)

// TestWords checks the table of fixed words against the code that uses it:
// every word asked for exists in English and Chinese, every entry is asked
// for, and no entry repeats one of the words every document shares.
func TestWords(t *testing.T) {
	sources, err := filepath.Glob("*.go")
	require.NoError(t, err)
	tmpls, err := filepath.Glob("templates/*.tmpl")
	require.NoError(t, err)
	used := map[string]bool{}
	for _, name := range append(sources, tmpls...) {
		if filepath.Ext(name) == ".go" && len(name) > 8 && name[len(name)-8:] == "_test.go" {
			continue
		}
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		for _, m := range wordUse.FindAllStringSubmatch(string(data), -1) {
			used[m[1]+m[2]] = true
		}
	}
	require.NotEmpty(t, used)
	for key := range used {
		for _, lang := range scenario.Languages {
			_, own := words[lang][key]
			assert.True(t, own || sharedWord(key), "%s has no word for %q", lang, key)
		}
	}
	for _, lang := range scenario.Languages {
		var keys []string
		for key := range words[lang] {
			keys = append(keys, key)
		}
		sort.Strings(keys)
		for _, key := range keys {
			assert.True(t, used[key], "words[%s][%q] is never used", lang, key)
			assert.False(t, sharedWord(key), "words[%s][%q] hides the shared word", lang, key)
			for u := range used {
				if sharedWord(u) && words["en"][key] == scenario.Label("en", u) && words["zh"][key] == scenario.Label("zh", u) {
					t.Errorf("words[%s][%q] repeats the shared word %q", lang, key, u)
				}
			}
			for _, other := range scenario.Languages {
				_, ok := words[other][key]
				assert.True(t, ok, "%q is in %s but not in %s", key, lang, other)
			}
		}
	}
}

// sharedWord reports whether key is one of the words every document shares.
// [scenario.Label] returns the key when it has no word, and an English word
// may be its key ("to"), but no Chinese word is.
func sharedWord(key string) bool {
	return scenario.Label("zh", key) != key || scenario.Label("en", key) != key
}
