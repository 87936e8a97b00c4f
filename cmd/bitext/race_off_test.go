//go:build !race

package main

// raceOn: the race detector is on, which multiplies memory and time.
const raceOn = false
