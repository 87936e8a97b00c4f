package zhnum_test

import (
	"fmt"

	"github.com/bitext/bitext/translate/offline/zhnum"
)

func ExampleAt() {
	for _, s := range []string{"2019年3月6日", "890万吨", "下午3点半", "近80%", "第十九届", "一些"} {
		if m, ok := zhnum.At(s); ok {
			fmt.Printf("%s: %s (%v)\n", s, m.English, m.Kind)
		} else {
			fmt.Printf("%s: no match\n", s)
		}
	}
	// Output:
	// 2019年3月6日: March 6, 2019 (Date)
	// 890万吨: 8.9 million tonnes (Amount)
	// 下午3点半: 3:30 p.m. (Time)
	// 近80%: nearly 80% (Percent)
	// 第十九届: 19th (Ordinal)
	// 一些: no match
}

// A classifier leaves the counted noun to the caller.
func ExampleAt_counted() {
	s := "169个城市"
	m, _ := zhnum.At(s)
	fmt.Printf("%q counted=%v, then %q\n", m.English, m.Counted, s[m.Len:])
	// Output:
	// "169" counted=true, then "城市"
}

// A translator scanning a sentence asks at each position.
func ExampleAtIndex() {
	text := "统一部署后，共有3.5万人参加"
	for i := 0; i < len(text); i++ {
		if m, ok := zhnum.AtIndex(text, i); ok {
			fmt.Printf("%d: %s\n", i, m.English)
			i += m.Len - 1
		}
	}
	// Output:
	// 24: 35,000 people
}

func ExampleParseNumeral() {
	v, n, ok := zhnum.ParseNumeral("一千二百三十四人")
	fmt.Println(v, n, ok)
	// Output: 1234 21 true
}
