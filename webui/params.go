package webui

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"dateline/graph"
	"dateline/graph/store"
	"dateline/timeline"
)

// apiError is an error with the HTTP status and code the client sees.
type apiError struct {
	status  int
	code    string
	message string
}

func (e *apiError) Error() string { return e.message }

func badRequest(format string, args ...any) *apiError {
	return &apiError{http.StatusBadRequest, "bad_request", fmt.Sprintf(format, args...)}
}

func notFound(format string, args ...any) *apiError {
	return &apiError{http.StatusNotFound, "not_found", fmt.Sprintf(format, args...)}
}

func errorBody(code, message string) gin.H {
	return gin.H{"error": gin.H{"code": code, "message": message}}
}

// fail answers an error: an apiError as itself, a missing record as 404,
// anything else as a 500 that does not leak internals. The error of a 500
// is attached to the request for logRequests, which writes it on the
// request's one log line.
func (s *Server) fail(c *gin.Context, err error) {
	var ae *apiError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &ae):
	case errors.Is(err, store.ErrNotFound):
		ae = notFound("not found")
	case errors.Is(err, store.ErrBadCursor):
		ae = badRequest("cursor: not a cursor of this list; start again without it")
	case errors.As(err, &mbe):
		ae = &apiError{http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("request body is larger than %d bytes", mbe.Limit)}
	case errors.Is(c.Request.Context().Err(), context.DeadlineExceeded):
		ae = &apiError{http.StatusServiceUnavailable, "over_budget", "the request took longer than this server allows; narrow it (a date range, fewer kinds, a smaller depth or top)"}
	case c.Request.Context().Err() != nil:
		ae = &apiError{499, "cancelled", "request cancelled"}
	default:
		_ = c.Error(err) // returns err wrapped for chaining; nothing to check
		ae = &apiError{http.StatusInternalServerError, "internal", "internal error"}
	}
	c.AbortWithStatusJSON(ae.status, errorBody(ae.code, ae.message))
}

// Limits on list sizes: every list is paginated, and no page is larger
// than maxLimit.
const (
	defaultLimit = 50
	maxLimit     = 500
)

// params reads and validates query parameters, remembering the first
// problem so that a handler checks once.
type params struct {
	c   *gin.Context
	err *apiError
}

func (p *params) fail(format string, args ...any) {
	if p.err == nil {
		p.err = badRequest(format, args...)
	}
}

// id parses a path or query ID.
func (p *params) id(name, v string) graph.ID {
	if v == "" {
		return 0
	}
	n, err := strconv.ParseUint(v, 10, 64)
	if err != nil || n == 0 || graph.ID(n) > graph.MaxID {
		p.fail("%s: %q is not an ID", name, v)
		return 0
	}
	return graph.ID(n)
}

func (p *params) pathID(name string) graph.ID {
	id := p.id(name, p.c.Param(name))
	if id == 0 && p.err == nil {
		p.fail("%s is required", name)
	}
	return id
}

func (p *params) queryID(name string) graph.ID { return p.id(name, p.c.Query(name)) }

// integer parses an optional integer within [lo, hi].
func (p *params) integer(name string, def, lo, hi int) int {
	v := p.c.Query(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		p.fail("%s: %q is not a whole number from %d to %d", name, v, lo, hi)
		return def
	}
	return n
}

func (p *params) limit() int { return p.integer("limit", defaultLimit, 1, maxLimit) }

// boolean parses an optional true/false (also 1/0).
func (p *params) boolean(name string, def bool) bool {
	switch p.c.Query(name) {
	case "":
		return def
	case "1", "true":
		return true
	case "0", "false":
		return false
	}
	p.fail("%s: %q is not true or false", name, p.c.Query(name))
	return def
}

// date parses an optional ISO date: 2022-02-08, 2022-02 or 2022.
func (p *params) date(name string) timeline.Date {
	v := strings.TrimSpace(p.c.Query(name))
	if v == "" {
		return timeline.Date{}
	}
	d, err := parseISODate(v)
	if err != nil {
		p.fail("%s: %q is not a date (use 2022-02-08, 2022-02 or 2022)", name, v)
	}
	return d
}

// parseISODate accepts the three ISO forms the API documents.
func parseISODate(v string) (timeline.Date, error) {
	d, err := timeline.Parse(v)
	if err != nil {
		return d, err
	}
	switch d.Precision {
	case timeline.Year, timeline.Month, timeline.Day:
		return d, nil
	}
	return timeline.Date{}, fmt.Errorf("not a year, month or day")
}

// dateRange reads from and to.
func (p *params) dateRange() timeline.Range {
	r := timeline.Range{From: p.date("from"), To: p.date("to")}
	if !r.From.IsZero() && !r.To.IsZero() && r.To.End().Before(r.From.Start) {
		p.fail("to (%s) is before from (%s)", r.To, r.From)
	}
	return r
}

// oneOf reads an optional enumerated parameter.
func (p *params) oneOf(name, def string, allowed ...string) string {
	v := p.c.Query(name)
	if v == "" {
		return def
	}
	for _, a := range allowed {
		if v == a {
			return v
		}
	}
	p.fail("%s: %q is not one of %s", name, v, strings.Join(allowed, ", "))
	return def
}

// kinds reads kind=person,place (or repeated kind=) as entity kinds.
func (p *params) kinds() []graph.Kind {
	var out []graph.Kind
	for _, v := range p.c.QueryArray("kind") {
		for _, f := range strings.Split(v, ",") {
			if f = strings.TrimSpace(f); f == "" {
				continue
			}
			k, err := graph.ParseKind(f)
			if err != nil || k == graph.Misc {
				p.fail("kind: %q is not person, place or org", f)
				continue
			}
			out = append(out, k)
		}
	}
	return out
}

// cursor decodes an opaque pagination cursor (hex of a store key).
func (p *params) cursor() []byte {
	v := p.c.Query("cursor")
	if v == "" {
		return nil
	}
	b, err := decodeCursor(v)
	if err != nil {
		p.fail("cursor: %q is not a cursor this server issued", v)
	}
	return b
}

// knownEntities checks that every non-zero entity ID a list is filtered by
// exists, so an unknown ID answers 404 as it does on /entities/{id}, not an
// empty list that reads as "said nothing".
func (s *Server) knownEntities(ctx context.Context, ids ...graph.ID) error {
	for _, id := range ids {
		if id == 0 {
			continue
		}
		if _, err := s.st.Entity(ctx, id); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				return notFound("entity %d not found", id)
			}
			return err
		}
	}
	return nil
}
