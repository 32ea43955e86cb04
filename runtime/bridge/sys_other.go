//go:build !linux

package bridge

import "syscall"

func sysProcAttr() *syscall.SysProcAttr { return nil }
