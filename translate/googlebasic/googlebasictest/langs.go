package googlebasictest

import (
	"sort"
	"strings"
)

// supported lists the language codes Cloud Translation - Basic accepts for
// source and target (ISO-639, with the regional Chinese, Portuguese and
// French variants and the old codes iw and jw it still takes).
var supported = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range strings.Fields(codes) {
		m[strings.ToLower(c)] = true
	}
	return m
}()

// codes are the language codes of Cloud Translation - Basic.
const codes = `af sq am ar hy as ay az bm eu be bn bho bs bg ca ceb
		zh zh-CN zh-TW co hr cs da dv doi nl en eo et ee fil fi fr fr-CA fy gl ka de el
		gn gu ht ha haw he iw hi hmn hu is ig ilo id ga it ja jv jw kn kk km rw gom ko
		kri ku ckb ky lo la lv ln lt lg lb mk mai mg ms ml mt mi mr mni-Mtei lus mn my
		ne no ny or om ps fa pl pt pt-BR pt-PT pa qu ro ru sm sa gd nso sr st sn sd si
		sk sl so es su sw sv tl tg ta tt te th ti ts tr tk ak uk ur ug uz vi cy xh yi
		yo zu`

// supportedCodes lists the supported codes as the service writes them
// (zh-CN, mni-Mtei), sorted.
func supportedCodes() []string {
	var out []string
	for _, c := range strings.Fields(codes) {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// supportedLanguage reports whether the service translates from or to code.
// Like the service it ignores case, and it takes a region or script it does
// not list for a language it does (en-GB, zh-Hans).
func supportedLanguage(code string) bool {
	code = strings.ToLower(code)
	if supported[code] {
		return true
	}
	base, _, found := strings.Cut(code, "-")
	return found && supported[base]
}
