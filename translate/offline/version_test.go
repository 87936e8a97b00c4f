package offline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// versions records the content each Version was released with: the hash
// of the embedded data and of the code that translates (see contentHash).
// A Version is never reused for other content.
var versions = map[string]string{
	"1": "1ab890751f230b646e6e3387d39923e646b33aedbc8ba8f51bf3a299fb10c189",
	"2": "c942a02b5dd477b9e951fe2657815c4fcc147107a895101941bdbf23267771c9",
	"3": "d71b130cbd3be1e89c1e18df4574b33142d7ac53de1ab5b9ca3a80aaac443f3f",
	// 4: the language model of 3, with tags and escapes read by package tagged.
	"4": "afc7851abeb441d58da4ca93f332b52bc37cc39558d081ca9a1d7a239cedc2c0",
	// 5: senses learned from the first 1,500 development pairs, numbers
	// under ten spelled out, 一 as the article, learned proper nouns.
	"5": "ce37af824a8533532769ef074c7a52704eeb9c1255c709afb2de59991014e2cb",
	// 6: verbs in the past tense in a sentence that tells of the past.
	"6": "4d292fd9cfeb55a1215b2906194dd7a6f72ee07d6c4a13a067ef7fb9944cca0f",
	// 7: foreign names the segmenter leaves in single characters read as one name.
	"7": "16a8fda65e356411627e34f0bd0741113382d20f36dd8183a4a728894395d750",
	// 8: country pairs and 里约 joined, titles before persons the dictionary knows, abbreviations by their English.
	"8": "bc5690db29e06e75cbdf70c269ae536aca42193fea24bf0222deea722a877d97",
	// 9: the comma after a verb of saying as "that", the verb after 据 dropped.
	"9": "5c58bd3086630c13d4d696d95e43d38378710c914ef7e6e60453f9e6ef5c3062",
	// 10: 对X进行V, 把X V and 被X V in English order; 对于X来说 as "for X".
	"10": "d7522fd172d09ea84af654acc5bb3f6639eb62d8f53d82faa67a68e028f3c493",
	// 11: a phrase of 在 after the verb that ends its clause.
	"11": "a62137eb35dd79b59e9f8f2e98de6c432469a25f56abb459a6eb86728fe39902",
	// 12: news renderings of words whose dictionary sense is an explanation (签约, 参展, 军委, 身上, 努力).
	"12": "2b6dd72bee2b897d92ef5b9e3530c46d2841460e22ae25ed1210e7dd3f49f78a",
	// 13: countries of the lexicon offered as their adjectives (China or Chinese).
	"13": "d82ed9c879912ad242796b6e32dbcd0f892ce8cada6d2da21b4e28b0692cda38",
	// 14: the last 、 of a list as "and", 等 and a noun after a list as "and other".
	"14": "89085eae2a8e965bb2d4a347b91ee2886a5f3c059fa3bab3989de0af02e0b565",
	// 15: a country and 人 as its people; 被 as was/were/is/are by the model.
	"15": "775460bbd7cc56a2204d423a2172756997a9cadb2c7148f872777ce6cd7fe692",
	// 16: decoder weights tuned again for the rules above.
	"16": "7bb6bcaac8e5621859c795e82cd0f5d188cea390f9524d5b5a5c6b65e10628b3",
	// 17: 据了解 and 据悉 as set phrases with "that" after them.
	"17": "aebb59b62bfb42b8b0e3e9a1e627a52fedba8e637c9d1162f93436f35d27d0ea",
	// 18: 中方 as China.
	"18": "b0882c7bfd9ea4a64ea408286dc57b51aa5d6f61d461659f1eba2c8ae8f6b958",
	// 19: the translator of 18; package dict can also write and read its
	// segmenter's words alone (dict.Segmenter), for the built-in glossary.
	"19": "2a573b3fa42bc1413201378a1ee04748ce076ecf7d4f46d24c68a98c2781dc54",
	// 20: US dollars as "$80 million", an age before its noun as "24-year-old".
	"20": "41706b58328f175c57bea04f1440bc9539956223376a4522fd7e0277cb5096ed",
	// 21: a stray 、 is not "and"; a comma after a verb of saying that ends
	// the text is not "that" (and the segmenter data searched with sort.Find).
	"21": "cbf656ec40b5e471b8b5bcbf9221afda2b5a65b381546a2b06b91a9e55a11209",
	// 22: the translator of 21, its dictionary and model stored uncompressed
	// and the dictionary's texts read in place, for a faster first load.
	"22": "6ff93958082a2ce841690566eaea0bc22bb061bf107443cb51d7d0af9696b0cc",
	// 23: a foreign surname alone as the surname (特朗普 "Trump"), the next
	// person of a list after 、, a surname alone whose other senses are
	// classical (刘 "Liu"), senses noting "(abbr. for ...)" kept.
	"23": "be84e2659df746df49c7e745cd96cd6040ed9b38d969a102bab90321e2072101",
	// 24: a verb that is all the predicate of its clause is not dropped
	// (他来了 "He came.", not "He.").
	"24": "8723ee69038ad7e3e54896b55e1fd63689dc178430639275e1f05000916ab6ca",
	// 25: 中共十九大 (and 十八大, 二十大) as one term, 院长 as "president",
	// two verbs after 对X进行 joined by "and" (调查研究).
	"25": "c149b1a714a8142e9066521a83d1ca31074c357d02dacb866c951fb0c9842478",
	// 26: 约 before an amount as "about" inside 和约 and 约有; 签订 "signed".
	"26": "b50a909303cffcb6dc51b8e482044cea8938dcb3c0a5fb34fde1ef5b008402e8",
	// 27: the translator of 26, its beam sorted without reflection.
	"27": "fbcf608d7c234beb3db2a8f1a96dffafe0b6dade2661cf4101eba3303e3cb5f4",
	// 28: a common word jieba tags as a name is the person with a verb of
	// saying or a title after it (汪洋指出); an adverb may come between a
	// name and that verb (将, 也, 还).
	"28": "e23f591b2104d16b341ddd9987d9900a011a481a1105a10c4815aa31e5e549cd",
	// 29: 经济, 社会, 文化, 历史, 技术 may be adjectives; 将 before 在, 是, 不再 is "will".
	"29": "980bf4edba9e7212e1c533cd9dc97e3fd7dcbaceb482dcd1d201da498c7cf63b",
	// 30: 自己 takes the person of the pronoun before it (himself, his, he).
	"30": "177147ff5b39c3d9848bb196f8dd058917d43e7e7c5a97d593ba66d76a5f22e8",
	// 31: a classifier after 这, 那, 该 is dropped (这名女性); 该行 "the bank"; 旅游 "tourism" first.
	"31": "1fe443010de87f90a21e186f233bbcc3dcf3f552770c33ce3e708383d16185c0",
	// 32: an ordinal that starts a noun phrase takes "the", or the genitive of the place before it.
	"32": "9c9844a97e01d50116fc8beb2f7f83db88d24ecd38656b66b45b388e8eb8c38e",
	// 33: 从 and 来自 are "from", never dropped; 人员 after "researchers" adds nothing.
	"33": "0734cb8d1010221d1f95d5ccac1f66e23fb82d1121d1e81c1d4e5036ae1b3ceb",
	// 34: a verb after a control verb (继续, 开始, 希望, 决定) is an infinitive with "to".
	"34": "ff4bd799b97420004dd24c4c083cbae11df2574156fbdd50238b90653a3b45fd",
	// 35: X之一 is "one of the X", X's head in the plural.
	"35": "50e42226109540dd35ea12f9f96e61ab244126f6e5372f507ecdc7b752a1eb10",
	// 36: 更 and 最 before a short adjective make its comparative and superlative.
	"36": "e96763c31c9cea2732cb22fe205580f4d8c19b69a7916f6312efbbee0dcf4654",
	// 37: 则 may be dropped; 位于 "located in", 精神 "spirit"; N号 "No. N"; 主席令.
	"37": "235702d582fa71c9abc745045cb599a90053c0b5bd7123b3355edf1fc34162c5",
	// 38: 不, 没有, 未 before a verb are "do not", "does not", "did not".
	"38": "fc328336d231973ce0294541754213ad23c873e233153ea5b9dbb22e178f94b7",
	// 39: "is" before 很, 非常 and an adjective that ends the clause.
	"39": "ba14205d80ee43bda5d2e79259068812ac10e9ac9e7817bf60f81a32bc703030",
	// 40: the plain form after will, to and not ("will hold"); 将举行 "will be held"; 每 "each" first.
	"40": "8da8d087fcd50af25dbc42ba965e80a2a76f1ff2f6a1fb40e6442e8b5447891b",
	// 41: 正在 V is "is V-ing".
	"41": "850554c55846c1f2ddcb9a6d48dec4e6d28cf22761b8698087b4942f39689660",
	// 42: the phrase of 在 may go after a verb and its short object; 有人 "someone".
	"42": "47c140780a1bf0a7bb8ee6a5a79d8f173deb8d1479ca6b647942a148e233c8f2",
	// 43: the second half of 虽然…但是 and 因为…所以 is dropped.
	"43": "d11f3c14e2b1e27e6c52e87986f41da2156efeddcb4af5cc6c03cd09c5039138",
	// 44: 十九大精神 is a term; 据 is found across the dot of a foreign name.
	"44": "87ece7141b6ef00347e93d75a8378d0e2af9ac6a7e887828df4a3b82053cc799",
	// 45: 政党, 利率, 各国, 产能, 家人, 扶贫, 美元 renderings; Paris Saint-Germain, Wanda, Central Command, 早些时候.
	"45": "e351ca00c12a91e368f5a0e2f5987ec52585d092184c84ef13187b4712393c3b",
	// 46: a participle before 的 stays before its noun (受惊的孩子 "startled children").
	"46": "0d98793b6ebca77eea21fd51436c3d4a63fd27eab942dd72e689e04593b46a70",
	// 47: 是 after a modal or "to" is "be".
	"47": "f9e7d6b84324693db5b960fbb49d53fbe6f5b3c88063acd58288f1757632b4a4",
	// 48: terms of policy and news (命运共同体, 纳税申报, 固体废物, 习近平主席); 人民币 "RMB".
	"48": "835c32ce5b063cb73309b1dbfdb20421cd2287958684c3a7fd37325be01513cb",
	// 49: policy phrases and economic terms (脱欧 "Brexit", 去杠杆, 国际社会); 全国人大 without "(NPC)".
	"49": "29b8ced623938476b45a14583d49b7e9ae6350df7fb388b3084c433dc803d89f",
	// 50: news words whose dictionary sense reads as a definition (助攻, 投诉, 近期, 借助); news bodies (路透社, 欧洲央行).
	"50": "e55356022934127bdd203d7c9c94dc67ed0618e552fb886628d8bca3758a8794",
	// 51: 39 more news words whose dictionary sense reads as a definition (脱贫, 出台, 日前, 基层 ...).
	"51": "b371b08fe4bbf782aa60301e2d84d454736feede01bed6cd5976cc69a9649d3f",
	// 52: frequent words whose first sense is wrong in news (发挥 "play", 占 "account for", 各种 "various" ...).
	"52": "7f084585258f3b40601c3051800937e06b16e4a5da1c10df78870eb3eb4ac39d",
	// 53: 88 more words with their news sense (主持 "preside over", 整改 "rectification", 推出 "launched" ...).
	"53": "64045cd5b1095551a73a006b8bb4518746dd3e55f78556996de528283c6c18fa",
	// 54: a reordering needs the language model to prefer it by 0.2, not 0.5.
	"54": "97604ac76692fd958c2d2016b54c2994ace7b6421322bbc8dafdf5cc14444a4d",
	// 55: sport, business and society words of the news (客场 "away", 主教练 "head coach", 台风 "typhoon" ...).
	"55": "343ae6db31eb9174d7f10ebd0aedc4c34ddafba3493977759f72116fc8ffec48",
	// 56: ministers and governments (外交部长 "Foreign Minister", 地方政府 "local government"); 荷兰, 沙特.
	"56": "7e3cd94137dcc9a090a7dfa92d4925eed34222623d5becb05e4d4db8b2125b3a",
	// 57: set phrases of reporting (知情人士, 业内人士, 值得一提的是, 据介绍 ...).
	"57": "1d9fd026a82810e727ef1c66ca613e617f55d6f343a4c014998751a1a6259940",
	// 58: 中超, 万达 and 外长 no longer terms: they matched inside 其中超过, 1万达到, 国外长期.
	"58": "2fde22a4d112d544396cdb30fac2cc7aa98390d7eb4d770c3347a70ff0573dbc",
	// 59: 35 more words with their news sense (流域 "basin", 季度 "quarter", 鉴于 "given" ...).
	"59": "6a3254935b608361d5faa9587140687e4041e1d15882116d494b62ed22cb4577",
	// 60: news verbs get their other senses as alternatives (扮演 "play", 举办 "hold", 预计 "expected" ...).
	"60": "9776c49c5c05842a42c451f5a2f314817fc52d4e001b7c4c9fe2ee2f8b65ab4c",
	// 61: 受X影响 "affected by X", 据X报道 "according to X reports", X与Y之间的Z "Z between X and Y".
	"61": "44e332bb89bf45fd51baf89691879ff13588d448f4f01ef99df48ebee95fb809",
	// 62: 在X中 keeps its preposition; 可能会 "may"; 为 before an amount "is".
	"62": "14a00379bb3496ac4d940dc57921297470820c2d4a27736505819b4b4deb9284",
	// 63: 世界上 "in the world"; X上的Y "Y on X"; 部分 "some", 选手 "player", 希望 "want" as alternatives.
	"63": "b4e975fd1c099eb98811e5257fa462d52f2bad1a62353b353110f12af107fbfc",
	// 64: X的Y stays "X Y" when jieba tags X as an adjective, verb, time or idiom (繁重的训练 "heavy training").
	"64": "5e075ad3a623dfc75375b0a9acd622eac0f9874f39c724f6d7ea4468f7cbacfd",
	// 65: 这些 "these" and 这个 "this", never "the"; 其 never "the"; 又, 才 and 大 may be dropped.
	"65": "a3972bc55decd19248b7070ebbdf56f4cf8ba05e1b163631a9251d06fdaa873b",
	// 66: 是否 "whether", 通过 "through" (no longer "by"), 均 may be dropped.
	"66": "f2585199e055ed64c4a4c23b304f402831c6be519c31d16b62140261f19ca44f",
	// 67: 像X一样 and 和X一样 before a verb "like X".
	"67": "77fee0e55473e027e7e57e994224f054f176e363589ca053711c15272e87d7df",
	// 68: 对X产生影响 "have an impact on X".
	"68": "c69605bf8be70acddec7fafb30ed9e3fa36eecd633418500f8078c2fc769b8f6",
	// 69: 与X会见, 与X合作 and the like: the verb before "with X".
	"69": "81ccd75efc2da00f15ba2469155cd059c1425dc87a6609be1af2b9e1093c82be",
	// 70: 越来越 + short adjective "better and better".
	"70": "845c04392136cd6e7b24da5f68195dca99d9c0e89a2f2cc11e2150acfc61a62a",
	// 71: 不仅…，而且/还/也… "not only ..., but also ...".
	"71": "144207ad23fc4829b28e6153b03c3a3e7b0a534952860a3dab8340cecb47d5bc",
	// 72: built-in terms of two characters only at the dictionary's word
	// breaks; 中超 and 万达 terms again.
	"72": "c90b76c4c775481e832b9dc0c9afaf355658288aa8feccc834d0306d6d5e9490",
}

