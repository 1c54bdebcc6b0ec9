package webui

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// assets holds the pages, their scripts and styles, and the front-end
// libraries the Makefile copies from node_modules into assets/vendor.
//
//go:embed all:assets
var assets embed.FS

// openapiDoc is the API description served at /api/v1/openapi.json.
//
//go:embed openapi.json
var openapiDoc []byte

func (s *Server) openAPI(c *gin.Context) {
	c.Data(http.StatusOK, "application/json", openapiDoc)
}

// pageNames are the explorer's pages; each is a static HTML file whose
// script reads the URL (the state of the view) and calls the API.
var pageNames = []string{"search", "entity", "timeline", "graph", "quotes", "article"}

// pages serves the embedded pages and assets. Only files inside the
// embedded assets folder can be served: the file server is rooted there.
func (s *Server) pages(e *gin.Engine) {
	sub, err := fs.Sub(assets, "assets")
	if err != nil {
		panic("webui: embedded assets missing: " + err.Error()) // a build defect, not a runtime condition
	}
	files := http.FileServer(http.FS(sub))
	e.GET("/assets/*path", func(c *gin.Context) {
		p := c.Param("path")
		if strings.HasSuffix(p, "/") || strings.Contains(p, "..") {
			c.AbortWithStatusJSON(http.StatusNotFound, errorBody("not_found", "no such asset"))
			return
		}
		c.Header("Cache-Control", "public, max-age=300")
		c.Request.URL.Path = p
		files.ServeHTTP(c.Writer, c.Request)
	})
	servePage := func(name string) gin.HandlerFunc {
		return func(c *gin.Context) {
			b, err := fs.ReadFile(sub, name+".html")
			if err != nil {
				s.fail(c, err)
				return
			}
			c.Header("Cache-Control", "no-cache")
			c.Data(http.StatusOK, "text/html; charset=utf-8", b)
		}
	}
	e.GET("/", servePage("search"))
	for _, n := range pageNames {
		e.GET("/"+n, servePage(n))
	}
}
