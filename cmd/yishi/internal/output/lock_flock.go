//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package output

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// lockSurvivesKill is true where the operating system lets go of a lock
// when the run holding it dies, however it dies.
const lockSurvivesKill = true

// lockFile takes the lock with flock(2), which the kernel lets go of when
// the process ends, so a run killed with kill -9 never leaves the folder
// locked. flock locks an open file, not a name: two opens conflict even in
// one process, which lets tests race two goroutines.
func lockFile(name string) (Handle, error) {
	for range 10 {
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW, 0o644)
		if err != nil {
			return nil, err
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, ErrBusy
			}
			return nil, &fs.PathError{Op: "lock", Path: name, Err: err}
		}
		// The run before may have removed the lock file between our open
		// and our flock: then we hold a file no one else can find. Try again
		// on the file the name now gives.
		held, err1 := f.Stat()
		named, err2 := os.Lstat(name)
		if err1 == nil && err2 == nil && os.SameFile(held, named) {
			if err := f.Truncate(0); err != nil {
				f.Close()
				return nil, err
			}
			return flockFile{f}, nil
		}
		f.Close()
	}
	return nil, ErrBusy
}

type flockFile struct{ *os.File }

// Close removes the lock file while still holding it, then lets go.
func (l flockFile) Close() error {
	os.Remove(l.Name())
	return l.File.Close()
}
