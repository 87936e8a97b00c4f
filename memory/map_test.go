package memory_test

import (
	"testing"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/memory/memorytest"
)

func TestMap(t *testing.T) {
	memorytest.Run(t, func(*testing.T) memory.Store { return memory.NewMap() })
}

func TestMapFuzzy(t *testing.T) {
	memorytest.RunFuzzy(t, func(*testing.T) memory.Store { return memory.NewMap() })
}
