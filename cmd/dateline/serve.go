package main

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"dateline/graph/extract"
	"dateline/graph/ingest"
	"dateline/graph/store"
	"dateline/webui"
)

func serveCommand() *command {
	return &command{
		name:    "serve",
		summary: "serve the explorer and the JSON API over the database",
		run:     runServe,
	}
}

// serveFlags are shared by serve and demo.
type serveFlags struct {
	addr      *string
	token     *string
	tokenFile *string
	hosts     *string
	origins   *bool
	seed      *uint64
	maxExport *int64
}

func addServeFlags(fs interface {
	String(name, value, usage string) *string
	Uint64(name string, value uint64, usage string) *uint64
	Int64(name string, value int64, usage string) *int64
	Bool(name string, value bool, usage string) *bool
}, e *env) serveFlags {
	return serveFlags{
		addr:      fs.String("addr", "127.0.0.1:8080", "`address` to listen on (loopback by default; the API has no authentication except for ingest)"),
		token:     fs.String("token", e.getenv("DATELINE_TOKEN"), "enable POST /api/v1/articles for requests carrying this bearer `token` (default $DATELINE_TOKEN; prefer the variable or --token-file: a flag is visible to every user in ps)"),
		tokenFile: fs.String("token-file", e.getenv("DATELINE_TOKEN_FILE"), "read the ingest token from the first line of this `file` (default $DATELINE_TOKEN_FILE)"),
		hosts:     fs.String("allow-host", "", "comma-separated host `names` the server answers for, besides the loopback names when bound to loopback (needed behind a reverse proxy or on a LAN address)"),
		origins:   fs.Bool("show-origins", false, "show readers the full path each article was ingested from (by default only the file's base name and line: a path can expose a source)"),
		seed:      fs.Uint64("seed", 1, "random `seed` for community detection, so groupings repeat"),
		maxExport: fs.Int64("max-export", webui.DefaultMaxExport>>20, "stop an export download (GET /api/v1/export) at this many `MiB`, on a line boundary, saying so in a comment where the format has one and in the Dateline-Export trailer; 0 for no limit"),
	}
}

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "serve", "serve [--db DIR] [--addr HOST:PORT] [--token TOKEN]",
		"Serves the explorer (search, entity, timeline, relationships, quotes and article pages) and\n"+
			"the JSON API under /api/v1/ (described at /api/v1/openapi.json) until interrupted.")
	db := dbFlag(fs, e)
	sf := addServeFlags(fs, e)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	st, err := openStore(e, *db, false)
	if err != nil {
		return err
	}
	defer st.Close()
	return serve(ctx, e, st, *db, sf)
}

// serve runs the web server over st until ctx is cancelled.
func serve(ctx context.Context, e *env, st *store.Store, db string, sf serveFlags) error {
	pipe, err := extract.Default()
	if err != nil {
		return err
	}
	token, err := sf.readToken()
	if err != nil {
		return err
	}
	var hosts []string
	if *sf.hosts != "" {
		hosts = []string{"localhost", "127.0.0.1", "::1"}
		for _, h := range strings.Split(*sf.hosts, ",") {
			if h = strings.TrimSpace(h); h != "" {
				hosts = append(hosts, h)
			}
		}
	}
	maxExport := int64(-1) // no budget
	switch {
	case *sf.maxExport < 0 || *sf.maxExport > 1<<20:
		return &exitError{code: exitUsage, err: fmt.Errorf("--max-export %d: want 0 (no limit) to %d (MiB)", *sf.maxExport, 1<<20)}
	case *sf.maxExport > 0:
		maxExport = *sf.maxExport << 20
	}
	srv := webui.New(webui.Options{Store: st, Stages: []ingest.Stage{pipe}, Token: token, Logger: e.log, Seed: *sf.seed, Hosts: hosts,
		FullOrigins: *sf.origins, MaxExport: maxExport})
	note := filepath.Join(db, serveURLFile)
	defer os.Remove(note)
	return srv.Serve(ctx, *sf.addr, func(url string) {
		if err := os.WriteFile(note, []byte(url+"\n"), 0o600); err != nil {
			e.log.Warn("cannot note the server's URL beside the database", "err", err)
		}
		fmt.Fprintf(e.stderr, "dateline: serving %s at %s (Ctrl-C to stop)\n", db, url)
		if !loopbackURL(url) {
			fmt.Fprintf(e.stderr, "dateline: warning: %s is reachable from other machines, and reading the explorer and the API needs no authentication: anyone who can reach it can read every article\n", *sf.addr)
		}
		if token == "" {
			fmt.Fprintf(e.stderr, "dateline: ingest over HTTP is off; start with --token or DATELINE_TOKEN to allow POST /api/v1/articles\n")
		}
	})
}

// readToken returns the ingest token: from --token-file when given (its
// first line), else --token or $DATELINE_TOKEN.
func (sf serveFlags) readToken() (string, error) {
	if *sf.tokenFile == "" {
		return *sf.token, nil
	}
	b, err := os.ReadFile(*sf.tokenFile)
	if err != nil {
		return "", fmt.Errorf("token file: %w", err)
	}
	line, _, _ := strings.Cut(string(b), "\n")
	tok := strings.TrimSpace(line)
	if tok == "" {
		return "", fmt.Errorf("token file %s: first line is empty", *sf.tokenFile)
	}
	return tok, nil
}

// loopbackURL reports whether the served URL's host is a loopback
// address.
func loopbackURL(u string) bool {
	pu, err := url.Parse(u)
	if err != nil {
		return false
	}
	ip := net.ParseIP(pu.Hostname())
	return ip != nil && ip.IsLoopback()
}
