package room

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"time"

	"github.com/yishi-council/yishi/roles/cards"
	"github.com/yishi-council/yishi/scenario"
)

// page is what every template is given: the language, the title, and the
// fragment the page fetches again when its event stream says so.
type page struct {
	lang  string
	Title string
	// Live is the address of the part of the page that follows the
	// room; empty for a page that does not.
	Live string
	// NowMS is the room's clock when the page was made, in Unix
	// milliseconds: the page's script reckons times by it, whatever the
	// phone's own clock says.
	NowMS int64
}

// Lang is the page's language as HTML names it.
func (p page) Lang() string {
	if p.lang == "zh" {
		return "zh-Hans"
	}
	return "en"
}

// L returns the fixed word key in the page's language.
func (p page) L(key string) string { return words.In(p.lang, key) }

// F formats the fixed word key with args.
func (p page) F(key string, args ...any) string { return fmt.Sprintf(words.In(p.lang, key), args...) }

// Colon is the colon of the page's language, as every document writes it.
func (p page) Colon() string { return words.In(p.lang, "colon") }

// Join writes a list the way the page's language does.
func (p page) Join(items []string) string { return strings.Join(items, words.In(p.lang, "list_sep")) }

func (r *Room) page(title string) page {
	if title == "" {
		title = words.In(r.lang, "room")
	}
	return page{lang: r.lang, Title: title, NowMS: r.now().UnixMilli()}
}

func parseTemplates(r *Room) (*template.Template, error) {
	return template.New("").Funcs(template.FuncMap{
		"paras": cards.Paragraphs,
		"clock": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.In(r.loc).Format("15:04:05")
		},
		"hm": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.In(r.loc).Format("15:04")
		},
		"dur": formatDuration,
		// dict passes several values to a template: name, value, ...
		"dict": func(kv ...any) map[string]any {
			m := make(map[string]any, len(kv)/2)
			for i := 0; i+1 < len(kv); i += 2 {
				m[kv[i].(string)] = kv[i+1]
			}
			return m
		},
		"ms": func(d time.Duration) int64 { return d.Milliseconds() },
	}).ParseFS(templateFS, "templates/*.html.tmpl")
}

// render writes template name with data; a template that fails leaves
// nothing half-written.
func (r *Room) render(w http.ResponseWriter, status int, name string, data any) {
	var buf bytes.Buffer
	if err := r.tmpl.ExecuteTemplate(&buf, name, data); err != nil {
		r.logError("render "+name, err)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// formatDuration writes a duration as m:ss, or h:mm:ss from an hour on,
// with a minus sign when negative.
func formatDuration(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	s := int64(d / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%s%d:%02d:%02d", sign, s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%s%d:%02d", sign, s/60, s%60)
}

// codePage asks for a short code.
type codePage struct {
	page
	Error string
}

// handleHome sends each person to their own page: the console, the
// reviewer's groups, the trainee's card; without a session, the page to
// type a code on.
func (r *Room) handleHome(w http.ResponseWriter, req *http.Request) {
	p, ok := r.session(req)
	if !ok {
		if r.unknown(w, req) {
			return
		}
		if _, err := req.Cookie(cookieName); err == nil {
			r.render(w, http.StatusUnauthorized, "code", codePage{page: r.page(""), Error: words.In(r.lang, "revoked")})
			return
		}
		r.render(w, http.StatusOK, "code", codePage{page: r.page("")})
		return
	}
	switch p.Kind {
	case kindTrainer:
		r.consolePage(w, req, "")
	case kindReviewer:
		r.reviewerPage(w, p)
	default:
		r.traineePage(w, p)
	}
}

// fixedWords are scenario words the pages share with the cards.
func (p page) S(key string) string { return scenario.Label(p.lang, key) }
