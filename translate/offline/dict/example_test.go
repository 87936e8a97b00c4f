package dict_test

import (
	"fmt"
	"strings"

	"github.com/bitext/bitext/translate/offline/dict"
)

func ExampleDict_Segment() {
	d := dict.Default()
	fmt.Println(strings.Join(d.Segment("结婚的和尚未结婚的"), "/"))
	fmt.Println(strings.Join(d.Segment("研究生命起源"), "/"))
	fmt.Println(strings.Join(d.Segment("我們在銀行用Node.js工作。"), "/"))
	// Output:
	// 结婚/的/和/尚未/结婚/的
	// 研究/生命/起源
	// 我們/在/銀行/用/Node.js/工作/。
}

func ExampleDict_Lookup() {
	d := dict.Default()
	for _, e := range d.Lookup("銀行") {
		fmt.Println(e.Simplified, e.Traditional, e.Pinyin)
		fmt.Printf("%q\n", e.Senses)
	}
	// Output:
	// 银行 銀行 yin2 hang2
	// ["bank" "CL:家[jia1],個|个[ge4]"]
}

func ExampleDict_Pinyin() {
	d := dict.Default()
	fmt.Println(d.Pinyin("重庆银行"))
	fmt.Println(d.Pinyin("T恤"))
	// Output:
	// [chong qing yin hang]
	// [T xu]
}

func ExampleDict_Simplify() {
	d := dict.Default()
	fmt.Println(d.Simplify("經濟發展與環境保護"))
	// Output:
	// 经济发展与环境保护
}
