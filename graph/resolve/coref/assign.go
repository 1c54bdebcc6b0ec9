package coref

import "math"

// assign solves the assignment problem on a similarity matrix with the
// Kuhn–Munkres (Hungarian) algorithm: it returns, for each row, the
// column it is aligned with (-1 for none), such that no column is used
// twice and the sum of the chosen similarities is the largest possible.
// Every row gets a column when there are at least as many columns as
// rows; otherwise every column gets a row.
//
// This is the shortest-augmenting-path form with row and column
// potentials (Kuhn 1955, Munkres 1957; Jonker–Volgenant style), in
// O(n²m) time for n ≤ m. Rows must all have the same length.
func assign(sim [][]float64) []int {
	n := len(sim)
	if n == 0 {
		return nil
	}
	m := len(sim[0])
	out := make([]int, n)
	for i := range out {
		out[i] = -1
	}
	if m == 0 {
		return out
	}
	if n > m {
		// Solve the transpose, so that rows are never more than columns.
		t := make([][]float64, m)
		for j := range t {
			t[j] = make([]float64, n)
			for i := range n {
				t[j][i] = sim[i][j]
			}
		}
		for j, i := range assign(t) {
			if i >= 0 {
				out[i] = j
			}
		}
		return out
	}
	// Minimise cost = -similarity over 1-based rows 1..n and columns 1..m;
	// column 0 is the virtual start of each augmenting path.
	u := make([]float64, n+1)
	v := make([]float64, m+1)
	p := make([]int, m+1) // p[j]: row matched to column j, 0 for none
	way := make([]int, m+1)
	minv := make([]float64, m+1)
	used := make([]bool, m+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		for j := range minv {
			minv[j] = math.Inf(1)
			used[j] = false
		}
		for {
			used[j0] = true
			i0 := p[j0]
			delta := math.Inf(1)
			j1 := 0
			for j := 1; j <= m; j++ {
				if used[j] {
					continue
				}
				cur := -sim[i0-1][j-1] - u[i0] - v[j]
				if cur < minv[j] {
					minv[j] = cur
					way[j] = j0
				}
				if minv[j] < delta {
					delta = minv[j]
					j1 = j
				}
			}
			for j := 0; j <= m; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	for j := 1; j <= m; j++ {
		if p[j] != 0 {
			out[p[j]-1] = j - 1
		}
	}
	return out
}
