//go:build unix

package ir_test

import (
	"syscall"
	"time"
)

// cpuTime returns the process's user and system CPU time so far (every thread, the
// garbage collector's included).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
