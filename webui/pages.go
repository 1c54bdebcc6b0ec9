package webui

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// assets holds the pages' scripts, styles and images, and the front-end
// libraries the Makefile copies from node_modules into assets/vendor.
//
//go:embed all:assets
var assets embed.FS

// pageTemplates holds the pages: layout.html is what every page shares
// (head, navigation, jump box), and each page file defines its title,
// extra head lines and main content.
//
//go:embed pages/*.html
var pageTemplates embed.FS

// openapiDoc is the API description served at /api/v1/openapi.json.
//
//go:embed openapi.json
var openapiDoc []byte

func (s *Server) openAPI(c *gin.Context) {
	c.Data(http.StatusOK, "application/json", openapiDoc)
}

// pageNames are the explorer's pages; each is static HTML whose script
// reads the URL (the state of the view) and calls the API.
var pageNames = []string{"search", "entity", "timeline", "graph", "quotes", "article"}

// renderPages renders every page with the shared layout once: the pages
// hold no data, so there is nothing to render per request.
func renderPages() (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, n := range pageNames {
		t, err := template.ParseFS(pageTemplates, "pages/layout.html", "pages/"+n+".html")
		if err != nil {
			return nil, fmt.Errorf("webui: page %s: %w", n, err)
		}
		var b bytes.Buffer
		if err := t.ExecuteTemplate(&b, "layout", nil); err != nil {
			return nil, fmt.Errorf("webui: page %s: %w", n, err)
		}
		out[n] = b.Bytes()
	}
	return out, nil
}

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
		// A miss answers the JSON error every other path answers, not the
		// file server's plain-text one.
		if fi, err := fs.Stat(sub, strings.TrimPrefix(p, "/")); err != nil || fi.IsDir() {
			c.AbortWithStatusJSON(http.StatusNotFound, errorBody("not_found", "no such asset: "+p))
			return
		}
		c.Header("Cache-Control", "public, max-age=300")
		c.Request.URL.Path = p
		files.ServeHTTP(c.Writer, c.Request)
	})
	rendered, err := renderPages()
	if err != nil {
		panic(err.Error()) // the embedded templates are part of the build; a broken one is a build defect
	}
	servePage := func(name string) gin.HandlerFunc {
		b := rendered[name]
		return func(c *gin.Context) {
			c.Header("Cache-Control", "no-cache")
			c.Data(http.StatusOK, "text/html; charset=utf-8", b)
		}
	}
	e.GET("/", servePage("search"))
	for _, n := range pageNames {
		e.GET("/"+n, servePage(n))
	}
}
