package export

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"strings"
)

// quoteRow is one quote as the quote exports write it.
type quoteRow struct {
	Date        string `json:"date"`
	Speaker     string `json:"speaker"`
	SpeakerID   string `json:"speaker_id"` // "" when the speaker is not resolved to an entity
	SpeakerText string `json:"speaker_text"`
	Words       string `json:"words"`
	Mode        string `json:"mode"` // "direct" or "reported"
	Cue         string `json:"cue"`
	ArticleURL  string `json:"article_url"`
	Article     string `json:"article_id"`
	Sentence    string `json:"sentence"`
}

var quoteCSVHeader = []string{"date", "speaker", "speaker_id", "speaker_text", "words", "mode", "cue", "article_url", "article_id", "sentence"}

// speakers caches speaker names.
type speakers map[uint64]string

func (s speakers) name(ctx context.Context, g *Graph, qf quoteFact) (string, error) {
	id := qf.Quote.Speaker
	if id == 0 {
		return qf.Quote.SpeakerText, nil
	}
	if n, ok := s[uint64(id)]; ok {
		return n, nil
	}
	e, err := g.st.Entity(ctx, id)
	if err != nil {
		return "", err
	}
	if len(s) > 4096 {
		clear(s)
	}
	s[uint64(id)] = e.Name
	return e.Name, nil
}

func eachQuoteRow(ctx context.Context, g *Graph, fn func(quoteRow) error) error {
	names := speakers{}
	return eachQuote(ctx, g, newArticles(g.st), func(qf quoteFact) error {
		q := qf.Quote
		r := quoteRow{Date: q.Date.String(), SpeakerText: q.SpeakerText, Words: q.Text, Mode: "reported", Cue: q.Cue,
			Article: idString(q.Article), Sentence: qf.sentence()}
		if q.Direct {
			r.Mode = "direct"
		}
		if q.Speaker != 0 {
			r.SpeakerID = idString(q.Speaker)
		}
		var err error
		if r.Speaker, err = names.name(ctx, g, qf); err != nil {
			return err
		}
		if qf.Article != nil {
			r.ArticleURL = qf.Article.URL
		}
		return fn(r)
	})
}

// encodeQuotesCSV writes the selection's quotes as RFC 4180 CSV with a
// header, in date order: who said what, when, how (direct or reported,
// with the cue) and where (article URL and the whole sentence).
func encodeQuotesCSV(ctx context.Context, g *Graph, w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(quoteCSVHeader)
	err := eachQuoteRow(ctx, g, func(r quoteRow) error {
		return cw.Write([]string{r.Date, cell(r.Speaker), r.SpeakerID, cell(r.SpeakerText), cell(r.Words), r.Mode, cell(r.Cue), r.ArticleURL, cell(r.Article), cell(r.Sentence)})
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// cell neutralises a text cell against spreadsheet formula injection: this
// CSV is made to be opened in a spreadsheet, and article text is anyone's,
// so a cell that a spreadsheet would read as a formula (starting with =,
// +, -, @, a tab or a carriage return) gets a leading apostrophe, which
// spreadsheets show as text and hide.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// encodeQuotesJSONL writes the selection's quotes as JSON lines, one quote
// a line, with the same fields as the CSV.
func encodeQuotesJSONL(ctx context.Context, g *Graph, w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return eachQuoteRow(ctx, g, func(r quoteRow) error { return enc.Encode(r) })
}
