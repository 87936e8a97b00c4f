package translate

import "context"

// All translates req.Texts through b, splitting them into requests that
// respect the backend's Limits, and checks that every request returns one
// translation per text. Empty texts are not sent: they translate to "".
// The texts are measured against maxChars by TextSize: in code points, or
// in the backend's own measure when it has one (Sizer). Texts go in order,
// each into the current request while it fits, which makes the fewest
// requests that keep them in order.
func All(ctx context.Context, name string, b Backend, req Request) ([]string, error) {
	maxTexts, maxChars := 0, 0
	if l, ok := b.(Limits); ok {
		maxTexts, maxChars = l.Limits()
	}
	out := make([]string, len(req.Texts))
	var idx []int
	var batch []string
	chars := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		r := req
		r.Texts = batch
		res, err := b.Translate(ctx, r)
		res, err = Check(name, r, res, err)
		if err != nil {
			return err
		}
		for k, i := range idx {
			out[i] = res[k]
		}
		idx, batch, chars = idx[:0], nil, 0
		return nil
	}
	for i, t := range req.Texts {
		if t == "" {
			continue
		}
		n := 0
		if maxChars > 0 {
			n = TextSize(b, req, t)
		}
		if len(batch) > 0 && (maxTexts > 0 && len(batch) >= maxTexts || maxChars > 0 && chars+n > maxChars) {
			if err := flush(); err != nil {
				return nil, err
			}
		}
		idx = append(idx, i)
		batch = append(batch, t)
		chars += n
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}
