package bridge

import (
	"errors"
	"strings"
	"time"

	"github.com/covetpy/covetgen/runtime/pyval"
)

var (
	// ErrWorkerLost: the worker running the call exited (crashed, was killed) first.
	ErrWorkerLost = errors.New("bridge: Python worker lost during the call")
	// ErrOverloaded: Config.QueueSize calls are already waiting for a worker.
	ErrOverloaded = errors.New("bridge: too many calls waiting for a Python worker")
	// ErrClosed: the pool is shut down.
	ErrClosed = errors.New("bridge: pool closed")
)

// PyError is an exception other than HTTPException raised by the called function.
type PyError struct {
	// Type is the class name, Module its module; MRO lists the class names of
	// type(exc).__mro__ (the class first).
	Type   string   `json:"type"`
	Module string   `json:"module"`
	MRO    []string `json:"mro"`
	// Msg is str(exc); Traceback the formatted traceback (log it, never send it).
	Msg       string `json:"msg"`
	Traceback string `json:"tb"`
}

func (e *PyError) Error() string {
	if e.Msg == "" {
		return "python: " + e.Type
	}
	return "python: " + e.Type + ": " + e.Msg
}

// IsInstance reports whether the exception's class or one of its bases is named class.
func (e *PyError) IsInstance(class string) bool {
	for _, c := range e.MRO {
		if c == class {
			return true
		}
	}
	return e.Type == class
}

// Exception is the error as a *pyval.Exception (class and message).
func (e *PyError) Exception() *pyval.Exception {
	return &pyval.Exception{Class: e.Type, Msg: e.Msg, Args: []pyval.Value{pyval.Str(e.Msg)}}
}

// TimeoutError: the call ran past Config.Timeout; its worker was killed.
type TimeoutError struct {
	Fn      string
	Timeout time.Duration
}

func (e *TimeoutError) Error() string {
	return "bridge: call to " + e.Fn + " timed out after " + e.Timeout.String()
}

// ImportError: a worker could not import the app (Start's error).
type ImportError struct {
	App       string
	Traceback string
}

func (e *ImportError) Error() string {
	return "bridge: importing " + e.App + " failed:\n" + strings.TrimRight(e.Traceback, "\n")
}
