// Package webui is Dateline's explorer: a Gin server with a JSON API under
// /api/v1/ (described by openapi.json) and plain HTML/JS/CSS pages embedded
// in the binary. It is the only package that imports Gin.
//
// Handlers are methods on Server, which holds their dependencies; errors
// are logged once, here at the HTTP edge, and answered as JSON
// {"error":{"code":…,"message":…}}.
package webui

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/gin-contrib/gzip"
	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"

	"dateline/graph/ingest"
	"dateline/graph/store"
)

// Options configures a Server.
type Options struct {
	// Store is the graph; the server does not close it.
	Store *store.Store
	// Stages run on articles posted to /api/v1/articles.
	Stages []ingest.Stage
	// Token, when set, allows POST /api/v1/articles for requests that
	// carry it ("Authorization: Bearer TOKEN"). Without a token, ingest
	// over HTTP is refused.
	Token string
	// Logger receives request logs; nil discards them.
	Logger *slog.Logger
	// Seed makes community detection reproducible.
	Seed uint64
	// MaxBody caps request bodies (ingest uploads); 0 means 64 MiB.
	MaxBody int64
	// FullOrigins serves an article's origin as the full path it was
	// ingested from. Off by default: a path such as
	// /cases/whistleblower-jane-doe/memo.txt can expose a source, so
	// readers see the file's base name and line only.
	FullOrigins bool
	// Hosts are the host names (without port) a request's Host header may
	// carry. Empty means: when Serve binds a loopback address, localhost,
	// 127.0.0.1 and ::1; otherwise any. A page on another site that
	// rebinds its own name to 127.0.0.1 (DNS rebinding) then cannot read a
	// loopback server, since its requests carry the other site's name.
	Hosts []string
	// HeavyBudget is how long an expensive request (export, graph, paths,
	// neighbours) may run before it is stopped; 0 means 60 s.
	HeavyBudget time.Duration
	// HeavyConcurrency caps expensive requests running at once; 0 means
	// the number of CPUs, at least 2. One client runs three at a time.
	HeavyConcurrency int
	// MaxExport is the byte budget of one export download (GET
	// /api/v1/export): the stream stops on a line boundary before it, as
	// export.EncodeBudget does, and the Dateline-Export trailer says so.
	// 0 means 64 MiB; negative means no budget.
	MaxExport int64
}

// DefaultMaxExport is the byte budget of an export download when
// Options.MaxExport is 0.
const DefaultMaxExport = 64 << 20

// Server serves the explorer.
type Server struct {
	st        *store.Store
	stages    []ingest.Stage
	token     string
	log       *slog.Logger
	seed      uint64
	maxBody   int64
	engine    *gin.Engine
	metrics   *metrics
	ingMu     sync.Mutex // one HTTP ingest at a time keeps the store's writer simple to reason about
	heavy     *heavyGate
	origins   bool            // serve full origins (Options.FullOrigins)
	maxExport int64           // Options.MaxExport, resolved; <= 0 for no budget
	hosts     map[string]bool // allowed Host names; nil allows any (set before serving, read-only after)

	responses *responseCache
}

// New returns a server for opts.
func New(opts Options) *Server {
	gin.SetMode(gin.ReleaseMode)
	s := &Server{st: opts.Store, stages: opts.Stages, token: opts.Token, log: opts.Logger,
		seed: opts.Seed, maxBody: opts.MaxBody, origins: opts.FullOrigins}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.maxBody <= 0 {
		s.maxBody = 64 << 20
	}
	switch s.maxExport = opts.MaxExport; {
	case s.maxExport == 0:
		s.maxExport = DefaultMaxExport
	case s.maxExport < 0:
		s.maxExport = 0
	}
	if len(opts.Hosts) > 0 {
		s.hosts = map[string]bool{}
		for _, h := range opts.Hosts {
			s.hosts[strings.ToLower(strings.Trim(h, "[]"))] = true
		}
	}
	budget, slots := opts.HeavyBudget, opts.HeavyConcurrency
	if budget <= 0 {
		budget = time.Minute
	}
	if slots <= 0 {
		slots = max(2, runtime.GOMAXPROCS(0))
	}
	s.heavy = newHeavyGate(slots, 3, budget, 5*time.Second)
	s.metrics = newMetrics(prometheus.NewRegistry())
	s.responses = newResponseCache(512, 128<<20)
	e := gin.New()
	e.HandleMethodNotAllowed = true
	// No proxy is trusted: ClientIP is the peer address, so per-client
	// limits cannot be dodged with a forged X-Forwarded-For.
	if err := e.SetTrustedProxies(nil); err != nil {
		panic("webui: " + err.Error()) // nil is always a valid proxy list
	}
	// /metrics compresses itself (promhttp); compressing it again here
	// would send gzip inside gzip.
	e.Use(s.recover, s.logRequests, s.secure, s.checkHost, s.cache, gzip.Gzip(gzip.DefaultCompression, gzip.WithExcludedPaths([]string{"/metrics"})))
	s.routes(e)
	s.engine = e
	return s
}

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.engine }

