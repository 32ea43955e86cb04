package replay

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http/httputil"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// WireResponse is a response as read from the connection.
type WireResponse struct {
	Proto   string
	Status  int
	Headers [][2]string // names lower-cased, in wire order
	Body    []byte      // as sent (still content-encoded)
	Close   bool        // the server will close the connection
}

// Get returns the first value of a header (name lower-case).
func (w *WireResponse) Get(name string) (string, bool) {
	for _, h := range w.Headers {
		if h[0] == name {
			return h[1], true
		}
	}
	return "", false
}

// conn is a reusable HTTP/1.1 client connection.
type conn struct {
	addr    string
	timeout time.Duration
	c       net.Conn
	br      *bufio.Reader
}

func newConn(baseURL string, timeout time.Duration) (*conn, error) {
	u, err := url.Parse(baseURL)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "http" {
		return nil, fmt.Errorf("replay: base URL %q: only http is supported", baseURL)
	}
	return &conn{addr: u.Host, timeout: timeout}, nil
}

func (c *conn) close() {
	if c.c != nil {
		c.c.Close()
		c.c, c.br = nil, nil
	}
}

// do sends one request; on a reused connection that the server closed in
// the meantime it reconnects once.
func (c *conn) do(raw []byte, method string) (*WireResponse, error) {
	reused := c.c != nil
	resp, err := c.try(raw, method)
	if err != nil && reused && isStale(err) {
		c.close()
		resp, err = c.try(raw, method)
	}
	if err != nil {
		c.close()
		return nil, err
	}
	if resp.Close {
		c.close()
	}
	return resp, nil
}

func isStale(err error) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed) ||
		strings.Contains(err.Error(), "connection reset") || strings.Contains(err.Error(), "broken pipe")
}

func (c *conn) try(raw []byte, method string) (*WireResponse, error) {
	if c.c == nil {
		nc, err := net.DialTimeout("tcp", c.addr, c.timeout)
		if err != nil {
			return nil, err
		}
		c.c, c.br = nc, bufio.NewReader(nc)
	}
	c.c.SetDeadline(time.Now().Add(c.timeout))
	if _, err := c.c.Write(raw); err != nil {
		return nil, err
	}
	return readResponse(c.br, method)
}

// buildRequest serialises a recorded request byte for byte.
func buildRequest(r RecordedRequest) ([]byte, error) {
	body, err := r.Body()
	if err != nil {
		return nil, fmt.Errorf("request body: %w", err)
	}
	var b bytes.Buffer
	b.WriteString(r.Method)
	b.WriteByte(' ')
	b.WriteString(r.Path)
	b.WriteString(" HTTP/1.1\r\n")
	framed := false
	for _, h := range r.Headers {
		n := strings.ToLower(h[0])
		if n == "content-length" || n == "transfer-encoding" {
			framed = true
		}
		b.WriteString(h[0])
		b.WriteString(": ")
		b.WriteString(h[1])
		b.WriteString("\r\n")
	}
	if !framed && len(body) > 0 {
		b.WriteString("content-length: " + strconv.Itoa(len(body)) + "\r\n")
	}
	b.WriteString("\r\n")
	b.Write(body)
	return b.Bytes(), nil
}

// readResponse parses one HTTP/1.x response, skipping 1xx interim ones.
func readResponse(br *bufio.Reader, method string) (*WireResponse, error) {
	for {
		resp, err := readHead(br)
		if err != nil {
			return nil, err
		}
		if resp.Status >= 100 && resp.Status < 200 && resp.Status != 101 {
			continue
		}
		if err := readBody(br, resp, method); err != nil {
			return nil, err
		}
		return resp, nil
	}
}

func readLine(br *bufio.Reader) (string, error) {
	line, err := br.ReadString('\n')
	if err != nil {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func readHead(br *bufio.Reader) (*WireResponse, error) {
	line, err := readLine(br)
	if err != nil {
		return nil, err
	}
	proto, rest, ok := strings.Cut(line, " ")
	if !ok || !strings.HasPrefix(proto, "HTTP/1.") {
		return nil, fmt.Errorf("bad status line %q", line)
	}
	code, _, _ := strings.Cut(rest, " ")
	status, err := strconv.Atoi(code)
	if err != nil {
		return nil, fmt.Errorf("bad status line %q", line)
	}
	resp := &WireResponse{Proto: proto, Status: status, Close: proto == "HTTP/1.0"}
	for {
		line, err := readLine(br)
		if err != nil {
			return nil, err
		}
		if line == "" {
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("bad header line %q", line)
		}
		name = strings.ToLower(strings.TrimSpace(name))
		value = strings.TrimSpace(value)
		resp.Headers = append(resp.Headers, [2]string{name, value})
		if name == "connection" {
			for _, tok := range strings.Split(value, ",") {
				switch strings.ToLower(strings.TrimSpace(tok)) {
				case "close":
					resp.Close = true
				case "keep-alive":
					resp.Close = false
				}
			}
		}
	}
	return resp, nil
}

func readBody(br *bufio.Reader, resp *WireResponse, method string) error {
	if method == "HEAD" || resp.Status == 204 || resp.Status == 304 || resp.Status < 200 {
		return nil
	}
	if te, ok := resp.Get("transfer-encoding"); ok && strings.Contains(strings.ToLower(te), "chunked") {
		b, err := io.ReadAll(httputil.NewChunkedReader(br))
		if err != nil {
			return fmt.Errorf("chunked body: %w", err)
		}
		// trailer section: lines until an empty one
		for {
			line, err := readLine(br)
			if err != nil {
				return err
			}
			if line == "" {
				break
			}
		}
		resp.Body = b
		return nil
	}
	if cl, ok := resp.Get("content-length"); ok {
		n, err := strconv.Atoi(cl)
		if err != nil || n < 0 {
			return fmt.Errorf("bad content-length %q", cl)
		}
		resp.Body = make([]byte, n)
		_, err = io.ReadFull(br, resp.Body)
		return err
	}
	resp.Close = true
	b, err := io.ReadAll(br)
	resp.Body = b
	return err
}
