package bridge

import "syscall"

// sysProcAttr kills the worker when the service dies (Linux: parent-death signal).
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
