package openai

import (
	"context"
	"errors"
	"fmt"
	"unicode/utf8"

	sdk "github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
	"github.com/openai/openai-go/v3/shared"

	"github.com/bitext/bitext/translate"
)

// attempts is how many times one batch is sent before it is split: the
// first request and two more.
const attempts = 3

// Translate translates the texts, in requests that respect Limits. Empty
// texts are not sent and translate to "". Server errors are returned as
// they are, for the caller's retry decorator; replies that do not match the
// request are handled here (see the package doc) and never misalign.
func (b *Backend) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	out := make([]string, len(req.Texts))
	var idx []int
	for i, t := range req.Texts {
		if t != "" {
			idx = append(idx, i)
		}
	}
	before := ""
	for start := 0; start < len(idx); {
		end, chars := start, 0
		for end < len(idx) {
			n := utf8.RuneCountInString(req.Texts[idx[end]])
			if end > start && (end-start >= b.maxTexts || chars+n > b.maxChars) {
				break
			}
			chars += n
			end++
		}
		texts := make([]string, 0, end-start)
		for _, i := range idx[start:end] {
			texts = append(texts, req.Texts[i])
		}
		res, err := b.batch(ctx, req, texts, before)
		if err != nil {
			return nil, err
		}
		for k, i := range idx[start:end] {
			out[i] = res[k]
		}
		before = texts[len(texts)-1]
		start = end
	}
	return out, nil
}

// batch translates texts in one request, asking again when the reply is
// rejected and splitting the batch in halves when that keeps failing.
// before is the source text just before texts[0], or "".
func (b *Backend) batch(ctx context.Context, req translate.Request, texts []string, before string) ([]string, error) {
	var last *problem
	for try := 1; try <= attempts; try++ {
		if try > 1 {
			b.count(func(s *Stats) { s.Retries++ })
		}
		out, p, err := b.ask(ctx, req, texts, before)
		if err != nil {
			if len(texts) > 1 && overContext(err) {
				break // a smaller request may fit; the same one never will
			}
			return nil, err
		}
		if p == nil {
			return out, nil
		}
		b.count(func(s *Stats) { s.Rejected++ })
		last = p
		if p.cutOff {
			break // the same request would be cut off again
		}
	}
	if len(texts) == 1 {
		b.count(func(s *Stats) { s.Failed++ })
		return nil, &ReplyError{Model: b.model, Problem: last.msg, Text: texts[0]}
	}
	b.count(func(s *Stats) { s.Splits++ })
	half := len(texts) / 2
	left, err := b.batch(ctx, req, texts[:half], before)
	if err != nil {
		return nil, err
	}
	right, err := b.batch(ctx, req, texts[half:], texts[half-1])
	if err != nil {
		return nil, err
	}
	return append(left, right...), nil
}

// ask sends one chat completion and checks its reply. A server or network
// failure is err; a reply that does not match the request is p.
func (b *Backend) ask(ctx context.Context, req translate.Request, texts []string, before string) (out []string, p *problem, err error) {
	segs := make([]segment, len(texts))
	for i, t := range texts {
		segs[i] = segment{ID: fmt.Sprintf("s%d", i+1), Text: t}
	}
	user, err := userMessage(hintsFor(req.Terms, texts), before, segs)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	params := sdk.ChatCompletionNewParams{
		Model: b.model,
		Messages: []sdk.ChatCompletionMessageParamUnion{
			sdk.SystemMessage(systemMessage(req.From, req.To)),
			sdk.UserMessage(user),
		},
		ResponseFormat: sdk.ChatCompletionNewParamsResponseFormatUnion{
			OfJSONObject: &shared.ResponseFormatJSONObjectParam{},
		},
	}
	if b.sendTemp {
		params.Temperature = sdk.Float(b.temperature)
	}
	var failed failure
	b.count(func(s *Stats) { s.Requests++ })
	res, err := b.chat.New(ctx, params, option.WithMiddleware(failed.keep))
	if err != nil {
		return nil, nil, b.apiError(ctx, &failed, err)
	}
	b.count(func(s *Stats) {
		s.PromptTokens += res.Usage.PromptTokens
		s.CompletionTokens += res.Usage.CompletionTokens
	})
	if len(res.Choices) == 0 {
		return nil, &problem{msg: "model reply has no choices"}, nil
	}
	c := res.Choices[0]
	out, p = check(segs, c.Message.Content, c.Message.Refusal, c.FinishReason)
	return out, p, nil
}

// ErrBadReply is wrapped by every ReplyError.
var ErrBadReply = errors.New("model reply does not match the request")

// ReplyError is a text the model kept getting wrong: alone in a request,
// its reply was rejected every time. Problem says how, in terms of the
// request's local segment IDs ("model dropped segment s1"); Text is the
// source text, so that the user can find it.
type ReplyError struct {
	Model   string
	Problem string
	Text    string
}

func (e *ReplyError) Error() string {
	return fmt.Sprintf("%s: %s, even with the text sent alone (model %s, text %q)", name, e.Problem, e.Model, excerpt(e.Text, 60))
}

// Is makes errors.Is(err, ErrBadReply) true.
func (e *ReplyError) Is(target error) bool { return target == ErrBadReply }

// excerpt shortens s to at most n runes.
func excerpt(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
