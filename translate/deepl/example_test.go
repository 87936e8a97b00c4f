package deepl_test

import (
	"context"
	"fmt"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/deepl"
	"github.com/bitext/bitext/translate/deepl/deepltest"
	"golang.org/x/text/language"
)

// Example runs the backend against the fake DeepL server, as bitext's
// tests do with --backend deepl --endpoint URL and DEEPL_AUTH_KEY set.
func Example() {
	srv := deepltest.New(deepltest.Options{Key: "test-key"})
	defer srv.Close()
	b, err := deepl.New(translate.Config{
		Endpoint: srv.URL,
		Values:   map[string]string{deepl.SettingKey: "test-key"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := translate.All(context.Background(), "deepl", b, translate.Request{
		From:   language.Chinese,
		To:     language.English,
		Texts:  []string{"<k1>Liu Yuqiang</k1>说：请访问<a2>百度</a2>。", "Read <b1>this</b1> &amp; that."},
		Markup: true,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range out {
		fmt.Println(s)
	}
	// DeepL bills the 36 characters outside the tags, &amp; as one.
	fmt.Printf("%+v %d\n", srv.Stats(), b.BilledChars(translate.Request{
		Texts:  []string{"<k1>Liu Yuqiang</k1>说：请访问<a2>百度</a2>。", "Read <b1>this</b1> &amp; that."},
		Markup: true,
	}))
	// Output:
	// ⟦<k1>Liu Yuqiang</k1>说：请访问<a2>百度</a2>。···⟧
	// ⟦Ŗḗȧḋ <b1>ţḣïş</b1> &amp; ţḣȧţ.·····⟧
	// {Requests:1 Injected:0 Rejected:0 Texts:2 Chars:36} 36
}
