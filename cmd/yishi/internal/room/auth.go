package room

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
)

// The kinds of person, as the store names them.
const (
	kindTrainer  = "trainer"
	kindTrainee  = "trainee"
	kindReviewer = "reviewer"
)

// cookieName is the cookie that carries a person's token after they
// opened their link, so the token leaves the address bar.
const cookieName = "yishi"

// codeAlphabet has no letters or digits a reader could take for another
// (0/O, 1/I/L, 2/Z, 5/S, 8/B).
const codeAlphabet = "ACDEFGHJKMNPQRTUVWXY34679"

// NewToken returns a new secret for a link: 128 bits from crypto/rand,
// URL-safe.
func NewToken() string {
	b := make([]byte, 16)
	rand.Read(b) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b)
}

// NewCode returns a new short code of six characters from an alphabet
// without look-alikes, to type where a camera fails.
func NewCode() string {
	b := make([]byte, 6)
	rand.Read(b)
	out := make([]byte, 6)
	for i, c := range b {
		// 250 is the largest multiple of 25 below 256: redraw above it,
		// so every character is equally likely.
		for c >= 250 {
			var one [1]byte
			rand.Read(one[:])
			c = one[0]
		}
		out[i] = codeAlphabet[int(c)%len(codeAlphabet)]
	}
	return string(out)
}

// normCode is a typed code as the room compares it: capitals, without
// spaces or dashes, with the look-alikes a person may type read as the
// character the alphabet has.
func normCode(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '\u3000':
			return -1
		}
		if r >= 'Ａ' && r <= 'Ｚ' {
			return r - 'Ａ' + 'A'
		}
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

type personKey struct{}

// personOf returns the person the request's cookie belongs to.
func personOf(req *http.Request) store.Person {
	p, _ := req.Context().Value(personKey{}).(store.Person)
	return p
}

