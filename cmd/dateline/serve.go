package main

import (
	"context"
	"fmt"

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
	addr  *string
	token *string
	seed  *uint64
}

func addServeFlags(fs interface {
	String(name, value, usage string) *string
	Uint64(name string, value uint64, usage string) *uint64
}, e *env) serveFlags {
	return serveFlags{
		addr:  fs.String("addr", "127.0.0.1:8080", "`address` to listen on (loopback by default; the API has no authentication except for ingest)"),
		token: fs.String("token", e.getenv("DATELINE_TOKEN"), "enable POST /api/v1/articles for requests carrying this bearer `token` (default $DATELINE_TOKEN)"),
		seed:  fs.Uint64("seed", 1, "random `seed` for community detection, so groupings repeat"),
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
	srv := webui.New(webui.Options{Store: st, Stages: []ingest.Stage{pipe}, Token: *sf.token, Logger: e.log, Seed: *sf.seed})
	return srv.Serve(ctx, *sf.addr, func(url string) {
		fmt.Fprintf(e.stderr, "dateline: serving %s at %s (Ctrl-C to stop)\n", db, url)
		if *sf.token == "" {
			fmt.Fprintf(e.stderr, "dateline: ingest over HTTP is off; start with --token or DATELINE_TOKEN to allow POST /api/v1/articles\n")
		}
	})
}
