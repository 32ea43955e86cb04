package bridge

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// cpuMeter measures the CPU time (user and system) a benchmark spends in this process
// and in the pool's workers, so that a call's cost can be compared on a shared machine
// where wall time is noisy.
type cpuMeter struct {
	p        *Pool
	go0, py0 time.Duration
}

// startCPU starts measuring p's and this process's CPU time.
func startCPU(p *Pool) *cpuMeter {
	m := &cpuMeter{p: p}
	m.go0, m.py0 = selfCPU(), m.workersCPU()
	return m
}

// report adds the CPU µs per operation of each side to b's metrics.
func (m *cpuMeter) report(b *testing.B, n int) {
	if n == 0 {
		return
	}
	goT, pyT := selfCPU()-m.go0, m.workersCPU()-m.py0
	b.ReportMetric(float64(goT.Microseconds())/float64(n), "goCPU-µs/op")
	b.ReportMetric(float64(pyT.Microseconds())/float64(n), "pyCPU-µs/op")
}

// selfCPU is this process's user and system time.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// workersCPU sums the time on CPU of every thread of the pool's live workers
// (/proc/PID/task/TID/schedstat, Linux; 0 elsewhere).
func (m *cpuMeter) workersCPU() time.Duration {
	m.p.mu.Lock()
	var pids []int
	for _, w := range m.p.slots {
		if w != nil {
			pids = append(pids, w.pid)
		}
	}
	m.p.mu.Unlock()
	var total time.Duration
	for _, pid := range pids {
		tasks, _ := filepath.Glob(filepath.Join("/proc", strconv.Itoa(pid), "task", "*", "schedstat"))
		for _, t := range tasks {
			data, err := os.ReadFile(t)
			if err != nil {
				continue
			}
			f := strings.Fields(string(data))
			if len(f) == 0 {
				continue
			}
			if ns, err := strconv.ParseInt(f[0], 10, 64); err == nil {
				total += time.Duration(ns)
			}
		}
	}
	return total
}
