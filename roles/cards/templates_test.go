package cards

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTemplatesParsedOnce: the HTML templates are parsed once, when the
// package loads, not per call or per language. Rendering a card in a
// language no card has used before costs no more than rendering it again.
func TestTemplatesParsedOnce(t *testing.T) {
	c := Card{Language: "en", Name: "Ann", TraineeID: "T01", ScenarioTitle: "A drill"}
	m := MasterSheet{Language: "en", ScenarioTitle: "A drill"}
	render := func(lang string) {
		c.Language, m.Language = lang, lang
		_, err := RenderCard(c, FormatHTML)
		require.NoError(t, err)
		_, err = RenderMaster(m, FormatHTML)
		require.NoError(t, err)
	}
	render("en")
	again := testing.AllocsPerRun(20, func() { render("en") })
	n := 0
	fresh := testing.AllocsPerRun(20, func() {
		n++
		render(fmt.Sprintf("x%d", n))
	})
	assert.LessOrEqual(t, fresh, again*1.1+5, "a new language reparses the templates: %.0f allocations against %.0f", fresh, again)
}
