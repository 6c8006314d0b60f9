import Foundation

/// The Markdown the tool's own reports use (headings, tables, lists, code blocks, paragraphs,
/// `code` and **bold**) as HTML; anything else reads as a paragraph.
func markdownHTML(_ text: String) -> String {
  var out: [String] = []
  var lines = text.components(separatedBy: "\n")[...]
  while let line = lines.first {
    if line.trimmingCharacters(in: .whitespaces).isEmpty {
      lines.removeFirst()
    } else if line.hasPrefix("```") {
      lines.removeFirst()
      let code = lines.prefix { !$0.hasPrefix("```") }
      lines.removeFirst(min(code.count + 1, lines.count))
      out.append("<pre>\(html(code.joined(separator: "\n")))</pre>")
    } else if let level = headingLevel(line) {
      lines.removeFirst()
      let h = min(level + 1, 4)  // the page's own title is the only h1
      out.append("<h\(h)>\(inline(String(line.dropFirst(level + 1))))</h\(h)>")
    } else {
      let kind = blockKind(line)
      let block = lines.prefix {
        !$0.trimmingCharacters(in: .whitespaces).isEmpty && headingLevel($0) == nil
          && !$0.hasPrefix("```") && blockKind($0) == kind
      }
      lines.removeFirst(block.count)
      out.append(render(Array(block), as: kind))
    }
  }
  return out.joined(separator: "\n")
}

private enum BlockKind { case table, list, paragraph }

private func blockKind(_ line: String) -> BlockKind {
  let first = line.trimmingCharacters(in: .whitespaces)
  if first.hasPrefix("|") { return .table }
  if first.hasPrefix("- ") || first.hasPrefix("* ") { return .list }
  return .paragraph
}

private func headingLevel(_ line: String) -> Int? {
  let hashes = line.prefix { $0 == "#" }.count
  return (1...6).contains(hashes) && line.dropFirst(hashes).hasPrefix(" ") ? hashes : nil
}

private func render(_ block: [String], as kind: BlockKind) -> String {
  switch kind {
  case .paragraph:
    return "<p>\(block.map(inline).joined(separator: "\n"))</p>"
  case .list:
    let items = block.map {
      "<li>\(inline(String($0.trimmingCharacters(in: .whitespaces).dropFirst(2))))</li>"
    }
    return "<ul>\(items.joined())</ul>"
  case .table:
    let rows = block.map(cells).filter { !$0.allSatisfy { $0.allSatisfy { "-:| ".contains($0) } } }
    guard let header = rows.first else { return "" }
    return htmlTable(header: header, rows: Array(rows.dropFirst()), render: inline)
  }
}

private func cells(_ row: String) -> [String] {
  var trimmed = row.trimmingCharacters(in: .whitespaces)
  if trimmed.hasPrefix("|") { trimmed.removeFirst() }
  if trimmed.hasSuffix("|") { trimmed.removeLast() }
  return trimmed.components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) }
}

/// `code` and **bold** inside a line; everything else escaped.
private func inline(_ text: String) -> String {
  var out = ""
  for (k, piece) in text.components(separatedBy: "`").enumerated() {
    if k % 2 == 1 {
      out += "<code>\(html(piece))</code>"
    } else {
      out += html(piece).components(separatedBy: "**").enumerated().map {
        $0.offset % 2 == 1 ? "<b>\($0.element)</b>" : $0.element
      }.joined()
    }
  }
  return out
}
