package glossary

import (
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

// A YAML glossary is a list of entries:
//
//	- source: 临汾
//	  target: Linfen
//	  type: place
//	  note: prefecture-level city in Shanxi
//
// or a map holding that list under "entries", with the language pair the
// file is written for under "from" and "to" (both optional), so that a file
// made for another pair is refused rather than misapplied:
//
//	from: zh
//	to: en
//	entries:
//	  - {source: 临汾, target: Linfen}
//
// A misspelt field name is an error, not a silently empty field.

// yamlSyntaxLine finds the line in a yaml syntax error: "yaml: line 3: ...".
var yamlSyntaxLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseYAML reads a YAML glossary.
func parseYAML(text []byte, from, to language.Tag, p *loadProblems) []loadRow {
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		msg := err.Error()
		if m := yamlSyntaxLine.FindStringSubmatch(msg); m != nil {
			line, _ := strconv.Atoi(m[1])
			p.add(line, "yaml: %s", m[2])
		} else {
			p.add(0, "%s", msg)
		}
		return nil
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil // an empty file: no entries yet
	}
	root := yamlResolve(doc.Content[0])
	switch root.Kind {
	case yaml.SequenceNode:
		return yamlEntries(root, p)
	case yaml.MappingNode:
		return yamlFile(root, from, to, p)
	}
	p.add(root.Line, "want a list of entries (source, target, type, note), or a map with entries")
	return nil
}

// yamlResolve follows an alias to the node it names.
func yamlResolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// yamlFile reads the map form: from, to, entries.
func yamlFile(root *yaml.Node, from, to language.Tag, p *loadProblems) []loadRow {
	var entries *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, value := root.Content[i], yamlResolve(root.Content[i+1])
		switch key.Value {
		case "entries":
			if value.Kind != yaml.SequenceNode {
				p.add(value.Line, "entries: want a list of entries (source, target, type, note)")
				continue
			}
			entries = value
		case "from", "to":
			want := from
			if key.Value == "to" {
				want = to
			}
			tag, ok := parseLangCode(value.Value)
			switch {
			case value.Kind != yaml.ScalarNode || !ok:
				p.add(value.Line, "%s: %q is not a language code", key.Value, value.Value)
			case !sameBase(tag, want):
				p.add(value.Line, "%s: the glossary is for %s, but %s is %s", key.Value, tag, key.Value, want)
			}
		default:
			p.add(key.Line, "unknown field %q (want entries, from, to)", key.Value)
		}
	}
	if entries == nil {
		return nil
	}
	return yamlEntries(entries, p)
}

// yamlEntries reads a list of {source, target, type, note} maps.
func yamlEntries(list *yaml.Node, p *loadProblems) []loadRow {
	rows := make([]loadRow, 0, len(list.Content))
	for _, item := range list.Content {
		item = yamlResolve(item)
		if item.Kind != yaml.MappingNode {
			p.add(item.Line, "want an entry with source and target, not %s", yamlKind(item))
			continue
		}
		r := loadRow{line: item.Line}
		fields := map[string]*string{"source": &r.source, "target": &r.target, "type": &r.typ, "note": &r.note}
		seen := map[string]bool{}
		ok := true
		for i := 0; i+1 < len(item.Content); i += 2 {
			key, value := item.Content[i], yamlResolve(item.Content[i+1])
			field, known := fields[key.Value]
			switch {
			case !known:
				p.add(key.Line, "unknown field %q (want source, target, type, note)", key.Value)
				ok = false
			case seen[key.Value]:
				p.add(key.Line, "%s given twice", key.Value)
				ok = false
			case value.Kind != yaml.ScalarNode:
				p.add(value.Line, "%s: want text, not %s", key.Value, yamlKind(value))
				ok = false
			case value.ShortTag() != "!!null":
				*field = value.Value
			}
			seen[key.Value] = true
		}
		if ok {
			rows = append(rows, r)
		}
	}
	return rows
}

// yamlKind names a node's kind for errors.
func yamlKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a map"
	case yaml.ScalarNode:
		return strconv.Quote(n.Value)
	}
	return "nothing"
}
