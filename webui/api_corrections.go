package webui

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"dateline/graph/resolve"
	"dateline/graph/store"
)

// CorrectionJSON is a user's correction of resolution as the API reads and
// writes it, and as `dateline entities corrections --json` prints it: op is
// merge, split, rename, retype or drop; name (and other, for merge and
// split) are names as the entities are called; value is the new name
// (rename) or kind (retype).
type CorrectionJSON struct {
	Seq   uint64 `json:"seq,omitempty"`
	Op    string `json:"op"`
	Name  string `json:"name"`
	Other string `json:"other,omitempty"`
	Value string `json:"value,omitempty"`
	Who   string `json:"who,omitempty"`
	When  string `json:"when,omitempty"`
	Note  string `json:"note,omitempty"`
}

// NewCorrectionJSON renders a stored correction.
func NewCorrectionJSON(c *store.Correction) CorrectionJSON {
	return CorrectionJSON{Seq: c.Seq, Op: c.Op.String(), Name: c.Name, Other: c.Other, Value: c.Value,
		Who: c.Who, When: c.When.Format(time.RFC3339), Note: c.Note}
}

// maxCorrectionBody bounds a correction request: a few names and a note.
const maxCorrectionBody = 16 << 10

// corrections answers GET /api/v1/corrections: the audit list of every
// correction, oldest first.
func (s *Server) corrections(c *gin.Context) {
	cs, err := s.st.Corrections(c.Request.Context())
	if err != nil {
		s.fail(c, err)
		return
	}
	out := listJSON[CorrectionJSON]{Items: []CorrectionJSON{}}
	for _, x := range cs {
		out.Items = append(out.Items, NewCorrectionJSON(x))
	}
	c.JSON(http.StatusOK, out)
}

// postCorrection answers POST /api/v1/corrections: it records a user's
// correction and applies it (the entities it touches are recomputed and
// their articles restated before the answer). It needs the server's
// token, like ingest.
func (s *Server) postCorrection(c *gin.Context) {
	if !s.authorized(c, "corrections") {
		return
	}
	var in CorrectionJSON
	dec := json.NewDecoder(http.MaxBytesReader(c.Writer, c.Request.Body, maxCorrectionBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		s.fail(c, badRequest("body: %v", err))
		return
	}
	op, err := resolve.ParseOp(strings.TrimSpace(in.Op))
	if err != nil {
		s.fail(c, badRequest("op: %v", err))
		return
	}
	who := strings.TrimSpace(in.Who)
	if who == "" {
		who = "api"
	}
	corr := store.Correction{Constraint: resolve.Constraint{Op: op, Name: in.Name, Other: in.Other, Value: in.Value},
		Who: who, Note: strings.TrimSpace(in.Note)}
	if err := corr.Validate(); err != nil {
		s.fail(c, badRequest("%v", err))
		return
	}
	s.ingMu.Lock()
	defer s.ingMu.Unlock()
	done, err := s.st.Correct(c.Request.Context(), corr)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, NewCorrectionJSON(done))
}

// authorized checks the request's bearer token against the server's and
// answers the refusal itself: 403 when the server has no token (what, the
// kind of write, is off over HTTP), 401 for a missing or wrong token.
func (s *Server) authorized(c *gin.Context, what string) bool {
	if s.token == "" {
		s.fail(c, &apiError{http.StatusForbidden, what + "_disabled", "this server was started without --token; " + what + " over HTTP is disabled"})
		return false
	}
	auth := c.GetHeader("Authorization")
	if tok, ok := strings.CutPrefix(auth, "Bearer "); !ok || !constantTimeEqual(tok, s.token) {
		c.Header("WWW-Authenticate", `Bearer realm="dateline"`)
		s.fail(c, &apiError{http.StatusUnauthorized, "unauthorized", "a valid 'Authorization: Bearer TOKEN' header is required"})
		return false
	}
	return true
}
