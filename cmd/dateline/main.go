// Command dateline reads news articles into a graph of people, places,
// organizations, events and quotes, and serves and exports it.
//
// Each subcommand lives in its own file with its own flag set and help text;
// this file only dispatches. Business logic lives in the graph, timeline and
// webui packages.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

// command is one subcommand: its name, a one-line summary for the help
// listing, and the function that runs it.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what every subcommand gets from the process: its output streams and
// environment lookups, so that tests can run subcommands in-process.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	log    *slog.Logger
}

// exitError carries a specific exit code out of a subcommand.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// Exit codes, following the BSD sysexits conventions where they fit.
const (
	exitOK       = 0
	exitFailure  = 1 // the command ran but something failed or was rejected
	exitUsage    = 2 // bad flags or arguments
	exitDataErr  = 65
	exitInternal = 70
)

// commands returns the subcommands in help order.
func commands() []*command {
	cmds := []*command{
		ingestCommand(),
		serveCommand(),
		statsCommand(),
		entitiesCommand(),
		timelineCommand(),
		quotesCommand(),
		exportCommand(),
		demoCommand(),
		evalCommand(),
		trainCommand(),
	}
	return cmds
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{
		stdin:  os.Stdin,
		stdout: os.Stdout,
		stderr: os.Stderr,
		getenv: os.Getenv,
		log:    slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo})),
	}
	os.Exit(run(ctx, e, os.Args[1:]))
}

// run dispatches args to a subcommand and maps its error to an exit code.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) > 1 {
			return run(ctx, e, []string{args[1], "--help"})
		}
		usage(e.stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		switch {
		case err == nil:
			return exitOK
		case errors.Is(err, flag.ErrHelp):
			return exitOK
		}
		var ee *exitError
		if errors.As(err, &ee) {
			if ee.err != nil && ee.err.Error() != "" {
				fmt.Fprintf(e.stderr, "dateline %s: %v\n", c.name, ee.err)
			}
			return ee.code
		}
		fmt.Fprintf(e.stderr, "dateline %s: %v\n", c.name, err)
		return exitFailure
	}
	fmt.Fprintf(e.stderr, "dateline: unknown command %q\n\n", args[0])
	usage(e.stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "Dateline turns news articles into a graph of people, places, organizations,\nevents and quotes.\n\nUsage:\n  dateline COMMAND [flags] [args]\n\nCommands:\n")
	cmds := commands()
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nRun 'dateline COMMAND --help' for a command's flags.\n")
}

// newFlagSet returns a flag set for a subcommand whose help text starts with
// the given usage line and description.
func newFlagSet(e *env, name, usageLine, description string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: dateline %s\n\n%s\n\nFlags:\n", usageLine, description)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning flag errors into a usage exit. Flags may
// come after positional arguments ("dateline entities putin --limit 5"), as
// users expect; "--" ends the flags.
func parseFlags(fs *flag.FlagSet, args []string) error {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return err
			}
			return &exitError{code: exitUsage, err: errors.New("")}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if len(args) > 0 && len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			positional = append(positional, rest...)
			break
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
	// Leave the positional arguments where fs.Args finds them.
	return fs.Parse(append([]string{"--"}, positional...))
}
