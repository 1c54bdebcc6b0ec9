//go:build unix

package extract

import "syscall"

// processCPU returns the CPU time the process has used, user and system:
// on a machine shared with other work, CPU time per article is steadier
// than wall time.
func processCPU() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
