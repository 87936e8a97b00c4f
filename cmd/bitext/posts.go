package main

import (
	"errors"
	"fmt"
	"io/fs"
)

// pathError names the path once: os errors already carry it.
func pathError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("%s: %w", path, err)
}
