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
// all and a few per client (the explorer's graph page asks for a
// neighbourhood and a path at once), each within a time budget. A request
// over the total waits briefly for a slot; one over its client's share, or
// still without a slot after the wait, is answered 429 with Retry-After.
type heavyGate struct {
	slots     chan struct{}
	perClient int
	budget    time.Duration
	wait      time.Duration // how long a request may wait for a free slot

	mu     sync.Mutex
	active map[string]int
}

// newHeavyGate returns a gate for total concurrent requests, perClient of
// them from one address, each cancelled after budget.
func newHeavyGate(total, perClient int, budget, wait time.Duration) *heavyGate {
	return &heavyGate{slots: make(chan struct{}, total), perClient: perClient, budget: budget, wait: wait, active: map[string]int{}}
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
		if !g.enter(c.Request.Context(), client) {
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

// enter takes a slot for client, waiting up to g.wait for one to free, or
// reports that none is to be had.
func (g *heavyGate) enter(ctx context.Context, client string) bool {
	g.mu.Lock()
	if g.active[client] >= g.perClient {
		g.mu.Unlock()
		return false
	}
	g.active[client]++ // counted while it waits, so one client cannot queue many
	g.mu.Unlock()
	t := time.NewTimer(g.wait)
	defer t.Stop()
	select {
	case g.slots <- struct{}{}:
		return true
	case <-t.C:
	case <-ctx.Done():
	}
	g.drop(client)
	return false
}

// drop takes back client's count.
func (g *heavyGate) drop(client string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.active[client]--; g.active[client] <= 0 {
		delete(g.active, client)
	}
}

// leave gives client's slot back.
func (g *heavyGate) leave(client string) {
	<-g.slots
	g.drop(client)
}
