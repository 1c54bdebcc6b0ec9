package webui

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
)

// Expensive routes (exports, whole-graph layouts, paths, deep
// neighbourhoods) can each take seconds of CPU on a big store. Reads are
// unauthenticated, so without a cap a handful of cheap requests would take
// the server from everyone else. heavyGate caps them: a few at a time in
// all, one at a time per client, each within a time budget; a request over
// the cap is answered 429 at once with Retry-After, never queued.
type heavyGate struct {
	slots     chan struct{}
	perClient int
	budget    time.Duration

	mu     sync.Mutex
	active map[string]int
}

// newHeavyGate returns a gate for total concurrent requests, perClient of
// them from one address, each cancelled after budget.
func newHeavyGate(total, perClient int, budget time.Duration) *heavyGate {
	return &heavyGate{slots: make(chan struct{}, total), perClient: perClient, budget: budget, active: map[string]int{}}
}

// retryAfter is what a refused client is told to wait, in seconds.
const retryAfter = 2

// wrap returns h behind the gate.
func (g *heavyGate) wrap(h gin.HandlerFunc) gin.HandlerFunc {
	return func(c *gin.Context) {
		// ClientIP is the connection's address: the engine trusts no
		// proxy headers (server.go), so a forged X-Forwarded-For cannot
		// buy a second slot.
		client := c.ClientIP()
		if !g.enter(client) {
			c.Header("Retry-After", strconv.Itoa(retryAfter))
			c.AbortWithStatusJSON(http.StatusTooManyRequests, errorBody("too_many_requests",
				"too many expensive requests (exports, graphs, paths) at once; retry in a moment"))
			return
		}
		defer g.leave(client)
		ctx, cancel := context.WithTimeout(c.Request.Context(), g.budget)
		defer cancel()
		c.Request = c.Request.WithContext(ctx)
		h(c)
	}
}

// enter takes a slot for client, or reports that none is free.
func (g *heavyGate) enter(client string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.active[client] >= g.perClient {
		return false
	}
	select {
	case g.slots <- struct{}{}:
	default:
		return false
	}
	g.active[client]++
	return true
}

// leave gives client's slot back.
func (g *heavyGate) leave(client string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	<-g.slots
	if g.active[client]--; g.active[client] <= 0 {
		delete(g.active, client)
	}
}
