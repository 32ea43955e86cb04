package migrate

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	ws "github.com/coder/websocket"
)

// wsSession is one recorded websocket session of golden/websockets.json (written by
// tools/goldens/record.py; see its README).
type wsSession struct {
	Name    string `json:"name"`
	Request struct {
		Path         string      `json:"path"`
		Headers      [][2]string `json:"headers"`
		Subprotocols []string    `json:"subprotocols"`
	} `json:"request"`
	Accepted bool `json:"accepted"`
	// HTTP is what a client receives for a connection the app refused, on uvicorn's wire.
	HTTP *struct {
		Status  int         `json:"status"`
		Headers [][2]string `json:"headers"`
		BodyB64 string      `json:"body_b64"`
	} `json:"http"`
	Subprotocol *string   `json:"subprotocol"`
	Events      []wsEvent `json:"events"`
}

// wsEvent is one step of an accepted session: a message the client sent, one it
// received, the app's close, or the client's close.
type wsEvent struct {
	Send        *wsData  `json:"send"`
	Receive     *wsData  `json:"receive"`
	Close       *wsClose `json:"close"`
	ClientClose *wsClose `json:"client_close"`
}

type wsData struct {
	Text     *string `json:"text"`
	BytesB64 *string `json:"bytes_b64"`
}

type wsClose struct {
	Code   int    `json:"code"`
	Reason string `json:"reason"`
}

// loadWSSessions reads golden/websockets.json of an app (none: nil).
func loadWSSessions(appDir string) ([]wsSession, error) {
	b, err := os.ReadFile(filepath.Join(appDir, "golden", "websockets.json"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []wsSession
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("golden/websockets.json: %w", err)
	}
	return out, nil
}

// replayWebSockets replays the app's recorded websocket sessions, in order, against the
// service at base (http://host:port), after its HTTP exchanges (as they were recorded):
// a refused connection must get uvicorn's HTTP answer byte for byte (date aside, header
// order free), an accepted one the same messages and close.
func replayWebSockets(t *testing.T, appDir, base string) (passed, total int) {
	t.Helper()
	sessions, err := loadWSSessions(appDir)
	if err != nil {
		t.Fatal(err)
	}
	host := strings.TrimPrefix(base, "http://")
	for _, s := range sessions {
		var problems []string
		if s.Accepted {
			problems = replayAccepted(host, s)
		} else {
			problems = replayRefused(host, s)
		}
		if len(problems) > 0 {
			t.Errorf("websocket %s (%s):\n  %s", s.Name, s.Request.Path, strings.Join(problems, "\n  "))
			continue
		}
		passed++
	}
	if len(sessions) > 0 {
		t.Logf("%s: %d/%d websocket sessions match", filepath.Base(appDir), passed, len(sessions))
	}
	return passed, len(sessions)
}

// replayRefused sends the handshake by hand and compares the raw HTTP answer.
func replayRefused(host string, s wsSession) []string {
	if s.HTTP == nil {
		return []string{"golden: a refused session without its http answer"}
	}
	conn, err := net.DialTimeout("tcp", host, 5*time.Second)
	if err != nil {
		return []string{err.Error()}
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	var key [16]byte
	_, _ = rand.Read(key[:])
	var req bytes.Buffer
	fmt.Fprintf(&req, "GET %s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n", s.Request.Path, host)
	fmt.Fprintf(&req, "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n", base64.StdEncoding.EncodeToString(key[:]))
	for _, h := range s.Request.Headers {
		fmt.Fprintf(&req, "%s: %s\r\n", h[0], h[1])
	}
	if len(s.Request.Subprotocols) > 0 {
		fmt.Fprintf(&req, "Sec-WebSocket-Protocol: %s\r\n", strings.Join(s.Request.Subprotocols, ", "))
	}
	req.WriteString("\r\n")
	if _, err := conn.Write(req.Bytes()); err != nil {
		return []string{err.Error()}
	}
	resp, err := io.ReadAll(conn) // connection: close ends the answer
	if err != nil {
		return []string{"reading the answer: " + err.Error()}
	}
	status, headers, body, err := parseRawResponse(resp)
	if err != nil {
		return []string{err.Error()}
	}
	var problems []string
	if status != s.HTTP.Status {
		problems = append(problems, fmt.Sprintf("status %d, want %d", status, s.HTTP.Status))
	}
	want := headerSet(s.HTTP.Headers)
	if got := headerSet(headers); got != want {
		problems = append(problems, fmt.Sprintf("headers %s, want %s", got, want))
	}
	wantBody, _ := base64.StdEncoding.DecodeString(s.HTTP.BodyB64)
	if !bytes.Equal(body, wantBody) {
		problems = append(problems, fmt.Sprintf("body %q, want %q", body, wantBody))
	}
	return problems
}

// parseRawResponse splits an HTTP/1.1 response read whole.
func parseRawResponse(b []byte) (int, [][2]string, []byte, error) {
	r := bufio.NewReader(bytes.NewReader(b))
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		return 0, nil, nil, fmt.Errorf("bad answer %q: %w", b, err)
	}
	head, body, _ := bytes.Cut(b, []byte("\r\n\r\n"))
	var hs [][2]string
	for _, line := range strings.Split(string(head), "\r\n")[1:] {
		k, v, _ := strings.Cut(line, ":")
		hs = append(hs, [2]string{strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)})
	}
	return resp.StatusCode, hs, body, nil
}

