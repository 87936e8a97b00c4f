package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/bitext/bitext/glossary"
)

// Places follow the convention of the offline backend and of English news:
// a province keeps "Province" when the source writes 省 (山西省 "Shanxi
// Province", 山西 "Shanxi"); a city drops 市 (临汾市 "Linfen"); prefectures,
// leagues and autonomous prefectures keep their generic ("Hotan
// Prefecture", "Hinggan League", "Linxia Hui Autonomous Prefecture").

const (
	originCEDICT = "builtin:cc-cedict"
	originISO    = "builtin:iso-3166-2"
)

// region is a provincial-level division whose English is not its ISO
// romanization with the generic translated: ISO writes "Nei Mongol
// Zizhiqu" and "Xizang Zizhiqu", official English usage (the regions' own
// governments, Xinhua) "Inner Mongolia" and "Tibet".
type region struct {
	short       string // the Chinese short form
	full, brief string // the English of the full and short forms
}

var regions = map[string]region{
	"CN-NM": {"内蒙古", "Inner Mongolia Autonomous Region", "Inner Mongolia"},
	"CN-XZ": {"西藏", "Tibet Autonomous Region", "Tibet"},
	"CN-XJ": {"新疆", "Xinjiang Uygur Autonomous Region", "Xinjiang"},
	"CN-GX": {"广西", "Guangxi Zhuang Autonomous Region", "Guangxi"},
	"CN-NX": {"宁夏", "Ningxia Hui Autonomous Region", "Ningxia"},
	"CN-HK": {"香港", "Hong Kong Special Administrative Region", "Hong Kong"},
	"CN-MO": {"澳门", "Macao Special Administrative Region", "Macao"},
}

// provinces makes the entries of the 34 provincial-level divisions, full
// and short form, from the ISO 3166-2 list (code, romanized name, type,
// Chinese name). It returns the English of each full Chinese name too, for
// the notes of the divisions below them.
func (b *builder) provinces(rows [][]string) (map[string]string, error) {
	english := map[string]string{}
	for _, c := range rows {
		code, roman, kind, zh := c[0], c[1], c[2], c[3]
		var short, full, brief string
		switch {
		case regions[code].short != "":
			r := regions[code]
			short, full, brief = r.short, r.full, r.brief
		case kind == "Province":
			brief = strings.TrimSuffix(roman, " Sheng")
			short, full = strings.TrimSuffix(zh, "省"), brief+" Province"
		case kind == "Municipality":
			brief = strings.TrimSuffix(roman, " Shi")
			short, full = strings.TrimSuffix(zh, "市"), brief
		default:
			return nil, fmt.Errorf("iso3166-2-cn.tsv: %s: no English for a %q", code, kind)
		}
		if short == zh || brief == roman && regions[code].short == "" {
			return nil, fmt.Errorf("iso3166-2-cn.tsv: %s: %q and %q do not end in the generic of a %s", code, zh, roman, kind)
		}
		note := code + ", " + strings.ToLower(kind)
		if regions[code].short != "" {
			note += "; official English (ISO 3166-2: " + roman + ")"
		}
		b.add(glossary.Entry{Source: zh, Target: full, Type: glossary.Place, Origin: originISO, Note: note})
		b.add(glossary.Entry{Source: short, Target: brief, Type: glossary.Place, Origin: originISO, Note: "short form of " + zh})
		english[zh] = full
	}
	return english, nil
}

// division is one line of divisions.tsv.
type division struct {
	province, kind, name string
}

// ethnicGroups are the names of the peoples an autonomous prefecture is
// named for, removed from the end of its name to get the place name:
// 黔东南苗族侗族自治州 -> 黔东南.
var ethnicGroups = []string{"朝鲜族", "土家族", "布依族", "哈尼族", "景颇族", "傈僳族", "蒙古族", "苗族", "藏族",
	"羌族", "彝族", "侗族", "壮族", "傣族", "白族", "回族", "蒙古", "哈萨克", "柯尔克孜"}

// placeStem is the name of an autonomous prefecture without its peoples
// and generic.
func placeStem(name string) string {
	s := strings.TrimSuffix(name, "自治州")
	for again := true; again; {
		again = false
		for _, g := range ethnicGroups {
			if t, ok := strings.CutSuffix(s, g); ok && t != "" {
				s, again = t, true
			}
		}
	}
	return s
}

