// Package openai translates through any server that speaks OpenAI's chat
// completions API: OpenAI itself and the hosted services that copy its API,
// and local servers such as Ollama (http://localhost:11434/v1), vLLM and the
// llama.cpp server. It uses the official SDK (github.com/openai/openai-go/v3)
// with its own retries turned off, because bitext's shared decorators retry.
//
// # Prompt
//
// A request is one chat completion: a system message with the translator's
// instructions (languages, keep every tag, entity and line break, use the
// glossary, answer only JSON), and a user message that is itself JSON:
//
//	{"glossary": [{"source": "刘玉强", "target": "Liu Yuqiang"}],
//	 "context": "the text just before the first segment, for reference",
//	 "segments": [{"id": "s1", "text": "…"}, {"id": "s2", "text": "…"}]}
//
// The model answers {"translations": [{"id": "s1", "text": "…"}, …]}, with
// response_format json_object, which OpenAI, Ollama, vLLM and llama.cpp all
// accept. Segment IDs are local to one request. The glossary holds the
// request's hinted terms (translate.Request.Terms), so the backend's term
// mode is translate.TermsHinted.
//
// # Never misaligned
//
// A language model may drop, merge, reorder or invent segments, or lose a
// tag. Every reply is checked: exactly the IDs sent, in order, each once,
// none empty, each with the same tags as its source (and pairs still opened
// before they close). Translations are matched by ID, never by position. A
// reply that fails is rejected and the request sent again, up to two more
// times; then the batch is split in halves, recursively, down to single
// texts; a single text that still fails is an error naming what was wrong,
// such as "model dropped segment s1" or "model changed tags in s1: lost
// </b1>". A reply cut off at the model's output limit, and a request over
// the model's context window, go straight to the split. Stats counts all of
// it.
//
// # Errors
//
// Errors from the server become *translate.APIError: 408, 429 and 5xx are
// temporary (except 429 insufficient_quota, a spent budget), with
// Retry-After; 401 is "invalid API key" without the key or the server's
// message (OpenAI's names part of the key); 404 names the model, or the base
// URL when the server has no chat completions API there. No error message
// contains the key.
package openai
