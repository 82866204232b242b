//go:build windows

package output

import (
	"os"
	"syscall"
)

const lockSurvivesKill = true

const (
	errorSharingViolation = syscall.Errno(32)
	accessDelete          = 0x00010000
	flagDeleteOnClose     = 0x04000000
)

// lockFile takes the lock by opening the lock file with no sharing: no
// other run can open it while this one has it, and Windows deletes it when
// the last handle closes, also when the run is killed.
func lockFile(name string) (Handle, error) {
	p, err := syscall.UTF16PtrFromString(name)
	if err != nil {
		return nil, err
	}
	h, err := syscall.CreateFile(p, syscall.GENERIC_READ|syscall.GENERIC_WRITE|accessDelete, 0, nil,
		syscall.OPEN_ALWAYS, syscall.FILE_ATTRIBUTE_NORMAL|flagDeleteOnClose, 0)
	if err == errorSharingViolation {
		return nil, ErrBusy
	}
	if err != nil {
		return nil, &os.PathError{Op: "lock", Path: name, Err: err}
	}
	return os.NewFile(uintptr(h), name), nil
}
