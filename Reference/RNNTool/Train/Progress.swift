import Foundation

/// The live progress line on a terminal; plain lines (at validation) otherwise.
final class Progress {
  let total: Int
  let sequenceLength: Int
  let batch: Int
  let terminal = isatty(STDOUT_FILENO) != 0
  let clock = Date()
  let start: Int
  var lastDraw = Date.distantPast

  init(total: Int, start: Int, sequenceLength: Int, batch: Int = 1) {
    self.total = total
    self.start = start
    self.sequenceLength = sequenceLength
    self.batch = batch
  }

  func line(_ i: Int, loss: Double, validation: Double?, force: Bool) {
    let now = Date()
    guard force || (terminal && now.timeIntervalSince(lastDraw) > 0.2) else { return }
    lastDraw = now
    let elapsed = now.timeIntervalSince(clock)
    let rate = Double(i - start) / max(elapsed, 1e-9)
    let eta = Double(total - i) / max(rate, 1e-9)
    var text = String(
      format: "iteration %d/%d  loss %.3f/char  %.0f chars/s  ETA %d:%02d", i, total,
      loss / Double(sequenceLength), rate * Double(sequenceLength * batch), Int(eta) / 60,
      Int(eta) % 60)
    if let validation { text += String(format: "  validation %.3f/char", validation) }
    if terminal {
      print("\r\u{1B}[K" + text, terminator: validation == nil ? "" : "\n")
    } else if validation != nil {
      print(text)
    }
    fflush(nil)
  }

  func show(sample: String, at i: Int) {
    if terminal { print("\r\u{1B}[K", terminator: "") }
    print("— sample at iteration \(i) —")
    print(
      sample.split(separator: "\n", omittingEmptySubsequences: false).prefix(6).joined(
        separator: "\n"))
    print("—")
  }

  /// A line of its own under the progress line.
  func note(_ text: String) {
    if terminal { print("\r\u{1B}[K", terminator: "") }
    print(text)
  }

  func finish() {
    if terminal { print("") }
  }
}
