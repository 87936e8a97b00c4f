package main

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// post is one Markdown file found from the command line: named there
// (explicit), or found by walking a folder, with its folder relative to
// the walked root.
type post struct {
	path     string
	explicit bool
	rel      string
}

// findPosts expands files and folders into posts. Folders are walked for
// *.md and *.markdown files, skipping hidden folders and the files isOutput
// recognises as bitext's own outputs. Paths that cannot be read are
// reported on w and counted.
func findPosts(w io.Writer, args []string, isOutput func(name string) bool) ([]post, int) {
	var posts []post
	failed := 0
	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil {
			printError(w, pathError(arg, err))
			failed++
			continue
		}
		if !st.IsDir() {
			posts = append(posts, post{path: arg, explicit: true})
			continue
		}
		root := arg
		err = filepath.WalkDir(root, func(p string, de fs.DirEntry, err error) error {
			if err != nil {
				printError(w, pathError(p, err))
				failed++
				return nil
			}
			name := de.Name()
			if de.IsDir() {
				if p != root && strings.HasPrefix(name, ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if !isPost(name) || isOutput(name) {
				return nil
			}
			rel, _ := filepath.Rel(root, filepath.Dir(p))
			posts = append(posts, post{path: p, rel: rel})
			return nil
		})
		if err != nil {
			printError(w, err)
			failed++
		}
	}
	return posts, failed
}
