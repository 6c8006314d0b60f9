import CourseSupport

/// A word placed around a framed picture, in the picture's pixels (negative: left of or above it).
struct FrameLabel {
  var x: Int
  var y: Int
  /// SVG's text-anchor: "middle" for a column's label, "end" for a row's.
  var anchor: String
  var text: String

  static func column(_ text: String, centre x: Int) -> FrameLabel {
    FrameLabel(x: x, y: -8, anchor: "middle", text: text)
  }

  static func row(_ text: String, centre y: Int) -> FrameLabel {
    FrameLabel(x: -8, y: y + 4, anchor: "end", text: text)
  }
}

/// A PNG (in the same folder, by name) inside an SVG with a title and labels: the pixels stay
/// pixels, the words stay text.
func svgFrame(image: PNGImage, picture: String, title: String, labels: [FrameLabel]) -> String {
  let (left, top) = (180, 60)
  var out = [
    "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"\(left + image.width + 10)\" height=\"\(top + image.height + 10)\" font-family=\"Helvetica, Arial, sans-serif\">",
    "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
    "<text x=\"\(left + image.width / 2)\" y=\"22\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\">\(escape(title))</text>",
    "<image x=\"\(left)\" y=\"\(top)\" width=\"\(image.width)\" height=\"\(image.height)\" href=\"\(picture)\" xlink:href=\"\(picture)\" style=\"image-rendering: pixelated\"/>",
  ]
  for label in labels {
    out.append(
      "<text x=\"\(left + label.x)\" y=\"\(top + label.y)\" text-anchor=\"\(label.anchor)\" font-size=\"12\">\(escape(label.text))</text>"
    )
  }
  return (out + ["</svg>"]).joined(separator: "\n") + "\n"
}
