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
	"dateline/graph/export"
)

// exportSelection reads the export parameters; every problem is a 400
// before any byte of the export is written.
func (p *params) exportSelection() (*export.Format, export.Selection) {
	var sel export.Selection
	name := p.c.Query("format")
	var f *export.Format
	if name == "" {
		p.fail("format is required (one of %s)", strings.Join(export.Formats(), ", "))
	} else if ff, err := export.Lookup(name); err != nil {
		p.fail("format: %q is not one of %s", name, strings.Join(export.Formats(), ", "))
	} else {
		f = ff
	}
	sel.Entity = p.queryID("entity")
	sel.Depth = p.integer("depth", 0, 1, 3)
	if sel.Depth != 0 && sel.Entity == 0 {
		p.fail("depth needs entity")
	}
	for _, v := range p.c.QueryArray("kind") {
		for _, part := range strings.Split(v, ",") {
			if part = strings.TrimSpace(part); part == "" {
				continue
			}
			k, err := graph.ParseKind(part)
			if err != nil {
				p.fail("kind: %q is not person, place, org or misc", part)
				continue
			}
			sel.Kinds = append(sel.Kinds, k)
		}
	}
	sel.Range = p.dateRange()
	sel.KnownAt = p.date("known_at")
	sel.MinWeight = int64(p.integer("min_weight", 0, 0, 1<<30))
	sel.Top = p.integer("top", 0, 0, export.MaxTop)
	if p.err == nil {
		if err := sel.Validate(); err != nil {
			p.fail("%s", strings.TrimPrefix(err.Error(), "export: "))
		}
	}
	return f, sel
}

// export answers GET /api/v1/export?format=&entity=&depth=&kind=&from=&to=&known_at=&min_weight=&top=:
// the selection in the format, streamed as a download.
func (s *Server) export(c *gin.Context) {
	p := &params{c: c}
	f, sel := p.exportSelection()
	if p.err != nil {
		s.fail(c, p.err)
		return
	}
	ctx := c.Request.Context()
	g, err := export.Select(ctx, s.st, sel)
	if err != nil {
		s.fail(c, err)
		return
	}
	stem := "dateline"
	if sel.Entity != 0 {
		stem += fmt.Sprintf("-entity-%d", sel.Entity)
	}
	h := c.Writer.Header()
	h.Set("Content-Type", f.ContentType)
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, f.Filename(stem)))
	if s.maxExport > 0 {
		h.Set("Dateline-Export-Limit", strconv.FormatInt(s.maxExport, 10))
	}
	// The status line goes before the export is written, so how it ended
	// comes after it, in a trailer: "complete", "truncated; …" at the
	// byte budget, or "failed; …" (the time budget, a store error).
	h.Set("Trailer", exportTrailer)
	c.Status(http.StatusOK)
	err = f.EncodeBudget(ctx, g, c.Writer, s.maxExport)
	switch {
	case err == nil:
		h.Set(exportTrailer, "complete")
	case export.Truncated(err):
		s.log.Warn("export stopped at its byte budget", "format", f.Name, "limit", s.maxExport)
		h.Set(exportTrailer, fmt.Sprintf("truncated; the export passed the byte budget of %d bytes and was cut at a line boundary; narrow the selection", s.maxExport))
	default:
		// The download ends where the export stopped; the error is
		// logged, and named to the client in the trailer.
		s.log.Error("export failed mid-stream", "format", f.Name, "err", err)
		reason := "error"
		if errors.Is(err, context.DeadlineExceeded) {
			reason = "time budget exceeded"
		}
		h.Set(exportTrailer, "failed; "+reason)
		c.Abort()
	}
}

// exportTrailer is the HTTP trailer that says how an export download
// ended.
const exportTrailer = "Dateline-Export"