// lookup finds the person whose token is tok, comparing in constant time;
// a revoked token is not found.
func (r *Room) lookup(tok string) (store.Person, bool) {
	if tok == "" {
		return store.Person{}, false
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	i, ok := r.byHash[sha256.Sum256([]byte(tok))]
	if !ok {
		return store.Person{}, false
	}
	p := r.people[i]
	if subtle.ConstantTimeCompare([]byte(p.Token), []byte(tok)) != 1 || p.Revoked {
		return store.Person{}, false
	}
	return p, true
}

// lookupCode finds the trainee or reviewer whose short code is code.
func (r *Room) lookupCode(code string) (store.Person, bool) {
	c := normCode(code)
	if len(c) != 6 {
		return store.Person{}, false
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	i, ok := r.byCode[c]
	if !ok {
		return store.Person{}, false
	}
	p := r.people[i]
	// The trainer's console opens by link only: six letters are too few
	// to guard it.
	if subtle.ConstantTimeCompare([]byte(normCode(p.Code)), []byte(c)) != 1 || p.Revoked || p.Kind == kindTrainer {
		return store.Person{}, false
	}
	return p, true
}

// session returns the person whose token the request's cookie carries.
func (r *Room) session(req *http.Request) (store.Person, bool) {
	c, err := req.Cookie(cookieName)
	if err != nil {
		return store.Person{}, false
	}
	return r.lookup(c.Value)
}

// as lets through only requests from a person of one of kinds (a list
// separated by commas), with the person in the request's context; anyone
// else gets 403, and a request without a known cookie counts against its
// address as a wrong token would.
func (r *Room) as(kinds string, h http.HandlerFunc) http.HandlerFunc {
	allowed := strings.Split(kinds, ",")
	return func(w http.ResponseWriter, req *http.Request) {
		p, ok := r.session(req)
		if !ok {
			if !r.unknown(w, req) {
				http.Error(w, words.In(r.lang, "revoked"), http.StatusUnauthorized)
			}
			return
		}
		if !slices.Contains(allowed, p.Kind) {
			http.Error(w, http.StatusText(http.StatusForbidden), http.StatusForbidden)
			return
		}
		h(w, req.WithContext(context.WithValue(req.Context(), personKey{}, p)))
	}
}

// unknown deals with a request that carries no valid session: a cookie
// that names no one counts against its address as a wrong token would,
// and an address that has sent too many is refused with 429, which
// unknown reports by returning true. A request with a valid session is
// never slowed down, so a phone behind the same address as a guesser
// (one NAT for the whole venue) keeps working.
func (r *Room) unknown(w http.ResponseWriter, req *http.Request) bool {
	ip, now := clientIP(req), r.now()
	if r.lim.blocked(ip, now) {
		r.tooMany(w, ip, false)
		return true
	}
	if _, err := req.Cookie(cookieName); err == nil {
		// Most often yesterday's cookie on a phone: it goes, so the phone
		// is asked for today's link or code instead of asking again.
		r.lim.fail(ip, now, false)
		http.SetCookie(w, &http.Cookie{Name: cookieName, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	}
	return false
}

// handleLink opens a person's link: it sets the cookie and sends the
// browser on to the page without the token in its address.
func (r *Room) handleLink(w http.ResponseWriter, req *http.Request) {
	// A link's 128-bit token cannot be guessed: a right one always opens,
	// whatever others at the same address or in the room typed wrong.
	ip := clientIP(req)
	p, ok := r.lookup(req.PathValue("token"))
	if !ok {
		if r.lim.blocked(ip, r.now()) {
			r.tooMany(w, ip, false)
			return
		}
		r.lim.fail(ip, r.now(), false)
		r.render(w, http.StatusNotFound, "code", codePage{page: r.page(""), Error: words.In(r.lang, "revoked")})
		return
	}
	r.signIn(w, req, p)
}

// handleCode signs in with a short code typed on the code page.
func (r *Room) handleCode(w http.ResponseWriter, req *http.Request) {
	// Six letters can be guessed: codes are what the limits guard.
	ip := clientIP(req)
	if r.lim.blocked(ip, r.now()) || r.lim.roomBlocked(r.now()) {
		r.tooMany(w, ip, true)
		return
	}
	p, ok := r.lookupCode(req.FormValue("code"))
	if !ok {
		r.lim.fail(ip, r.now(), true)
		r.render(w, http.StatusUnauthorized, "code", codePage{page: r.page(""), Error: words.In(r.lang, "bad_code")})
		return
	}
	r.signIn(w, req, p)
}

func (r *Room) signIn(w http.ResponseWriter, req *http.Request, p store.Person) {
	setCookie(w, req, p.Token)
	http.Redirect(w, req, "/", http.StatusSeeOther)
}

// setCookie hands the browser the cookie that carries token.
func setCookie(w http.ResponseWriter, req *http.Request, token string) {
	http.SetCookie(w, &http.Cookie{
		Name: cookieName, Value: token, Path: "/",
		MaxAge: int((72 * time.Hour).Seconds()), HttpOnly: true,
		// Lax, not Strict: a link opened from a camera app is a
		// navigation from elsewhere, and its redirect must carry the
		// cookie. Requests that change state are refused from other
		// origins anyway.
		SameSite: http.SameSiteLaxMode,
		// Secure only over TLS: a room on a plain-HTTP LAN address could
		// not keep the cookie at all.
		Secure: req.TLS != nil,
	})
}

// tooMany refuses a request from an address slowed down, saying in
// Retry-After when it may try again.
// tooMany refuses a request from ip for a while; code says whether the
// room's limit on wrong codes counts too.
func (r *Room) tooMany(w http.ResponseWriter, ip string, code bool) {
	w.Header().Set("Retry-After", strconv.Itoa(max(1, r.lim.retryAfter(ip, r.now(), code))))
	http.Error(w, words.In(r.lang, "slow_down"), http.StatusTooManyRequests)
}

// clientIP is the address a request came from, without its port.
func clientIP(req *http.Request) string {
	host, _, err := net.SplitHostPort(req.RemoteAddr)
	if err != nil {
		return req.RemoteAddr
	}
	return host
}

// limiter slows down an address that sends wrong tokens or codes: while
// it has limitFails of them within the last limitWindow, it is refused. A
// phone that mistypes a code once or twice is not affected; guessing codes
// at speed is. IPv6 addresses count by their /64, the block one device
// can pick addresses from; and over limitRoomFails failures in the room
// within the window refuse every address that is not signed in, so that
// many addresses together cannot guess faster than that. The records of
// addresses gone quiet are swept, so the limiter's memory stays bounded.
type limiter struct {
	mu    sync.Mutex
	fails map[string][]time.Time
	room  []time.Time // every failure in the window, for the room's limit
}

const (
	limitFails     = 8
	limitWindow    = time.Minute
	limitRoomFails = 200
	// limitSweep is how many addresses the limiter holds before it drops
	// those with no failure in the window.
	limitSweep = 1024
)

func newLimiter() *limiter { return &limiter{fails: map[string][]time.Time{}} }

// limitKey is the part of an address the limiter counts by.
func limitKey(ip string) string {
	a := net.ParseIP(ip)
	if a == nil || a.To4() != nil {
		return ip
	}
	return a.Mask(net.CIDRMask(64, 128)).String() + "/64"
}

// inWindow drops the times older than the window from the front of ts.
func inWindow(ts []time.Time, now time.Time) []time.Time {
	i := 0
	for i < len(ts) && now.Sub(ts[i]) > limitWindow {
		i++
	}
	return ts[i:]
}

func (l *limiter) recent(key string, now time.Time) []time.Time {
	ts := inWindow(l.fails[key], now)
	if len(ts) == 0 {
		delete(l.fails, key)
	} else {
		l.fails[key] = ts
	}
	return ts
}

// fail counts a failure of ip's; a wrong short code (code) counts
// towards the room's limit too: guessing codes from many addresses at
// once is what that limit stops, and a wrong 128-bit token guesses
// nothing.
func (l *limiter) fail(ip string, now time.Time, code bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	key := limitKey(ip)
	ts := l.recent(key, now)
	if len(ts) >= 4*limitFails {
		ts = ts[1:] // bounded memory per address
	}
	l.fails[key] = append(ts, now)
	if code {
		l.room = append(inWindow(l.room, now), now)
		if len(l.room) > 2*limitRoomFails {
			l.room = l.room[len(l.room)-2*limitRoomFails:]
		}
	}
	if len(l.fails) > limitSweep {
		for k := range l.fails {
			l.recent(k, now)
		}
	}
}

// retryAfter is the number of whole seconds until ip is no longer
// blocked: until enough of its failures (and, for codes, the room's) are
// older than the window.
func (l *limiter) retryAfter(ip string, now time.Time, code bool) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	var d time.Duration
	if ts := l.recent(limitKey(ip), now); len(ts) >= limitFails {
		// A failure leaves the window once it is more than limitWindow old.
		d = ts[len(ts)-limitFails].Add(limitWindow).Sub(now)
	}
	if l.room = inWindow(l.room, now); code && len(l.room) >= limitRoomFails {
		d = max(d, l.room[len(l.room)-limitRoomFails].Add(limitWindow).Sub(now))
	}
	if d <= 0 {
		return 0
	}
	return int(d/time.Second) + 1
}

// blocked reports whether ip has failed too often in the window.
func (l *limiter) blocked(ip string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.recent(limitKey(ip), now)) >= limitFails
}

// roomBlocked reports whether the room has had too many wrong codes in
// the window, from whatever addresses.
func (l *limiter) roomBlocked(now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.room = inWindow(l.room, now)
	return len(l.room) >= limitRoomFails
}
