package webui

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// routes registers every route. openapi_test.go checks that this list and
// openapi.json agree.
func (s *Server) routes(e *gin.Engine) {
	e.GET("/healthz", s.healthz)
	e.GET("/metrics", gin.WrapH(s.metrics.handler()))

	v1 := e.Group("/api/v1")
	v1.GET("/openapi.json", s.openAPI)
	v1.GET("/stats", s.stats)
	v1.GET("/search", s.search)
	v1.GET("/entities", s.entities)
	v1.GET("/entities/:id", s.entity)
	v1.GET("/entities/:id/mentions", s.entityMentions)
	v1.GET("/entities/:id/articles", s.entityArticles)
	v1.GET("/entities/:id/timeline", s.entityTimeline)
	v1.GET("/entities/:id/neighbors", s.heavy.wrap(s.entityNeighbors))
	v1.GET("/timeline", s.timeline)
	v1.GET("/quotes", s.quotes)
	v1.GET("/events", s.events)
	v1.GET("/graph", s.heavy.wrap(s.graph))
	v1.GET("/export", s.heavy.wrap(s.export))
	v1.GET("/paths", s.heavy.wrap(s.paths))
	v1.GET("/articles", s.articles)
	v1.GET("/articles/:id", s.article)
	v1.DELETE("/articles/:id", s.deleteArticle)
	v1.POST("/articles", s.postArticles)
	v1.GET("/corrections", s.corrections)
	v1.POST("/corrections", s.postCorrection)

	s.pages(e)
	// HEAD wherever GET is served, as HTTP expects of every GET resource:
	// the same handler, and net/http drops the body.
	for _, r := range e.Routes() {
		if r.Method == http.MethodGet {
			e.HEAD(r.Path, r.HandlerFunc)
		}
	}
	e.NoRoute(func(c *gin.Context) {
		c.AbortWithStatusJSON(http.StatusNotFound, errorBody("not_found", "no such route: "+c.Request.URL.Path))
	})
	e.NoMethod(func(c *gin.Context) {
		c.AbortWithStatusJSON(http.StatusMethodNotAllowed, errorBody("method_not_allowed", c.Request.Method+" is not allowed here"))
	})
}

func (s *Server) healthz(c *gin.Context) {
	if _, err := s.st.Stats(c.Request.Context()); err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}
