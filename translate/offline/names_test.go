package offline

import (
	"strings"
	"testing"
)

// Text translates one tagged text with the default options.
func Text(s string) string {
	return defaultBackend.translator().text(s, nil)
}

var defaultBackend = New(Options{})

// contains checks that the translation of src has every one of want and none
// of the strings in not.
func contains(t *testing.T, src string, want []string, not ...string) {
	t.Helper()
	got := Text(src)
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s\n got %q\nwant %q in it", src, got, w)
		}
	}
	for _, n := range not {
		if strings.Contains(got, n) {
			t.Errorf("%s\n got %q\nwant no %q in it", src, got, n)
		}
	}
}

func TestPersonNames(t *testing.T) {
	tests := []struct {
		src  string
		want []string
		not  []string
	}{
		// A title before the name.
		{"全国人大代表、临汾市市长刘玉强表示，要打赢蓝天保卫战。", []string{"Liu Yuqiang", "Linfen"}, nil},
		{"阳泉市市长雷建坤说，污染防治是重点。", []string{"Lei Jiankun", "Yangquan"}, nil},
		{"原山林场党委书记孙建博说，雷锋精神传承着时代的真善美。", []string{"Sun Jianbo", "Lei Feng"}, nil},
		{"新华社伦敦1月9日电（记者王子江）英国体育理事会公布了目标。", []string{"Wang Zijiang", "Xinhua"}, nil},
		{"中国驻俄罗斯大使李辉等在机场迎接。", []string{"Li Hui"}, []string{"Huideng", "Hui Deng"}},
		// A title or a verb of saying after it.
		{"岳培玉代表说，今年的报告很实在。", []string{"Yue Peiyu"}, nil},
		// The apostrophe of Xi'an: 嘉 is jia, so 嘉安 is "Jia'an".
		{"刘嘉安表示同意。", []string{"Liu Jia'an"}, nil},
		{"张西安说，好。", []string{"Zhang Xi'an"}, nil},
		{"王志安指出，判决是公正的。", []string{"Wang Zhi'an"}, nil},
		// Surnames with a reading of their own.
		{"单晓明说，这是好事。", []string{"Shan Xiaoming"}, nil},
		{"曾建华说，这是好事。", []string{"Zeng Jianhua"}, nil},
		{"解晓东表示支持。", []string{"Xie Xiaodong"}, nil},
		{"仇小兵说，会议开得很好。", []string{"Qiu Xiaobing"}, nil},
		{"朴春花说，她很高兴。", []string{"Piao Chunhua"}, nil},
		{"查文华表示，工作已经完成。", []string{"Zha Wenhua"}, nil},
		{"区志明说，问题已经解决。", []string{"Ou Zhiming"}, nil},
		{"欧阳晓峰说，问题已经解决。", []string{"Ouyang Xiaofeng"}, nil},
		// No context, but a surname and two name characters.
		{"汪兴莲今年73岁，汪淑玉71岁，都是虎头村本地人。", []string{"Wang Xinglian", "Wang Shuyu", "73 years old"}, nil},
		{"汤兰兰案引起关注。", []string{"Tang Lanlan"}, nil},
		// A name found once is known in the rest of the text.
		{"孙建博说，孙建博的事迹感人。", []string{"Sun Jianbo said", "Sun Jianbo's"}, nil},
		// Names the dictionary has, in their English form.
		{"李彦宏是百度的创始人。", []string{"Robin Li", "Baidu"}, nil},
		{"国务院总理李克强在北京主持会议。", []string{"Li Keqiang", "Beijing", "Premier"}, nil},
		// Words that look like names and are not.
		{"各方面表示支持。", nil, []string{"Fang"}},
		{"他高兴地说，明天见。", nil, []string{"Gao"}},
		{"万秀玲向财新记者证实了这件事。", []string{"Wan Xiuling"}, []string{"Xiang Caixin"}},
		// Traditional characters read like simplified ones.
		{"臨汾市市長劉玉強表示，國務院總理李克強說", []string{"Linfen", "Liu Yuqiang", "Premier Li Keqiang said"}, nil},
		// Foreign names written in Chinese characters: one word of pinyin.
		{"施耐德曼说：“这是胜利。”", []string{"Shinaideman said"}, nil},
		// A title after a person the dictionary knows goes before the name.
		{"习近平总书记在报告中提出。", []string{"General Secretary Xi Jinping"}, nil},
		{"李克强总理表示", []string{"Premier Li Keqiang said"}, nil},
		// Two characters the segmenter leaves alone, or one beside a
		// name: the rest of a name, not words ("this", "be able to").
		{"组织者布鲁克斯说道。", []string{"Bulukesi"}, []string{"this", "Brook"}},
		{"她击败了穆斯塔芬娜。", []string{"Musitafenna"}, []string{"perfume"}},
		// A foreign person the dictionary names in full, written by the
		// surname alone, is the surname; with the given name before it,
		// the given name once.
		{"特朗普说，普京和默克尔都来了。", []string{"Trump said", "Putin", "Merkel"}, []string{"Donald", "Vladimir", "Angela"}},
		{"唐纳德·特朗普竞选团队", []string{"Donald Trump"}, []string{"Donald Donald"}},
		{"奥巴马总统", []string{"President Obama"}, []string{"Barack"}},
		// The next person of a list after 、, and a surname alone whose
		// other senses are classical.
		{"相比于田亮、刘璇、杨威等人", []string{"Tian Liang", "Liu Xuan", "Yang Wei"}, []string{"Kill", "kill", "poplar"}},
		{"刘说，好。", []string{"Liu said"}, []string{"kill"}},
		// A word jieba tags as a name, with a verb of saying after it
		// (after an adverb, too), is the person; alone it is the word.
		{"汪洋指出，工程建成运营。", []string{"Wang Yang pointed out"}, []string{"water"}},
		{"汪洋将出席论坛。", []string{"Wang Yang"}, []string{"water"}},
		{"眼前是一片汪洋。", []string{"water"}, []string{"Wang"}},
	}
	for _, tt := range tests {
		contains(t, tt.src, tt.want, tt.not...)
	}
}