// prefectures makes the entries of the prefecture-level divisions: the full
// name, and the short form where it is safe (see shortforms.go). The English
// comes from CC-CEDICT's gloss of the full name.
func (b *builder) prefectures(divs []division, places map[string][]cedictRow, provinces map[string]string) {
	for _, dv := range divs {
		var name, kind string
		ok := false
		for _, r := range places[dv.name] {
			if name, kind, ok = placeName(r.gloss); ok {
				break
			}
		}
		if !ok || !kindAgrees(dv.kind, kind, name) {
			gloss := ""
			if len(places[dv.name]) > 0 {
				gloss = places[dv.name][0].gloss
			}
			b.unreduced = append(b.unreduced, leftOut{dv.name, "", "gloss not reduced to a name: " + quote(gloss)})
			continue
		}
		in := provinces[dv.province]
		if in == "" {
			in = dv.province
		}
		full := glossary.Entry{Source: dv.name, Type: glossary.Place, Origin: originCEDICT}
		var short, shortEN string
		switch dv.kind {
		case "city":
			full.Target, full.Note = name, kind+", "+in
			short, shortEN = strings.TrimSuffix(dv.name, "市"), name
		case "prefecture":
			full.Target, full.Note = name+" Prefecture", "prefecture, "+in
			short, shortEN = strings.TrimSuffix(dv.name, "地区"), name
		case "league":
			full.Target, full.Note = name+" League", "league, "+in
			short, shortEN = strings.TrimSuffix(dv.name, "盟"), name
		case "autonomous-prefecture":
			full.Target, full.Note = name, "autonomous prefecture, "+in
			stem, stemEN := placeStem(dv.name), strings.Fields(name)[0]
			b.add(glossary.Entry{Source: stem + "州", Target: stemEN + " Prefecture", Type: glossary.Place,
				Origin: originCEDICT, Note: "short form of " + dv.name})
			if !b.sources[stem] {
				b.left = append(b.left, leftOut{stem, stemEN, "short form of an autonomous prefecture: the same name is " +
					"used for its seat, a county, a river or a region, often with other English (红河 Red River, 湘西 western Hunan)"})
			}
		}
		b.add(full)
		if short != "" {
			b.shortForms = append(b.shortForms, glossary.Entry{Source: short, Target: shortEN, Type: glossary.Place,
				Origin: originCEDICT, Note: "short form of " + dv.name})
		}
	}
}

// committees adds the Party committees of provinces and cities, which news
// names by adding 委 to the place (临汾市委书记, 福建省委常委): without them
// the place would match first and leave a stray 委 (临汾市|委书记). The
// longer 委员会 form is the committee's full name (中共临汾市委员会).
func (b *builder) committees() {
	n := len(b.entries)
	for _, e := range b.entries[:n] {
		level := ""
		switch {
		case e.Source == "台湾省":
			continue // no such committee
		case strings.HasSuffix(e.Source, "省"):
			level = "Provincial"
		case strings.HasSuffix(e.Source, "市"):
			level = "Municipal"
		default:
			continue
		}
		name := strings.TrimSuffix(e.Target, " Province")
		note := "Party committee of " + e.Source
		b.add(glossary.Entry{Source: e.Source + "委", Target: name + " " + level + " Party Committee", Type: glossary.Org, Origin: e.Origin, Note: note})
		b.add(glossary.Entry{Source: e.Source + "委员会", Target: name + " " + level + " Committee", Type: glossary.Org, Origin: e.Origin,
			Note: "full name of the committee of " + e.Source + " (of the CPC, or of the CPPCC after 政协)"})
	}
}

// addShortForms adds the short forms of the divisions that are safe (see
// shortforms.go). It runs after every other entry is made, and decides the
// longer forms first, so that a short form inside a longer one (兴安 in
// 大兴安岭) is judged knowing whether the longer one is an entry.
func (b *builder) addShortForms() {
	sort.SliceStable(b.shortForms, func(i, j int) bool {
		return runes(b.shortForms[i].Source) > runes(b.shortForms[j].Source)
	})
	for _, e := range b.shortForms {
		if b.sources[e.Source] {
			b.left = append(b.left, leftOut{e.Source, e.Target, "already an entry, the short form of a province"})
			continue
		}
		if why := b.traps.reason(e.Source, e.Target, b.isSource); why != "" {
			b.left = append(b.left, leftOut{e.Source, e.Target, why})
			continue
		}
		b.add(e)
	}
}

// kindAgrees checks that CC-CEDICT calls a division what divisions.tsv
// says it is.
func kindAgrees(kind, cedict, name string) bool {
	switch kind {
	case "city":
		return cedict == "prefecture-level city" || cedict == "sub-provincial city"
	case "prefecture", "league":
		return cedict == kind
	case "autonomous-prefecture":
		return cedict == "" && strings.HasSuffix(name, " Autonomous Prefecture")
	}
	return false
}

// quote shortens a gloss for a reason column.
func quote(s string) string {
	if r := []rune(s); len(r) > 90 {
		s = string(r[:90]) + "…"
	}
	return `"` + s + `"`
}