// Serve listens on addr and serves until ctx is cancelled, then shuts
// down gracefully, letting requests in flight finish (up to 10 s). ready,
// if not nil, receives the URL once the listener is open.
func (s *Server) Serve(ctx context.Context, addr string, ready func(url string)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("webui: listen on %s: %w", addr, err)
	}
	if s.hosts == nil && loopback(ln.Addr()) {
		s.hosts = map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true}
	}
	srv := &http.Server{
		Handler:           s.engine,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	if ready != nil {
		ready("http://" + ln.Addr().String() + "/")
	}
	select {
	case err := <-errc:
		return fmt.Errorf("webui: serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("webui: shutdown: %w", err)
	}
	return nil
}

// logRequests writes one structured log line a request and counts it. A
// request that failed with a 500 logs at Error level, with the error fail
// attached: the one place a server error is logged.
func (s *Server) logRequests(c *gin.Context) {
	start := time.Now()
	c.Next()
	d := time.Since(start)
	route := c.FullPath()
	if route == "" {
		route = "unmatched"
	}
	s.metrics.observe(c.Request.Method, route, c.Writer.Status(), d)
	level := slog.LevelInfo
	if c.Writer.Status() >= 500 {
		level = slog.LevelError
	}
	attrs := []slog.Attr{
		slog.String("method", c.Request.Method),
		slog.String("path", c.Request.URL.Path),
		slog.String("route", route),
		slog.Int("status", c.Writer.Status()),
		slog.Duration("duration", d),
		slog.Int("bytes", c.Writer.Size()),
	}
	if err := c.Errors.Last(); err != nil {
		attrs = append(attrs, slog.String("err", err.Err.Error()))
	}
	s.log.LogAttrs(c.Request.Context(), level, "request", attrs...)
}

// loopback reports whether a listener's address is a loopback one, which
// only this machine can reach.
func loopback(a net.Addr) bool {
	ta, ok := a.(*net.TCPAddr)
	return ok && ta.IP.IsLoopback()
}

// checkHost refuses requests whose Host header names a host this server
// was not told it is (see Options.Hosts).
func (s *Server) checkHost(c *gin.Context) {
	if s.hosts != nil {
		h := c.Request.Host
		if hp, _, err := net.SplitHostPort(h); err == nil {
			h = hp
		}
		if !s.hosts[strings.ToLower(strings.Trim(h, "[]"))] {
			c.AbortWithStatusJSON(http.StatusMisdirectedRequest, errorBody("wrong_host",
				"this server does not answer for that host name; start it with --allow-host to add one"))
			return
		}
	}
	c.Next()
}

// secure sets the headers every response carries: a Content-Security-Policy
// that forbids inline script and any origin but this one, and no sniffing.
func (s *Server) secure(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	if c.Request.Body != nil {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, s.maxBody)
	}
	c.Next()
}

// recover turns a panic into a logged 500 with a JSON body.
func (s *Server) recover(c *gin.Context) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("panic in handler", "path", c.Request.URL.Path, "panic", fmt.Sprint(r))
			if !c.Writer.Written() {
				c.AbortWithStatusJSON(http.StatusInternalServerError, errorBody("internal", "internal error"))
			}
		}
	}()
	c.Next()
}
