package googlebasic_test

import (
	"context"
	"fmt"

	_ "github.com/bitext/bitext/internal/golden" // understands -update
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/googlebasic"
	"github.com/bitext/bitext/translate/googlebasic/googlebasictest"
	"golang.org/x/text/language"
)

// The backend pointed at the fake service, as
// bitext translate --backend googlebasic --endpoint URL does with
// GOOGLE_API_KEY set. The fake pseudo-translates: tags and the glossary pin
// come back unchanged.
func Example() {
	srv := googlebasictest.New(googlebasictest.Options{Key: "test-key"})
	defer srv.Close()

	b, err := googlebasic.Factory.New(translate.Config{
		Endpoint: srv.URL,
		Values:   map[string]string{"key": "test-key"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := b.Translate(context.Background(), translate.Request{
		From: language.Chinese, To: language.English, Markup: true,
		Texts: []string{"<k1>Liu Yuqiang</k1>请访问<a2>百度</a2>网站<x3/>。"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(out[0])
	fmt.Println(srv.Stats().Requests, "request")
	// Output:
	// ⟦<k1>Liu Yuqiang</k1>请访问<a2>百度</a2>网站<x3/>。···⟧
	// 1 request
}
