package google_test

import (
	"context"
	"fmt"

	"golang.org/x/text/language"

	_ "github.com/bitext/bitext/internal/golden"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/google"
	"github.com/bitext/bitext/translate/google/googletest"
)

// The backend pointed at the fake service, as `bitext translate --backend
// google --endpoint URL` points it: the fake pseudo-translates, keeping
// tags and glossary pins.
func Example() {
	srv := googletest.New(googletest.Options{})
	defer srv.Close()

	b, err := google.Factory.New(translate.Config{
		Endpoint: srv.URL,
		Values:   map[string]string{"project": "my-project", "location": "global"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer b.(*google.Backend).Close()

	out, err := translate.All(context.Background(), "google", b, translate.Request{
		From: language.Chinese, To: language.English, Markup: true,
		Texts: []string{"<k1>Liu Yuqiang</k1>访问<a2>临汾</a2>。"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(out[0])
	fmt.Println(srv.Last().GetSourceLanguageCode(), "->", srv.Last().GetTargetLanguageCode(), srv.Last().GetMimeType())
	// Output:
	// ⟦<k1>Liu Yuqiang</k1>访问<a2>临汾</a2>。··⟧
	// zh-CN -> en text/html
}
