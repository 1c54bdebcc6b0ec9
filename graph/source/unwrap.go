package source

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// unwrap joins the lines of a hard-wrapped text back into its paragraphs.
// Wire copy, mail and old archives break every line at a fixed width
// (Reuters-21578 at about 70 characters, a new paragraph indented), and
// Dateline reads a line break as the end of a paragraph, so a name broken
// over two lines ("Industrial Equity (Pacific)\nLtd") was two names and
// a sentence two fragments. A text is hard-wrapped when it has at least
// four lines and most of them end near one width of at most 100
// characters; one paragraph a line, as the web gives it, has lines of
// every length. Within such a text a line joins the next unless the next
// is blank, indented or a list's item, or the line ends a sentence well
// short of the width (a headline, a paragraph's last line). Other texts are returned
// as they are.
func unwrap(s string) string {
	lines := strings.Split(s, "\n")
	var lens []int
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			lens = append(lens, utf8.RuneCountInString(strings.TrimRight(l, " \t")))
		}
	}
	if len(lens) < 4 {
		return s
	}
	sorted := slices.Clone(lens)
	slices.Sort(sorted)
	width := sorted[len(sorted)*9/10] // the wrap width: most lines end at or under it
	if width > 100 || width < 30 {
		return s
	}
	near := 0
	for _, n := range lens {
		if n <= width && n >= width*2/3 {
			near++
		}
	}
	if near*2 < len(lens) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, l := range lines {
		b.WriteString(l)
		if i == len(lines)-1 {
			break
		}
		next := lines[i+1]
		line := strings.TrimRight(l, " \t")
		join := line != "" && strings.TrimSpace(next) != "" && next[0] != ' ' && next[0] != '\t' && !listItem(next) &&
			(!endsSentence(line) || utf8.RuneCountInString(line) >= width*4/5)
		if join {
			b.WriteByte(' ')
		} else {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// endsSentence reports whether a line ends with what ends a sentence or a
// heading's line.
func endsSentence(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune(".!?:\"”'’)", r)
}

// listItem reports whether a line opens a list's item: a bullet ("- ",
// "• ", "* ") or a number ("1. ", "2) ").
func listItem(line string) bool {
	for _, b := range []string{"- ", "• ", "* ", "– ", "— "} {
		if strings.HasPrefix(line, b) {
			return true
		}
	}
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	return i > 0 && i < 4 && i+1 < len(line) && (line[i] == '.' || line[i] == ')') && line[i+1] == ' '
}
