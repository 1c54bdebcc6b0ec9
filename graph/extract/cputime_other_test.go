//go:build !unix

package extract

// processCPU is not measured on this platform; the benchmarks then report
// no CPU time.
func processCPU() float64 { return 0 }
