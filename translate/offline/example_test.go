package offline_test

import (
	"context"
	"fmt"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/offline"
)

func Example() {
	be := offline.New(offline.Options{})
	out, err := be.Translate(context.Background(), translate.Request{
		Texts: []string{
			"2019年3月6日上午，山西代表团审议了政府工作报告。",
			"请访问<a1>百度</a1>网站。",
		},
		Markup: true,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range out {
		fmt.Println(s)
	}
	// Output:
	// On the morning of March 6, 2019, Shanxi delegation deliberation government work report.
	// Please visit <a1>Baidu</a1> website.
}