// TestVersionNamesTheData fails when the dictionary, a table or the
// translating code changed but Version did not, so that the translation
// memory never takes a draft of the old translator for one of the new.
func TestVersionNamesTheData(t *testing.T) {
	got := contentHash(t)
	want, ok := versions[Version]
	switch {
	case !ok:
		t.Fatalf("Version %q is not in versions: add %q: %q to version_test.go", Version, Version, got)
	case want != got:
		t.Fatalf("the offline translator's data or code changed since Version %q (content %s, now %s): "+
			"bump Version in backend.go and add it to versions in version_test.go with %q", Version, want, got, got)
	}
}

// contentHash is the SHA-256 of what makes the translator's output: every
// file embedded by go:embed in the offline packages (this one, dict and
// zhnum), and their Go code without tests, comments or formatting, so
// that editing a doc comment needs no new version.
func contentHash(t *testing.T) string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "internal" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	h := sha256.New()
	fset := token.NewFileSet()
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, path, src, 0) // comments dropped
		if err != nil {
			t.Fatal(err)
		}
		f.Decls = withoutVersion(f.Decls)
		var code bytes.Buffer
		if err := format.Node(&code, fset, f); err != nil {
			t.Fatal(err)
		}
		h.Write([]byte(filepath.ToSlash(path) + "\n"))
		h.Write(code.Bytes())
		for _, name := range embedded(src) {
			data, err := os.ReadFile(filepath.Join(filepath.Dir(path), name))
			if err != nil {
				t.Fatalf("%s embeds %s: %v", path, name, err)
			}
			h.Write([]byte(name + "\n"))
			h.Write(data)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// withoutVersion drops the declaration of Version, which names the content
// and so is not part of it.
func withoutVersion(decls []ast.Decl) []ast.Decl {
	var out []ast.Decl
	for _, d := range decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST && len(g.Specs) == 1 {
			if v, ok := g.Specs[0].(*ast.ValueSpec); ok && len(v.Names) == 1 && v.Names[0].Name == "Version" {
				continue
			}
		}
		out = append(out, d)
	}
	return out
}

// embedded lists the files named by the go:embed directives of a source.
func embedded(src []byte) []string {
	var names []string
	for _, line := range strings.Split(string(src), "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "//go:embed "); ok {
			names = append(names, strings.Fields(rest)...)
		}
	}
	return names
}
