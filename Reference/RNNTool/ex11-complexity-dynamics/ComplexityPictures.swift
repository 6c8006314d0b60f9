import CourseSupport
import ReferenceRNN

// The pixel pictures of ex11, as PNG: an automaton's rows, and cups at several times.

enum CupColours {
  static let coffee: (UInt8, UInt8, UInt8) = (74, 44, 24)
  static let cream: (UInt8, UInt8, UInt8) = (243, 229, 200)

  /// From coffee (t = 0) to cream (t = 1).
  static func blend(_ t: Double) -> (UInt8, UInt8, UInt8) {
    let t = min(max(t, 0), 1)
    func mix(_ a: UInt8, _ b: UInt8) -> UInt8 {
      UInt8((Double(a) + t * (Double(b) - Double(a))).rounded())
    }
    return (mix(coffee.0, cream.0), mix(coffee.1, cream.1), mix(coffee.2, cream.2))
  }
}

/// Live cells black, dead ones white, `scale` pixels a cell; row 0 at the top.
func automatonPicture(_ rows: [[UInt8]], scale: Int) -> PNGImage {
  var image = PNGImage(width: rows[0].count * scale, height: rows.count * scale)
  for (y, row) in rows.enumerated() {
    for (x, cell) in row.enumerated() where cell == 1 {
      image.fillSquare(x: x * scale, y: y * scale, size: scale, (0, 0, 0))
    }
  }
  return image
}

/// The space between the snapshots' squares, in pixels.
let snapshotGap = 8

/// One column per snapshot; rows: the cup itself, its three buckets, its adjusted levels.
func snapshotPicture(_ run: CoffeeRun, scale: Int) -> PNGImage {
  let n = run.n
  let gap = snapshotGap
  let side = n * scale
  let columns = run.snapshots.count
  var image = PNGImage(
    width: columns * side + (columns + 1) * gap, height: 3 * side + 4 * gap)
  for (k, snapshot) in run.snapshots.enumerated() {
    let averages = Reference.windowAverage(snapshot.grid, grain: run.grain)
    let layers: [[Double]] = [
      snapshot.grid.cells.map { min(Double($0), 1) },
      Reference.threeBuckets(averages).map { Double($0) / 2 },
      run.adjustment.levels(averages, n: n, model: run.model).map { Double($0) / 6 },
    ]
    for (row, values) in layers.enumerated() {
      let (x0, y0) = (gap + k * (side + gap), gap + row * (side + gap))
      for (i, v) in values.enumerated() {
        image.fillSquare(
          x: x0 + (i % n) * scale, y: y0 + (i / n) * scale, size: scale, CupColours.blend(v))
      }
    }
  }
  return image
}

/// The snapshots' PNG inside an SVG frame that says what each row and column is.
func snapshotFrame(_ run: CoffeeRun, image: PNGImage, scale: Int, picture: String, seed: UInt64)
  -> String
{
  let side = run.n * scale
  let unit = run.model == .interacting ? "sweeps" : "steps"
  let columns = run.snapshots.enumerated().map { k, snapshot in
    FrameLabel.column(
      String(format: "%.0f %@", run.model.time(snapshot.step, n: run.n), unit),
      centre: snapshotGap + k * (side + snapshotGap) + side / 2)
  }
  let rows = ["the cup", "3 buckets", run.adjustment.rawValue].enumerated().map { row, name in
    FrameLabel.row(name, centre: snapshotGap + row * (side + snapshotGap) + side / 2)
  }
  return svgFrame(
    image: image, picture: picture,
    title:
      "The \(run.model.rawValue) cup as it mixes (\(run.n) × \(run.n), grain \(run.grain), seed \(seed))",
    labels: columns + rows)
}
