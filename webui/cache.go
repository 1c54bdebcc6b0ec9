package webui

import (
	"bytes"
	"container/list"
	"net/http"
	"strings"
	"sync"

	"github.com/gin-gonic/gin"
)

// responseCache keeps the JSON bodies of recent GET answers, keyed by
// their URL, for as long as the store has not changed. The views a
// newsroom opens are the same few people's timelines and neighbourhoods,
// and on a large store those are the costly ones: a hub's neighbourhood
// reads hundreds of thousands of per-day weights. A write (ingest over
// HTTP) bumps the store's generation and so empties the cache.
type responseCache struct {
	mu      sync.Mutex
	gen     uint64
	max     int   // entries
	maxSize int64 // bytes of bodies
	size    int64
	order   *list.List // front: most recently used
	entries map[string]*list.Element
}

type cached struct {
	key      string
	body     []byte
	encoding string // Content-Encoding of body ("gzip" or "")
}

func newResponseCache(entries int, bytes int64) *responseCache {
	return &responseCache{max: entries, maxSize: bytes, order: list.New(), entries: map[string]*list.Element{}}
}

func (c *responseCache) get(gen uint64, key string) (*cached, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sync(gen)
	el, ok := c.entries[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*cached), true
}

func (c *responseCache) put(gen uint64, key string, body []byte, encoding string) {
	if int64(len(body)) > c.maxSize/8 {
		return // one huge answer should not push out everything else
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sync(gen)
	if el, ok := c.entries[key]; ok {
		c.order.MoveToFront(el)
		return
	}
	c.entries[key] = c.order.PushFront(&cached{key, body, encoding})
	c.size += int64(len(body))
	for c.order.Len() > c.max || c.size > c.maxSize {
		el := c.order.Back()
		v := el.Value.(*cached)
		c.order.Remove(el)
		delete(c.entries, v.key)
		c.size -= int64(len(v.body))
	}
}

// sync empties the cache when the store has changed since it was filled.
func (c *responseCache) sync(gen uint64) {
	if gen != c.gen {
		c.gen = gen
		c.order.Init()
		c.entries = map[string]*list.Element{}
		c.size = 0
	}
}

// bodyRecorder keeps a copy of what a handler writes.
type bodyRecorder struct {
	gin.ResponseWriter
	buf bytes.Buffer
}

func (r *bodyRecorder) Write(b []byte) (int, error) {
	r.buf.Write(b)
	return r.ResponseWriter.Write(b)
}

func (r *bodyRecorder) WriteString(s string) (int, error) {
	r.buf.WriteString(s)
	return r.ResponseWriter.WriteString(s)
}

// cache serves an API GET from the response cache, or runs the handler
// and keeps its answer when it is a 200 JSON body. It runs before the gzip
// middleware, so what it keeps is what went on the wire: a cached answer
// is not compressed again for every reader. Answers are kept apart by
// whether the client accepts gzip.
func (s *Server) cache(c *gin.Context) {
	path := c.Request.URL.Path
	if c.Request.Method != http.MethodGet || !strings.HasPrefix(path, "/api/v1/") || path == "/api/v1/export" {
		c.Next()
		return
	}
	key := c.Request.URL.RequestURI()
	if strings.Contains(c.GetHeader("Accept-Encoding"), "gzip") {
		key = "gzip " + key
	}
	gen := s.st.Generation()
	if hit, ok := s.responses.get(gen, key); ok {
		s.metrics.cacheHit()
		h := c.Writer.Header()
		h.Set("Content-Type", "application/json; charset=utf-8")
		if hit.encoding != "" {
			h.Set("Content-Encoding", hit.encoding)
			h.Set("Vary", "Accept-Encoding")
		}
		c.Status(http.StatusOK)
		c.Writer.Write(hit.body)
		c.Abort()
		return
	}
	rec := &bodyRecorder{ResponseWriter: c.Writer}
	c.Writer = rec
	c.Next()
	h := rec.Header()
	if rec.Status() == http.StatusOK && strings.HasPrefix(h.Get("Content-Type"), "application/json") {
		s.responses.put(gen, key, bytes.Clone(rec.buf.Bytes()), h.Get("Content-Encoding"))
	}
}
