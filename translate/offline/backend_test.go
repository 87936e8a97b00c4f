package offline

import (
	"testing"

	"github.com/bitext/bitext/translate/translatetest"
)

func TestConformance(t *testing.T) {
	translatetest.Run(t, New(Options{}), translatetest.Options{})
}
