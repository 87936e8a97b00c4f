package openai

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/bitext/bitext/translate"
)

// segment is one text in the user message, and one translation in the
// reply.
type segment struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// hint is one glossary entry in the user message.
type hint struct {
	Source string `json:"source"`
	Target string `json:"target"`
}

// payload is the user message.
type payload struct {
	Glossary []hint    `json:"glossary,omitempty"`
	Context  string    `json:"context,omitempty"`
	Segments []segment `json:"segments"`
}

// promptVersion names the instructions the backend gives the model, which
// shape its translations as much as a setting does: "p" and the first
// eight hex digits of the SHA-256 of the Chinese-to-English system
// message, so that a change of their wording changes the backend's
// translate.Profile and the memory does not mix the two prompts' output.
var promptVersion = func() string {
	sum := sha256.Sum256([]byte(systemMessage(language.Chinese, language.English)))
	return "p" + hex.EncodeToString(sum[:4])
}()

// systemMessage is the translator's instructions for one language pair.
func systemMessage(from, to language.Tag) string {
	return fmt.Sprintf(`You are a professional translator. Translate each segment from %[1]s to %[2]s for publication: accurate, natural and idiomatic, in the register of the original.

The user sends a JSON object:
- "segments": the texts to translate, each {"id": ..., "text": ...}.
- "glossary" (optional): required translations. Wherever a "source" term occurs, translate it as its "target", exactly.
- "context" (optional): the text just before the first segment, to help you understand it. Do not translate it.

Rules:
1. Translate every segment on its own and keep its id. Never merge, split, skip, reorder or add segments.
2. Keep every tag such as <b1>, </b1>, <a2>, </a2> and <x3/> exactly as written, each exactly once, around the same words as in the source. When the word order changes, move each tag with its words. Add no tags.
3. Keep the entities &lt; &gt; &amp; as they are; write no bare <, > or & outside a tag.
4. Keep the line breaks (\n) where they are.
5. Use the glossary targets exactly. Write other names of people, places and organizations in their usual %[3]s form.
6. Answer with only a JSON object, without explanations or code fences:
{"translations": [{"id": "s1", "text": "..."}]}
with one entry for every segment, in the order given.`, languageName(from)+" ("+from.String()+")", languageName(to)+" ("+to.String()+")", languageName(to))
}

// languageName names a language in English ("Chinese"), or gives its tag
// when it has no name.
func languageName(t language.Tag) string {
	if n := display.English.Tags().Name(t); n != "" {
		return n
	}
	return t.String()
}

// userMessage is the JSON of one request. Tags and entities are written as
// they are, not as \u003c escapes, so the model sees what it must keep.
func userMessage(glossary []hint, before string, segs []segment) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(payload{Glossary: glossary, Context: before, Segments: segs}); err != nil {
		return "", err
	}
	return strings.TrimSuffix(buf.String(), "\n"), nil
}

// hintsFor keeps the glossary terms that occur in texts. The batcher hands
// every batch the whole document's terms, and the rest would only lengthen
// the prompt and tempt the model to use them.
func hintsFor(terms []translate.Term, texts []string) []hint {
	var out []hint
	seen := map[translate.Term]bool{}
	for _, t := range terms {
		if t.Source == "" || t.Target == "" || seen[t] {
			continue
		}
		for _, text := range texts {
			if strings.Contains(strings.ToLower(text), strings.ToLower(t.Source)) {
				out = append(out, hint{Source: t.Source, Target: t.Target})
				seen[t] = true
				break
			}
		}
	}
	return out
}
