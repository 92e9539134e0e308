package redistest

import (
	"net"
	"sync"
	"testing"
)

// Proxy is a TCP proxy in front of a Server, for tests of what a client
// does when Redis goes away: Refuse makes it unreachable, Stall makes it
// stop answering, Restore brings it back.
type Proxy struct {
	ln     net.Listener
	target string

	mu      sync.Mutex
	mode    proxyMode
	resumed chan struct{} // closed when a stall ends
	conns   map[net.Conn]struct{}
	closed  bool
	wg      sync.WaitGroup
}

type proxyMode int

const (
	passing proxyMode = iota
	refusing
	stalling
)

// NewProxy starts a proxy to s on a free port of 127.0.0.1, stopped when t
// ends.
func NewProxy(t testing.TB, s *Server) *Proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &Proxy{ln: ln, target: s.Addr(), conns: map[net.Conn]struct{}{}, resumed: make(chan struct{})}
	close(p.resumed)
	p.wg.Add(1)
	go p.accept()
	t.Cleanup(p.Close)
	return p
}

// Addr returns the proxy's host:port, to give a client instead of the
// server's.
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

// Refuse resets every connection through the proxy and every new one,
// as a Redis that went down would, until Restore.
func (p *Proxy) Refuse() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.endStallLocked()
	p.mode = refusing
	for c := range p.conns {
		reset(c)
	}
}

// Stall stops forwarding in both directions, as a Redis that hangs
// would: connections stay open and what is sent waits in the proxy until
// Restore, which delivers it.
func (p *Proxy) Stall() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.mode != stalling {
		p.resumed = make(chan struct{})
	}
	p.mode = stalling
}

// Restore makes the proxy forward again.
func (p *Proxy) Restore() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.endStallLocked()
	p.mode = passing
}

func (p *Proxy) endStallLocked() {
	if p.mode == stalling {
		close(p.resumed)
	}
}

// Close stops the proxy and closes its connections.
func (p *Proxy) Close() {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return
	}
	p.closed = true
	p.endStallLocked()
	p.mode = refusing
	_ = p.ln.Close()
	for c := range p.conns {
		_ = c.Close()
	}
	p.mu.Unlock()
	p.wg.Wait()
}

func (p *Proxy) accept() {
	defer p.wg.Done()
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		if p.mode == refusing {
			p.mu.Unlock()
			reset(c)
			continue
		}
		p.mu.Unlock()
		up, err := net.Dial("tcp", p.target)
		if err != nil {
			reset(c)
			continue
		}
		p.mu.Lock()
		if p.closed || p.mode == refusing {
			p.mu.Unlock()
			reset(c)
			_ = up.Close()
			continue
		}
		p.conns[c] = struct{}{}
		p.conns[up] = struct{}{}
		p.mu.Unlock()
		p.wg.Add(2)
		go p.pipe(c, up)
		go p.pipe(up, c)
	}
}

// pipe copies from src to dst, holding each chunk while the proxy stalls.
func (p *Proxy) pipe(src, dst net.Conn) {
	defer p.wg.Done()
	defer func() {
		p.mu.Lock()
		delete(p.conns, src)
		delete(p.conns, dst)
		p.mu.Unlock()
		_ = src.Close()
		_ = dst.Close()
	}()
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			p.mu.Lock()
			mode, resumed := p.mode, p.resumed
			p.mu.Unlock()
			if mode == stalling {
				<-resumed
				p.mu.Lock()
				mode = p.mode
				p.mu.Unlock()
			}
			if mode == refusing {
				return
			}
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// reset closes c with a TCP reset, as a refused or dropped connection.
func reset(c net.Conn) {
	if tc, ok := c.(*net.TCPConn); ok {
		_ = tc.SetLinger(0)
	}
	_ = c.Close()
}
