// Package output writes what bitext produces from a translated document: the
// English edition, made by splicing translations into the original bytes, and
// the bilingual review file in a table or interleaved layout. Files are
// written atomically: a temporary file in the target folder, then a rename.
package output
