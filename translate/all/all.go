// Package all is the registry of every backend bitext ships. It is the one
// place that imports them all, so that the commands, the run planner and
// the tests list the same backends without keeping copies of the list.
package all

import (
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/deepl"
	"github.com/bitext/bitext/translate/google"
	"github.com/bitext/bitext/translate/googlebasic"
	"github.com/bitext/bitext/translate/libretranslate"
	"github.com/bitext/bitext/translate/offline"
	"github.com/bitext/bitext/translate/openai"
	"github.com/bitext/bitext/translate/pseudo"
)

// Default is the backend used when neither --backend nor bitext.yaml names
// one: the embedded dictionary translator, which needs no network and no
// keys.
const Default = "offline"

// Registry returns a new registry of every backend, by name.
func Registry() *translate.Registry {
	return translate.NewRegistry(
		deepl.Factory,
		google.Factory,
		googlebasic.Factory,
		libretranslate.Factory,
		offline.Factory,
		openai.Factory,
		pseudo.Factory,
	)
}
