package ingest

import (
	"context"
	"testing"

	"dateline/graph/extract"
	"dateline/graph/store"
)

// TestGenericFragmentsDoNotBridge: "the Armed Forces" standing for the
// article's Armed Forces of Russia, and in another article for the Armed
// Forces of Ukraine, is no name of either, so the two stay two entities
// across articles. The sentences follow the press releases'.
func TestGenericFragmentsDoNotBridge(t *testing.T) {
	pipe, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := writeFile(t, "in.jsonl", `{"url":"https://kremlin.example/1","date":"2022-02-23","text":"Vladimir Putin congratulated the servicemen of the Armed Forces of Russia on Defender of the Fatherland Day. He said the Armed Forces are ready to defend the country."}
{"url":"https://president.example/2","date":"2022-03-06","text":"Volodymyr Zelenskyy thanked the Armed Forces of Ukraine for defending Kyiv. The President said the Armed Forces had stopped the enemy near the capital."}
`)
	s := memStore(t)
	if _, err := Run(context.Background(), s, []string{p}, Options{Stages: []Stage{pipe}}); err != nil {
		t.Fatal(err)
	}
	owner := map[string]string{} // name or alias → entity name
	err = s.EachEntity(context.Background(), func(e *store.StoredEntity) error {
		owner[e.Name] = e.Name
		for _, a := range e.Aliases {
			owner[a] = e.Name
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ru, ua := owner["Armed Forces of Russia"], owner["Armed Forces of Ukraine"]
	if ru == "" || ua == "" || ru == ua {
		t.Errorf("Armed Forces of Russia is %q, of Ukraine %q: want two entities (%v)", ru, ua, owner)
	}
}
