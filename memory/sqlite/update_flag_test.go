package sqlite

// Every test binary accepts -update, so that "go test ./... -update" runs.
import _ "github.com/bitext/bitext/internal/golden"
