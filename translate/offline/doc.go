// Package offline is bitext's built-in translation backend: a dictionary-and-rules
// Chinese-to-English translator that needs no network, no key and no files
// beside the executable. Its output is a draft for a translator to revise, not
// a finished translation: it gets names, numbers, dates, official bodies and
// the gist right, and the grammar only roughly.
//
// # Pipeline
//
// Each text is cut into tags and the runs of text between them; tags are kept
// byte for byte and the rules never move a word across one, so a tag stays
// around the words it was around. Each run then goes through:
//
//  1. Normalization: full-width letters and digits to ASCII, the ideographic
//     space to a space, entities decoded. Traditional characters are looked
//     up through their simplified form.
//  2. Pinned terms: the request's glossary terms (translate.Request.Terms),
//     then the built-in table of official bodies, titles and set phrases
//     (terms.tsv), matched leftmost-longest on the raw text. A glossary term
//     always wins: nothing after this step can change it.
//  3. Segmentation of the rest with dict.Default().Segment (maximum-probability
//     path over CC-CEDICT words).
//  4. At every word boundary: a number, date, time or amount (zhnum.AtIndex);
//     a person's name (surname and context, see names.go); a place with an
//     administrative suffix (places.go); otherwise the word itself.
//  5. Words: the lexicon of common and function words (lexicon.tsv) first,
//     then CC-CEDICT, choosing the sense that reads as a translation and
//     removing every dictionary note (gloss.go); a character the dictionary
//     lacks is written in pinyin.
//  6. Rules over the token stream (rules.go): a word's noun or verb sense
//     by the word before it, counted nouns in the plural, X的Y as "the Y of
//     X", 在…上 and X之后 as prepositions, dates and times with their
//     preposition, "the" after a preposition.
//  7. Rendering: English punctuation and spacing, sentence capitals, entities
//     escaped, and a last pass that romanizes any Chinese character left, so
//     that the output never contains one.
//
// Each step of 2 to 6 can be switched off (Options.Off, see Rule) so that
// TestAblation can measure what it buys against the news sample in testdata.
// With every rule off the backend is a naive word-by-word gloss, the baseline
// the rules are measured against.
//
// # Conventions
//
// Names are Hanyu Pinyin without tones, surname first, given name joined, with
// the apostrophe of Xi'an before a syllable starting with a, o or e: 刘玉强 "Liu
// Yuqiang", 刘嘉安 "Liu Jia'an", 单晓明 "Shan Xiaoming". Foreign names written in
// Chinese characters that the dictionary lacks come out as one word of pinyin
// (施耐德曼 "Shinaideman"): wrong, but recognizably a name. Provinces keep "Province" when the source writes 省
// (山西省 "Shanxi Province", 山西 "Shanxi"); cities drop 市 (临汾市 "Linfen");
// counties, districts, villages and towns keep their generic ("Lankao County",
// "Xiaoshan District", "Hutou Village"); the five autonomous regions have their
// English names ("Inner Mongolia Autonomous Region"). Titles in 《》 and 「」
// are put in double quotes. Numbers follow zhnum's style ("8.9 million
// tonnes", "5 billion yuan", "March 6, 2019").
//
// # Data
//
// The dictionary is CC-CEDICT (MDBG, CC BY-SA 4.0, https://cc-cedict.org/),
// embedded by package dict, which also credits jieba's word frequencies and
// Unihan's readings. The hand-made tables beside this file (lexicon.tsv,
// terms.tsv, surnames.txt, givennames.txt) were written for this package;
// where terms.tsv follows CC-CEDICT's English it says so. The dictionary is
// loaded on the first Translate, not at program start.
package offline