// headerSet renders headers without date, sorted (uvicorn's and Go's orders differ).
func headerSet(hs [][2]string) string {
	var out []string
	for _, h := range hs {
		if k := strings.ToLower(h[0]); k != "date" {
			out = append(out, k+": "+h[1])
		}
	}
	sort.Strings(out)
	return "[" + strings.Join(out, "; ") + "]"
}

// replayAccepted connects and plays the events.
func replayAccepted(host string, s wsSession) []string {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	hdr := http.Header{}
	for _, h := range s.Request.Headers {
		hdr.Add(h[0], h[1])
	}
	c, resp, err := ws.Dial(ctx, "ws://"+host+s.Request.Path, &ws.DialOptions{HTTPHeader: hdr, Subprotocols: s.Request.Subprotocols})
	if err != nil {
		status := 0
		if resp != nil {
			status = resp.StatusCode
		}
		return []string{fmt.Sprintf("connect: %v (status %d)", err, status)}
	}
	defer c.CloseNow()
	c.SetReadLimit(16 << 20)
	var problems []string
	want := ""
	if s.Subprotocol != nil {
		want = *s.Subprotocol
	}
	if got := c.Subprotocol(); got != want {
		problems = append(problems, fmt.Sprintf("subprotocol %q, want %q", got, want))
	}
	for i, ev := range s.Events {
		switch {
		case ev.Send != nil:
			typ, data, err := ev.Send.frame()
			if err == nil {
				err = c.Write(ctx, typ, data)
			}
			if err != nil {
				return append(problems, fmt.Sprintf("event %d: send: %v", i, err))
			}
		case ev.Receive != nil:
			wantTyp, wantData, _ := ev.Receive.frame()
			typ, data, err := c.Read(ctx)
			if err != nil {
				return append(problems, fmt.Sprintf("event %d: receive %s: %v", i, show(wantTyp, wantData), err))
			}
			if typ != wantTyp || !bytes.Equal(data, wantData) {
				problems = append(problems, fmt.Sprintf("event %d: received %s, want %s", i, show(typ, data), show(wantTyp, wantData)))
			}
		case ev.Close != nil:
			typ, data, err := c.Read(ctx)
			var ce ws.CloseError
			if !errors.As(err, &ce) {
				return append(problems, fmt.Sprintf("event %d: want the close %d %q, got %s (err %v)", i, ev.Close.Code, ev.Close.Reason, show(typ, data), err))
			}
			if int(ce.Code) != ev.Close.Code || ce.Reason != ev.Close.Reason {
				problems = append(problems, fmt.Sprintf("event %d: close %d %q, want %d %q", i, ce.Code, ce.Reason, ev.Close.Code, ev.Close.Reason))
			}
		case ev.ClientClose != nil:
			if err := c.Close(ws.StatusCode(ev.ClientClose.Code), ev.ClientClose.Reason); err != nil {
				problems = append(problems, fmt.Sprintf("event %d: close handshake: %v", i, err))
			}
		default:
			problems = append(problems, fmt.Sprintf("event %d: unknown", i))
		}
	}
	return problems
}

// frame is the websocket frame of a message.
func (d *wsData) frame() (ws.MessageType, []byte, error) {
	if d.BytesB64 != nil {
		b, err := base64.StdEncoding.DecodeString(*d.BytesB64)
		return ws.MessageBinary, b, err
	}
	if d.Text != nil {
		return ws.MessageText, []byte(*d.Text), nil
	}
	return 0, nil, errors.New("golden: a message without text or bytes")
}

func show(typ ws.MessageType, data []byte) string {
	if typ == ws.MessageBinary {
		return fmt.Sprintf("bytes %x", data)
	}
	return fmt.Sprintf("text %q", data)
}
