import Foundation

/// The pictures a command left in a folder, each as a data: URI so the page carries them: SVG
/// charts, PNG images, and SVG frames around a PNG (the PNG goes inside the frame's URI).
struct FolderPictures {
  let folder: String

  /// The folder's files, sorted (none when it cannot be read).
  var files: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
  }

  /// Every SVG, and every PNG no SVG frames, in name order.
  var names: [String] {
    let svgs = files.filter { $0.hasSuffix(".svg") }
    let framed = Set(svgs.flatMap { svg in framedPNGs(text(svg)) })
    return files.filter { $0.hasSuffix(".svg") || $0.hasSuffix(".png") && !framed.contains($0) }
  }

  /// The picture `name` as a data: URI, or nil when it is not there.
  func dataURI(_ name: String) -> String? {
    let path = folder + "/" + name
    guard let bytes = FileManager.default.contents(atPath: path) else { return nil }
    if name.hasSuffix(".png") { return RNNTool.dataURI(bytes, type: "image/png") }
    var svg = String(decoding: bytes, as: UTF8.self)
    // A picture inside an img cannot fetch its neighbours: the frame carries its PNG.
    for png in framedPNGs(svg) {
      guard let inner = FileManager.default.contents(atPath: folder + "/" + png) else { continue }
      svg = svg.replacingOccurrences(
        of: "href=\"\(png)\"", with: "href=\"\(RNNTool.dataURI(inner, type: "image/png"))\"")
    }
    return RNNTool.dataURI(Data(svg.utf8), type: "image/svg+xml")
  }

  /// The picture as a figure with its file's name under it.
  func figure(_ name: String) -> String? {
    // A PNG's pixels are cells of a grid: enlarged, they stay sharp squares.
    let pixels = name.hasSuffix(".png") ? " class=\"pixels\"" : ""
    return dataURI(name).map {
      "<figure><img src=\"\($0)\"\(pixels) alt=\"\(html(name))\"><figcaption>\(html(name))</figcaption></figure>"
    }
  }

  private func text(_ name: String) -> String {
    String(
      decoding: FileManager.default.contents(atPath: folder + "/" + name) ?? Data(), as: UTF8.self)
  }

  /// The PNG files an SVG frame points at by name.
  private func framedPNGs(_ svg: String) -> [String] {
    svg.components(separatedBy: "href=\"").dropFirst().compactMap { rest in
      let name = String(rest.prefix { $0 != "\"" })
      return name.hasSuffix(".png") && !name.contains("/") && !name.hasPrefix("data:") ? name : nil
    }
  }
}
