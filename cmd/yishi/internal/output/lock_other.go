//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd || windows)

package output

import (
	"errors"
	"io/fs"
	"os"
)

// lockSurvivesKill is false here: a killed run leaves its lock file, which
// the message about it says to remove.
const lockSurvivesKill = false

// lockFile takes the lock by creating the lock file, failing if it is
// there.
func lockFile(name string) (Handle, error) {
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, ErrBusy
	}
	if err != nil {
		return nil, err
	}
	return exclFile{f}, nil
}

type exclFile struct{ *os.File }

func (l exclFile) Close() error {
	err := l.File.Close()
	os.Remove(l.Name())
	return err
}
