package progress

import (
	"os"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWordsInBothLanguages checks that every word the templates and the
// code ask for is in both languages, so no page shows a key.
func TestWordsInBothLanguages(t *testing.T) {
	keys := map[string]bool{}
	tmpl := regexp.MustCompile(`\$\.[WLF] "([a-z_]+)"`)
	code := regexp.MustCompile(`words\.In\([a-zA-Z.]+, "([a-z_]+)"\)`)
	for file, re := range map[string]*regexp.Regexp{
		"templates/trainee.html.tmpl": tmpl, "templates/index.html.tmpl": tmpl,
		"render.go": code, "progress.go": code,
	} {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		for _, m := range re.FindAllStringSubmatch(string(data), -1) {
			keys[m[1]] = true
		}
	}
	// Keys made up in code from a prefix.
	for _, k := range []string{"out_absent", "out_unavailable", "cell_absent", "cell_unavailable", "measure_punctuality", "measure_gini", "measure_host_share"} {
		keys[k] = true
	}
	require.Greater(t, len(keys), 30, "the patterns find the keys")
	shared := map[string]bool{"colon": true, "list_sep": true, "rubric": true}
	for k := range keys {
		for _, lang := range []string{"en", "zh"} {
			_, ok := words[lang][k]
			assert.True(t, ok || shared[k], "%q has no word in %s", k, lang)
		}
	}
	assert.Equal(t, len(words["en"]), len(words["zh"]), "both languages have the same words")
	for k := range words["en"] {
		_, ok := words["zh"][k]
		assert.True(t, ok, "%q has no Chinese", k)
	}
}

// TestChineseWordsAsTrainersSay: the Chinese pages call the observer who
// taps 观察员 (记录人 is too close to 记录员, the recorder's role), the
// host's summaries 小结 and interruptions 插话.
func TestChineseWordsAsTrainersSay(t *testing.T) {
	require.Contains(t, words["zh"]["observed"], "观察员")
	for key, w := range words["zh"] {
		for _, bad := range []string{"记录人", "归纳", "打断"} {
			assert.NotContains(t, w, bad, key)
		}
	}
}
