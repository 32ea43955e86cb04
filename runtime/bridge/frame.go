package bridge

import (
	"encoding/binary"
	"errors"
	"io"
)

// Frame kinds (see worker.py).
const (
	kindCall   = 'C'
	kindReady  = 'R'
	kindFatal  = 'F'
	kindValue  = 'V'
	kindBody   = 'B'
	kindHTTP   = 'H'
	kindExcept = 'E'
)

// maxFrame bounds one frame (a runaway result must not exhaust memory).
const maxFrame = 1 << 30

type frame struct {
	id      uint64
	kind    byte
	payload []byte
	stream  *Stream // the body of a streamed reply's start frame (set by roundTrip)
}

// appendFrame appends the frame header for a payload of n bytes.
func appendFrameHeader(dst []byte, id uint64, kind byte, n int) []byte {
	dst = binary.BigEndian.AppendUint32(dst, uint32(9+n))
	dst = binary.BigEndian.AppendUint64(dst, id)
	return append(dst, kind)
}

func readFrame(r io.Reader) (frame, error) {
	var hdr [4]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return frame{}, err
	}
	n := binary.BigEndian.Uint32(hdr[:])
	if n < 9 || n > maxFrame {
		return frame{}, errors.New("bridge: bad frame length")
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(r, buf); err != nil {
		return frame{}, err
	}
	return frame{id: binary.BigEndian.Uint64(buf), kind: buf[8], payload: buf[9:]}, nil
}