// TestCountryPairs: two countries' short forms written together, which the
// segmenter splits, are the pair; with 两国 after them, the two countries.
func TestCountryPairs(t *testing.T) {
	contains(t, "中法合作不断加强。", []string{"China-France cooperation"}, "law")
	contains(t, "中俄两国元首共同决定。", []string{"China and Russia"}, "in Russia", "two countries")
	contains(t, "在里约奥运会上夺冠。", []string{"Rio Olympic"}, "Liyue")
	// Not inside other words, nor where the dictionary has a common word.
	contains(t, "其中美国占一半。", []string{"US"}, "China-US")
	contains(t, "他很中意这个方案。", nil, "China-Italy")
}

func TestPlaces(t *testing.T) {
	tests := []struct {
		src  string
		want []string
		not  []string
	}{
		{"山西省临汾市", []string{"Shanxi Province", "Linfen"}, []string{"Linfen City", "Shi"}},
		{"山西代表团审议了报告。", []string{"Shanxi"}, []string{"Shanxi Province"}},
		{"陕西省西安市", []string{"Shaanxi Province", "Xi'an"}, nil},
		{"阳泉市和河南兰考县", []string{"Yangquan", "Henan", "Lankao County"}, nil},
		{"萧山区共收集问题", []string{"Xiaoshan District"}, nil},
		{"内蒙古自治区呼和浩特市", []string{"Inner Mongolia Autonomous Region", "Hohhot"}, nil},
		{"新疆维吾尔自治区", []string{"Xinjiang Uygur Autonomous Region"}, nil},
		{"广西壮族自治区", []string{"Guangxi Zhuang Autonomous Region"}, nil},
		{"西藏自治区", []string{"Tibet Autonomous Region"}, nil},
		{"宁夏回族自治区", []string{"Ningxia Hui Autonomous Region"}, nil},
		{"他们都是虎头村本地人。", []string{"Hutou Village"}, nil},
		{"近年来，我市鼓励企业参与。", []string{"our city"}, nil},
		{"江西省和江西", []string{"Jiangxi Province", "Jiangxi"}, nil},
	}
	for _, tt := range tests {
		contains(t, tt.src, tt.want, tt.not...)
	}
}

func TestOfficialBodies(t *testing.T) {
	tests := []struct {
		src  string
		want string
	}{
		{"国务院召开常务会议。", "State Council"},
		{"全国人大机关参加了活动。", "National People's Congress"},
		{"生态环境部发布通知。", "Ministry of Ecology and Environment"},
		{"代表团审议政府工作报告。", "government work report"},
		{"他是一名人大代表。", "NPC deputy"},
		{"国家卫生健康委员会表示", "National Health Commission"},
		{"农业农村部和应急管理部", "Ministry of Emergency Management"},
		{"中共中央政治局常委王沪宁", "Standing Committee of the Political Bureau"},
		{"全面贯彻十九大精神", "19th CPC National Congress"},
		{"中共十九大确定的理念", "19th CPC National Congress"},
		{"学院常务副院长曹现强教授主持", "president Professor Cao Xianqiang"},
		// An abbreviation whose dictionary entry gives the English after
		// the full form.
		{"中国文联主席出席会议。", "China Federation of Literary and Art Circles"},
	}
	for _, tt := range tests {
		contains(t, tt.src, []string{tt.want}, "CPC 19th", "ends in")
	}
}

// TestCountryAdjectives: a country before a noun may be its adjective, as
// the language model prefers (中国游客 "Chinese tourists").
func TestCountryAdjectives(t *testing.T) {
	contains(t, "94.9%的中国游客购买了化妆品。", []string{"Chinese tourists"})
	contains(t, "他访问了中国。", []string{"China"}, "Chinese")
}

// TestDemonyms: a country and 人 are its people.
func TestDemonyms(t *testing.T) {
	contains(t, "敦促美国人采取必要的防护措施。", []string{"Americans"}, "people")
}
