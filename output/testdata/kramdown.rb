# Renders Markdown files with kramdown's GFM parser (what Jekyll uses). The
# arguments come in pairs: a bilingual file and its source. For each pair it
# prints a tab-separated line:
#   file  tables  ids-in-table-cells  ids-in-headings  source-leaks  bad-rows
# where an id is a "<!-- bitext:ID -->" comment and source-leaks is 1 when
# kramdown leaves Markdown of the source unrendered (a heading line in the
# HTML), as it does after an HTML block it reads as unclosed; bad-rows counts
# table rows that do not have exactly two cells. Front matter is skipped.
require "kramdown"
require "kramdown-parser-gfm"

def html(path)
  src = File.read(path, encoding: "UTF-8").sub(/\A\uFEFF?---\r*\n.*?^---\r*\n/m, "")
  Kramdown::Document.new(src, input: "GFM").to_html
end

ARGV.each_slice(2) do |bilingual, source|
  out = html(bilingual)
  cells = out.scan(%r{<td>(.*?)</td>}m).flatten.sum { |c| c.scan(/bitext:/).size }
  heads = out.scan(%r{<h\d[^>]*>(.*?)</h\d>}m).flatten.sum { |c| c.scan(/bitext:/).size }
  leaks = html(source).match?(/^\#{1,6} /) ? 1 : 0
  bad = out.scan(%r{<tr>(.*?)</tr>}m).flatten.count { |r| r.scan(/<t[dh][ >]/).size != 2 }
  puts [bilingual, out.scan(/<table>/).size, cells, heads, leaks, bad].join("\t")
end
