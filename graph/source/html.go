package source

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"dateline/timeline"
)

// readHTML reads a saved web page as one article: the main text and title
// as go-readability (a port of Firefox's Reader View) finds them, and the
// metadata from the page's head: the date from the first of
// article:published_time, og:published_time, JSON-LD datePublished,
// itemprop=datePublished, pubdate, publishdate, date, dc.date,
// dcterms.date, citation_publication_date or a <time datetime> element that
// parses (a page's metadata is often sloppy, so one that does not parse is
// passed over rather than costing the article); the URL from og:url or the
// canonical link; the source from og:site_name.
func readHTML(ctx context.Context, in *input, emit emitFunc) error {
	s, ok, err := readWhole(in, emit)
	if !ok {
		return err
	}
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return emit.reject(in.file, 0, "HTML: %v", err)
	}
	meta := pageMeta(doc)
	var pageURL *url.URL
	if u, err := url.Parse(meta.url); err == nil && u.IsAbs() {
		pageURL = u
	}
	p := readability.NewParser()
	art, err := p.ParseAndMutate(doc, pageURL)
	if err != nil {
		return emit.reject(in.file, 0, "no readable text: %v", err)
	}
	var text strings.Builder
	if art.Node != nil {
		if err := art.RenderText(&text); err != nil {
			return emit.reject(in.file, 0, "rendering text: %v", err)
		}
	}
	vals := [numRoles]string{
		roleDate:   meta.date,
		roleTitle:  firstNonEmpty(meta.title, art.Title()),
		roleText:   tidyText(text.String()),
		roleURL:    meta.url,
		roleSource: firstNonEmpty(meta.site, art.SiteName()),
	}
	field := [numRoles]string{roleDate: meta.dateField, roleText: "readable text"}
	a, reason := in.article(&vals, &field, 0, 1)
	if a == nil {
		return emit.reject(in.file, 0, "%s", reason)
	}
	a.Origin.Line = 1
	return emit(Item{Article: a})
}

// meta is what a page's head says about the article.
type meta struct {
	date, dateField string
	title, url      string
	site            string
}

// datePriority orders the date sources; a lower value wins.
var datePriority = map[string]int{
	"article:published_time": 1, "og:published_time": 2, "json-ld datepublished": 3,
	"itemprop=datepublished": 4, "pubdate": 5, "publishdate": 6, "date": 7, "dc.date": 8,
	"dc.date.issued": 9, "dcterms.date": 10, "dcterms.created": 11, "citation_publication_date": 12,
	"time datetime": 20,
}

// pageMeta walks the document once for the metadata readability does not
// hand back with its precision.
func pageMeta(doc *html.Node) meta {
	var m meta
	best := 1 << 30
	var canonical, ogURL, ldURL, ogTitle, ldTitle, ldSite string
	offer := func(name, value string) {
		value = strings.TrimSpace(value)
		pri, ok := datePriority[name]
		if !ok || pri >= best || value == "" {
			return
		}
		if _, err := timeline.Parse(value); err != nil {
			return
		}
		m.date, m.dateField, best = value, name, pri
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name")))
				content := attr(n, "content")
				if ip := strings.ToLower(attr(n, "itemprop")); ip == "datepublished" {
					offer("itemprop=datepublished", firstNonEmpty(content, attr(n, "datetime")))
				}
				offer(key, content)
				switch key {
				case "og:url":
					ogURL = content
				case "og:site_name":
					m.site = strings.TrimSpace(content)
				case "og:title":
					ogTitle = content
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					canonical = attr(n, "href")
				}
			case atom.Time:
				offer("time datetime", attr(n, "datetime"))
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
					ld := jsonLD(n.FirstChild.Data)
					offer("json-ld datepublished", ld.date)
					ldURL, ldTitle, ldSite = firstNonEmpty(ldURL, ld.url), firstNonEmpty(ldTitle, ld.title), firstNonEmpty(ldSite, ld.site)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	m.url = strings.TrimSpace(firstNonEmpty(ogURL, canonical, ldURL))
	m.title = strings.TrimSpace(firstNonEmpty(ogTitle, ldTitle))
	m.site = firstNonEmpty(m.site, ldSite)
	return m
}

// ldMeta is what a JSON-LD block says about its article.
type ldMeta struct{ date, url, title, site string }

// jsonLD finds the article metadata in a JSON-LD block: the first object
// with a datePublished, looking through arrays and @graph.
func jsonLD(src string) ldMeta {
	var v any
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		return ldMeta{}
	}
	var found ldMeta
	var visit func(v any, depth int) bool
	visit = func(v any, depth int) bool {
		if depth > 8 {
			return false
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				if visit(e, depth+1) {
					return true
				}
			}
		case map[string]any:
			if d, ok := x["datePublished"].(string); ok && d != "" {
				found.date = d
				found.url, _ = x["url"].(string)
				found.title, _ = x["headline"].(string)
				if pub, ok := x["publisher"].(map[string]any); ok {
					found.site, _ = pub["name"].(string)
				}
				return true
			}
			if g, ok := x["@graph"]; ok {
				return visit(g, depth+1)
			}
		}
		return false
	}
	visit(v, 0)
	return found
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// tidyText trims each line of readability's text and keeps at most one
// blank line between paragraphs, so that the text reads like a text file.
func tidyText(s string) string {
	lines := strings.Split(s, "\n")
	var b strings.Builder
	blank := false
	for _, l := range lines {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n")
			if blank {
				b.WriteString("\n")
			}
		}
		b.WriteString(l)
		blank = false
	}
	return b.String()
}
