package offline

import "testing"

func TestNumbersInContext(t *testing.T) {
	tests := []struct {
		src  string
		want []string
		not  []string
	}{
		{"2019年3月6日上午，山西代表团审议了政府工作报告。", []string{"On the morning of March 6, 2019,", "Shanxi"}, nil},
		{"3月6日，代表们抵达北京。", []string{"On March 6,"}, nil},
		{"2019年3月，他回到家乡。", []string{"In March 2019,"}, nil},
		{"会议于上午9时开始。", []string{"at 9 a.m."}, []string{"in at"}},
		{"今年产量达到890万吨。", []string{"8.9 million tonnes"}, nil},
		{"政府投入50亿元用于治理。", []string{"5 billion yuan"}, nil},
		{"比去年下降9.6个百分点。", []string{"9.6 percentage points"}, nil},
		{"排名第20位。", []string{"20th"}, nil},
		{"全国169个城市参加排名。", []string{"169 cities"}, nil},
		{"全国已有二十八个贫困县脱贫摘帽。", []string{"28 poverty-stricken counties"}, nil},
		{"调查显示，近80%的企业完成了改造。", []string{"nearly 80%"}, nil},
		{"三万六千多名党员干部参加了活动。", []string{"More than 36,000", "cadres"}, nil},
		{"共有3.5万人参加。", []string{"35,000 people"}, nil},
		{"赢得至少5块奖牌。", []string{"5 medals"}, []string{"piece"}},
		// Small numbers in Chinese numerals are spelled out; digits stay.
		{"全省有三个城市参加。", []string{"three cities"}, []string{"3"}},
		{"现场有两名记者。", []string{"two reporters"}, []string{"2"}},
		{"全省有3个城市参加。", []string{"3 cities"}, []string{"three"}},
		{"形成了一个恶性循环。", []string{"a vicious circle"}, []string{"1 vicious"}},
		// A lone 一: the article before a classifier, nothing after a demonstrative.
		{"新乡县一处化工厂发生爆炸。", []string{"a chemical plant"}, []string{"one", "place"}},
		{"我参照这一事实。", []string{"fact"}, []string{"one"}},
		{"王沪宁三号在浙江会见外宾。", []string{"on the 3rd"}, nil},
		{"他们在上世纪70年代开始行医。", []string{"in the 1970s"}, nil},
		{"截至目前，共收集问题五千九百八十五个。", []string{"5985"}, nil},
		{"习近平将于十一月十二日至十四日对越南进行国事访问。", []string{"on November 12 to 14", "Xi Jinping", "Vietnam", "state visit"}, []string{"day to"}},
		{"全国首家互联网法院今年八月在杭州挂牌。", []string{"in August this year", "Hangzhou"}, nil},
		// US dollars with the sign before the number, as news writes them.
		{"项目投资8000万美元。", []string{"$80 million"}, []string{"US dollars"}},
		{"交易额超过5亿美元。", []string{"more than $500 million"}, []string{"US dollars"}},
		// An age before its noun is one adjective; at the end of a clause it stays.
		{"一名24岁男子溺水身亡。", []string{"24-year-old man"}, []string{"years old"}},
		{"他今年67岁。", []string{"67 years old"}, []string{"year-old"}},
	}
	for _, tt := range tests {
		contains(t, tt.src, tt.want, tt.not...)
	}
}

func TestPlural(t *testing.T) {
	tests := map[string]string{
		"city": "cities", "county": "counties", "day": "days", "person": "people",
		"child": "children", "box": "boxes", "church": "churches", "wife": "wives",
		"medal": "medals", "Party member": "Party members", "yuan": "yuan",
		"equipment": "equipment", "poverty-stricken county": "poverty-stricken counties",
		"policeman": "policemen", "hero": "heroes", "analysis": "analyses",
	}
	for in, want := range tests {
		if got := plural(in); got != want {
			t.Errorf("plural(%q) = %q, want %q", in, got, want)
		}
	}
}
