package store

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func roomPeople() []Person {
	return []Person{
		{Kind: KindTrainee, ID: "t10", Name: "Zhao Lei", Token: "tok-t10", Code: "T10AAA"},
		{Kind: KindReviewer, ID: "r2", Name: "Wang Fang", Token: "tok-r2", Code: "R2AAAA"},
		{Kind: KindTrainee, ID: "t02", Name: "Li Na", Token: "tok-t02", Code: "T02AAA"},
		{Kind: KindReviewer, ID: "r1", Name: "Chen Jie", Token: "tok-r1", Code: "R1AAAA",
			Groups: []GroupRef{{Round: 2, Group: 1}, {Round: 1, Group: 3}}},
		{Kind: KindTrainer, ID: "trainer", Name: "Trainer", Token: "tok-tr", Code: "TRAAAA"},
	}
}

func TestPeopleOrder(t *testing.T) {
	d, _ := newDB(t)
	require.NoError(t, d.AddPeople(roomPeople()))
	ps, err := d.People()
	require.NoError(t, err)
	var order []string
	for _, p := range ps {
		order = append(order, p.Kind+":"+p.ID)
	}
	assert.Equal(t, []string{"trainer:trainer", "reviewer:r1", "reviewer:r2", "trainee:t02", "trainee:t10"}, order,
		"trainer, reviewers by name (Chen before Wang), trainees by id")
	assert.Equal(t, []GroupRef{{1, 3}, {2, 1}}, ps[1].Groups)
	assert.Empty(t, ps[2].Groups, "no groups: every group")
}

func TestAddPeopleKeepsLinks(t *testing.T) {
	d, path := newDB(t)
	require.NoError(t, d.AddPeople(roomPeople()))
	require.NoError(t, d.Close())

	d, err := Open(path)
	require.NoError(t, err)
	defer d.Close()
	again := roomPeople()
	for i := range again {
		again[i].Token += "-new"
		again[i].Code = "NEW" + again[i].Code[3:]
		again[i].Groups = nil
	}
	again = append(again, Person{Kind: KindTrainee, ID: "t03", Name: "Walk-in", Token: "tok-t03", Code: "T03AAA"})
	require.NoError(t, d.AddPeople(again))
	t02, err := d.Person(KindTrainee, "t02")
	require.NoError(t, err)
	assert.Equal(t, "tok-t02", t02.Token, "the token survives the restart")
	assert.Equal(t, "T02AAA", t02.Code)
	r1, err := d.Person(KindReviewer, "r1")
	require.NoError(t, err)
	assert.Equal(t, []GroupRef{{1, 3}, {2, 1}}, r1.Groups)
	t03, err := d.Person(KindTrainee, "t03")
	require.NoError(t, err)
	assert.Equal(t, "Walk-in", t03.Name)
}

func TestAddPeopleRefuses(t *testing.T) {
	tests := []struct {
		name string
		add  Person
		want error
	}{
		{"a token already in use", Person{Kind: KindTrainee, ID: "t99", Token: "tok-t02", Code: "T99AAA"}, ErrTaken},
		{"a code already in use", Person{Kind: KindTrainee, ID: "t99", Token: "tok-t99", Code: "T02AAA"}, ErrTaken},
		{"a kind of person there is not", Person{Kind: "observer", ID: "o1", Token: "tok-o1", Code: "O1AAAA"}, ErrBadKind},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _ := newDB(t)
			require.NoError(t, d.AddPeople(roomPeople()))
			ok := Person{Kind: KindTrainee, ID: "t50", Token: "tok-t50", Code: "T50AAA"}
			require.ErrorIs(t, d.AddPeople([]Person{ok, tt.add}), tt.want)
			_, err := d.Person(KindTrainee, "t50")
			require.ErrorIs(t, err, ErrNoPerson, "nobody of the batch is added")
			ps, err := d.People()
			require.NoError(t, err)
			assert.Len(t, ps, len(roomPeople()))
		})
	}
}

func TestReissueRevoke(t *testing.T) {
	tests := []struct {
		name        string
		do          func(d *DB) error
		wantErr     error
		wantToken   string
		wantCode    string
		wantRevoked bool
	}{
		{name: "revoke", do: func(d *DB) error { return d.Revoke(KindTrainee, "t02") },
			wantToken: "tok-t02", wantCode: "T02AAA", wantRevoked: true},
		{name: "reissue", do: func(d *DB) error { return d.Reissue(KindTrainee, "t02", "tok-fresh", "FRESH1") },
			wantToken: "tok-fresh", wantCode: "FRESH1"},
		{name: "reissue after revoke", do: func(d *DB) error {
			if err := d.Revoke(KindTrainee, "t02"); err != nil {
				return err
			}
			return d.Reissue(KindTrainee, "t02", "tok-fresh", "FRESH1")
		}, wantToken: "tok-fresh", wantCode: "FRESH1"},
		{name: "reissue with another's token", do: func(d *DB) error { return d.Reissue(KindTrainee, "t02", "tok-t10", "FRESH1") },
			wantErr: ErrTaken, wantToken: "tok-t02", wantCode: "T02AAA"},
		{name: "revoke nobody", do: func(d *DB) error { return d.Revoke(KindTrainee, "t77") },
			wantErr: ErrNoPerson, wantToken: "tok-t02", wantCode: "T02AAA"},
		{name: "reissue nobody", do: func(d *DB) error { return d.Reissue(KindReviewer, "t02", "tok-fresh", "FRESH1") },
			wantErr: ErrNoPerson, wantToken: "tok-t02", wantCode: "T02AAA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _ := newDB(t)
			require.NoError(t, d.AddPeople(roomPeople()))
			err := tt.do(d)
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
			} else {
				require.NoError(t, err)
			}
			p, err := d.Person(KindTrainee, "t02")
			require.NoError(t, err)
			assert.Equal(t, tt.wantToken, p.Token)
			assert.Equal(t, tt.wantCode, p.Code)
			assert.Equal(t, tt.wantRevoked, p.Revoked)
			other, err := d.Person(KindTrainee, "t10")
			require.NoError(t, err)
			assert.Equal(t, "tok-t10", other.Token, "nobody else changes")
			assert.False(t, other.Revoked)
		})
	}
}
