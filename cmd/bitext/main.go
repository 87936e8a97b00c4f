// Command bitext translates Chinese Markdown posts into English editions and
// side-by-side bilingual review files. Run "bitext help" for the commands.
package main

import (
	"os"
)

func main() {
	os.Exit(runCLI(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
