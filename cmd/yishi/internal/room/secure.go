package room

import (
	"log/slog"
	"net/http"
	"path"
	"strings"
	"time"
)

// contentSecurityPolicy allows nothing but the room's own script, style
// and requests: no inline script, no other site, no framing.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// secure sets the headers every response carries. Referrer-Policy keeps a
// link's token out of any Referer header; pages are never cached, since
// they hold a person's card or scores.
func secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", contentSecurityPolicy)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("X-Frame-Options", "DENY")
		if !strings.HasPrefix(req.URL.Path, "/static/") {
			hd.Set("Cache-Control", "no-store")
		}
		h.ServeHTTP(w, req)
	})
}

// redactPath is a request's path as the log may show it: a link's token
// is replaced, so the log never holds a secret. The path is cleaned
// first, as the router cleans it: "//t/TOKEN" and "/static/../t/TOKEN"
// are redirected to the link, and hold its token as much as "/t/TOKEN".
func redactPath(p string) string {
	if c := path.Clean("/" + p); c == "/t" || strings.HasPrefix(c, "/t/") {
		return "/t/…"
	}
	return p
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Flush lets the event stream through the wrapper.
func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logRequests logs one line per request: method, path without tokens or
// query, status and time taken. Cookies, queries and bodies are never
// logged.
func logRequests(log *slog.Logger, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(sw, req)
		log.Info("request", "method", req.Method, "path", redactPath(req.URL.Path), "status", sw.status,
			"ms", time.Since(start).Milliseconds(), "from", clientIP(req))
	})
}
