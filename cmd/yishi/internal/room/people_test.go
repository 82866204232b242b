package room

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
)

// A link given anew or revoked from the console stops opening the room;
// a new link opens it. The trainer who gives their own link anew keeps
// their console: their browser is handed the new cookie.
func TestReissueAndRevoke(t *testing.T) {
	cases := []struct {
		name, action, kind string
		who                func(tr *testRoom) store.Person
		// newWorks is whether the person has a new link that opens the
		// room afterwards.
		newWorks bool
	}{
		{"trainee given a new link", "reissue", kindTrainee, func(tr *testRoom) store.Person { return tr.traineeIn(1) }, true},
		{"reviewer given a new link", "reissue", kindReviewer, func(tr *testRoom) store.Person { return tr.person(kindReviewer, "Li") }, true},
		{"trainee revoked", "revoke", kindTrainee, func(tr *testRoom) store.Person { return tr.traineeIn(1) }, false},
		{"trainer given a new link", "reissue", kindTrainer, func(tr *testRoom) store.Person { return tr.trainer() }, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tr := newTestRoom(t)
			trainer := tr.trainer()
			old := c.who(tr)
			require.Equal(t, http.StatusOK, tr.get(&old, "/").Code)
			w := tr.postForm(&trainer, "/console/people", url.Values{"action": {c.action}, "kind": {c.kind}, "id": {old.ID}})
			require.Equal(t, http.StatusSeeOther, w.Code, w.Body.String())

			assert.Equal(t, http.StatusUnauthorized, tr.get(&old, "/").Code, "the old cookie")
			assert.Equal(t, http.StatusNotFound, tr.get(nil, "/t/"+old.Token).Code, "the old link")
			code := func(c string) int {
				req := request(nil, http.MethodPost, "/code", strings.NewReader(url.Values{"code": {c}}.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				return tr.do(req).Code
			}
			assert.Equal(t, http.StatusUnauthorized, code(old.Code), "the old code")
			now, err := tr.db.Person(c.kind, old.ID)
			require.NoError(t, err)
			if c.newWorks {
				assert.NotEqual(t, old.Token, now.Token)
				assert.NotEqual(t, old.Code, now.Code)
				assert.Equal(t, http.StatusSeeOther, tr.get(nil, "/t/"+now.Token).Code, "the new link")
				want := http.StatusSeeOther
				if c.kind == kindTrainer {
					want = http.StatusUnauthorized // the console opens by link only
				}
				assert.Equal(t, want, code(strings.ToLower(now.Code[:3])+"-"+now.Code[3:]), "the new code, typed loosely")
			} else {
				assert.True(t, now.Revoked)
			}
			if c.kind == kindTrainer {
				var got string
				for _, ck := range w.Result().Cookies() {
					if ck.Name == cookieName {
						got = ck.Value
					}
				}
				assert.Equal(t, now.Token, got, "the trainer's browser keeps the console")
				assert.Equal(t, http.StatusOK, tr.get(&now, "/console/people").Code)
			} else {
				assert.Empty(t, w.Result().Cookies(), "the trainer's cookie changed")
			}
		})
	}
}

// A change the people page cannot make is refused in the room's
// language, and the trainer's own link is never revoked.
func TestPeopleChangeRefused(t *testing.T) {
	cases := []struct {
		name string
		form url.Values
		want error
	}{
		{"no such action", url.Values{"action": {"delete"}, "kind": {kindTrainee}, "id": {"T01"}}, ErrUnknownAction},
		{"the trainer revoked", url.Values{"action": {"revoke"}, "kind": {kindTrainer}, "id": {"trainer"}}, ErrTrainerRevoke},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tr := newTestRoom(t, withErrorText)
			trainer := tr.trainer()
			before := tr.dbState()
			w := tr.postForm(&trainer, "/console/people", c.form)
			assert.Equal(t, http.StatusConflict, w.Code)
			assert.Equal(t, translated(c.want), strings.TrimSpace(w.Body.String()))
			assert.Equal(t, before, tr.dbState())
			assert.Equal(t, http.StatusOK, tr.get(&trainer, "/console/people").Code)
		})
	}
}
