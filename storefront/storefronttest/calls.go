package storefronttest

import (
	"sync/atomic"

	"github.com/commercengine-go/sdk/api"
)

// callCounter counts requests per operation. Its map is built once with
// every operation of the spec and only read afterwards, so counting takes no
// lock.
type callCounter map[string]*atomic.Int64

func newCallCounter() callCounter {
	c := callCounter{}
	for _, op := range api.Operations() {
		c[op.ID] = new(atomic.Int64)
	}
	return c
}

func (c callCounter) add(op string) {
	if n := c[op]; n != nil {
		n.Add(1)
	}
}

// Calls returns how many requests were routed to an operation (see the Op…
// constants) since the server started or ResetCalls. Every request whose
// method and path match the operation counts, including the ones the server
// then refuses (an invalid body, a bad credential) and the ones a fault
// answers.
func (s *Server) Calls(operationID string) int {
	if n := s.calls[operationID]; n != nil {
		return int(n.Load())
	}
	return 0
}

// CallCounts returns a copy of the counts of Calls, for the operations that
// were called at least once.
func (s *Server) CallCounts() map[string]int {
	out := map[string]int{}
	for op, n := range s.calls {
		if v := n.Load(); v > 0 {
			out[op] = int(v)
		}
	}
	return out
}

// ResetCalls sets every count to zero.
func (s *Server) ResetCalls() {
	for _, n := range s.calls {
		n.Store(0)
	}
}
