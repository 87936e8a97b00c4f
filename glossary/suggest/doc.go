// Package suggest proposes glossary entries for the names in a set of
// posts: people, places and organisations that the glossary in force does
// not cover yet, each with a proposed English, how often it occurs and where
// it first does, for a translator to review (bitext glossary suggest).
//
// The names are found with the offline backend's own recognizer
// (offline.Backend.Find): the same surname list, title and verb cues, and
// place suffixes it translates by, so that what is proposed is what the
// offline draft writes: mainland pinyin for people and places ("Liu
// Yuqiang", "Yangquan"), its draft for organisations. Precision comes
// before recall: a name is proposed only with evidence around it, and a
// term is counted only where it is a word of its own in the text as the
// segmenter reads it (长治 is not counted inside 长治久安).
//
// WriteTSV writes the suggestions as a glossary file that glossary.Load
// reads.
package suggest
