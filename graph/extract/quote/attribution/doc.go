// Package attribution is Dateline's own gold standard for "who said what,
// when" in journalism, and its scorer.
package attribution
