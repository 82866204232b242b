package output

import (
	"io"
	"io/fs"
	"os"
)

// FS is the file system a [Writer] writes to. [OS] is the real one; tests
// give a temporary folder or wrap OS to make chosen calls fail.
type FS interface {
	Lstat(name string) (fs.FileInfo, error)
	Stat(name string) (fs.FileInfo, error)
	Mkdir(name string, perm fs.FileMode) error
	// OpenFile is [os.OpenFile].
	OpenFile(name string, flag int, perm fs.FileMode) (Handle, error)
	Rename(oldpath, newpath string) error
	Remove(name string) error
	ReadFile(name string) ([]byte, error)
	// ReadDir is [os.ReadDir]: it does not follow links it lists.
	ReadDir(name string) ([]fs.DirEntry, error)
	// Lock creates the file name and takes a lock on it that no other run,
	// nor another Lock in this one, can take until the returned file is
	// closed; closing removes the file. When the lock is held already it
	// fails with [ErrBusy] at once.
	Lock(name string) (Handle, error)
}

// Handle is a file of an [FS] open for writing.
type Handle interface {
	io.Writer
	Name() string
	Sync() error
	Close() error
}

// OS is the operating system's file system.
var OS FS = osFS{}

type osFS struct{}

func (osFS) Lstat(name string) (fs.FileInfo, error)     { return os.Lstat(name) }
func (osFS) Stat(name string) (fs.FileInfo, error)      { return os.Stat(name) }
func (osFS) Mkdir(name string, perm fs.FileMode) error  { return os.Mkdir(name, perm) }
func (osFS) Rename(oldpath, newpath string) error       { return os.Rename(oldpath, newpath) }
func (osFS) Remove(name string) error                   { return os.Remove(name) }
func (osFS) ReadFile(name string) ([]byte, error)       { return os.ReadFile(name) }
func (osFS) ReadDir(name string) ([]fs.DirEntry, error) { return os.ReadDir(name) }
func (osFS) OpenFile(name string, flag int, perm fs.FileMode) (Handle, error) {
	f, err := os.OpenFile(name, flag, perm)
	if err != nil {
		return nil, err
	}
	return f, nil
}

func (osFS) Lock(name string) (Handle, error) { return lockFile(name) }
