import CourseSupport
import Foundation

/// One self-contained HTML page: a title, sections of ready HTML, a small stylesheet that reads
/// on a laptop and prints, and nothing fetched from anywhere (pictures are data: URIs).
struct HTMLPage {
  var title: String
  var sections: [String] = []
  /// Seconds between reloads while a run is still writing the page; nil once it is done.
  var refresh: Int? = nil

  /// The whole document.
  func document() -> String {
    let reload = refresh.map { "<meta http-equiv=\"refresh\" content=\"\($0)\">\n" } ?? ""
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      \(reload)<title>\(escape(title))</title>
      <style>\(Self.style)</style>
      </head>
      <body>
      <h1>\(escape(title))</h1>
      \(sections.joined(separator: "\n"))
      </body>
      </html>

      """
  }

  // Narrow screens get one column, and printed columns of numbers scroll rather than wrap; print
  // drops the reload notice and keeps pictures whole.
  static let style = """
    body{font:16px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#222;max-width:62rem;margin:0 auto;padding:1rem 1.25rem 3rem}
    h1{font-size:1.6rem;margin:.2rem 0 1rem;overflow-wrap:anywhere}h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:1px solid #ddd}h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
    pre,code{font:13px/1.4 Menlo,Consolas,"DejaVu Sans Mono",monospace}pre{background:#f6f6f4;padding:.6rem .8rem;overflow-x:auto;white-space:pre-wrap;overflow-wrap:anywhere;border-radius:4px}
    .command{background:#20232a;color:#f0f0f0}pre.columns{white-space:pre;overflow-wrap:normal}.lesson{border-left:4px solid #4a7ab5;padding:.2rem .9rem;margin:.8rem 0;background:#f3f7fc}
    .table{overflow-x:auto}table{border-collapse:collapse;margin:.6rem 0;font-size:14px}th,td{border:1px solid #ddd;padding:.25rem .55rem;text-align:left;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}
    figure{margin:1rem 0;break-inside:avoid}figure img{max-width:100%;height:auto;border:1px solid #eee}figcaption{font-size:13px;color:#666}img.pixels{image-rendering:pixelated}
    .live{background:#fff4d6;padding:.4rem .8rem;border-radius:4px}.broken{color:#b00020;font-weight:bold}
    .run{display:grid;grid-template-columns:200px 1fr;gap:1rem;padding:.8rem 0;border-bottom:1px solid #eee;break-inside:avoid}.run h3{margin:0 0 .3rem}.run p{margin:.3rem 0}.run code{overflow-wrap:anywhere}.thumb img{width:200px;height:auto;border:1px solid #eee}
    @media (max-width:600px){.run{grid-template-columns:1fr}}.files a{margin-right:.8rem}
    @media print{.live{display:none}body{max-width:none}pre{white-space:pre-wrap}pre.columns{white-space:pre;font-size:9px}a{color:inherit}}
    """
}

/// Text safe inside HTML (the same escaping as SVG's).
func html(_ text: String) -> String { escape(text) }

/// A file's bytes as a data: URI of `type`, so the page needs nothing beside it.
func dataURI(_ bytes: Data, type: String) -> String {
  "data:\(type);base64," + bytes.base64EncodedString()
}

/// A table of rows of cells, each rendered by `render` (escaped text unless told); cells that
/// start with a number are right-aligned.
func htmlTable(header: [String], rows: [[String]], render: (String) -> String = html) -> String {
  let head = header.map { "<th>\(render($0))</th>" }.joined()
  let body = rows.map { row in
    "<tr>"
      + row.map { cell in
        let lead = cell.prefix { !" (".contains($0) }.replacingOccurrences(of: ",", with: "")
        return Double(lead) != nil
          ? "<td class=\"n\">\(render(cell))</td>" : "<td>\(render(cell))</td>"
      }.joined() + "</tr>"
  }
  return
    "<div class=\"table\"><table><tr>\(head)</tr>\n\(body.joined(separator: "\n"))</table></div>"
}
