package zhnum

import "testing"

// A news sentence, asked at every position the way the translator asks.
const benchText = "据国家统计局2019年3月6日发布的数据，全国共有169个城市的空气质量达标，" +
	"比上年增加了9.6个百分点；全年粮食产量达6.6亿吨，进口大豆8000万吨，约占全球贸易量的60%以上。" +
	"上午9时30分，第十三届全国人大第二次会议在北京开幕，近3000名代表出席。"

func BenchmarkAtIndex(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		for i := 0; i < len(benchText); {
			if m, ok := AtIndex(benchText, i); ok {
				i += m.Len
				continue
			}
			i++
			for i < len(benchText) && benchText[i]&0xC0 == 0x80 {
				i++
			}
		}
	}
}

func BenchmarkParseNumeral(b *testing.B) {
	for b.Loop() {
		ParseNumeral("一亿二千三百四十五万六千七百八十九")
	}
}
