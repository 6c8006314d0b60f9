import Foundation
import GraderCore
import Testing

/// The pages as a learner sees them: loaded in headless Chromium, where it is installed
/// (`.ci/run` installs it where it can).
@Suite("the pages in a browser") struct BrowserTests {
  /// Chromium or Chrome, found on the PATH (or where macOS keeps Chrome).
  static let browser: String? = {
    let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    let candidates =
      names.flatMap { name in folders.map { "\($0)/\(name)" } }
      + ["/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// Sets `data-rendered` on the body once everything has loaded: the pictures, how many of
  /// them were decoded and drawn, and the page's height.
  static let probe = """
    <script>addEventListener('load',function(){var i=[].slice.call(document.images);document.body.setAttribute('data-rendered',i.length+' '+i.filter(function(x){return x.complete&&x.naturalWidth>0}).length+' '+document.body.scrollHeight)})</script>
    """

  @Test(
    "a page of each kind renders: not blank, every picture drawn, no console message",
    .enabled(if: browser != nil, "Chromium is not installed, so no page was loaded in a browser"))
  func rendered() throws {
    let (dir, _) = try PageTests.runs.get()
    let blank = dir.appendingPathComponent("blank.html")
    try "<!DOCTYPE html><html><body></body></html>".write(
      to: blank, atomically: true, encoding: .utf8)
    let blankSize = try screenshot(blank, in: dir)
    for page in ["runs/rnn", "runs/complexity", "runs/saliency", "runs"] {
      let url = dir.appendingPathComponent(page + "/index.html")
      let size = try screenshot(url, in: dir)
      // Text and pictures compress far worse than an empty white window.
      #expect(
        size > 3 * blankSize, "\(page): a screenshot of \(size) bytes, a blank one \(blankSize)")
      let (counts, console) = try probed(url, in: dir)
      #expect(
        counts.count == 3 && counts[0] >= 1 && counts[1] == counts[0], "\(page): pictures \(counts)"
      )
      #expect(counts.count == 3 && counts[2] > 300, "\(page): height \(counts)")
      #expect(console.isEmpty, "\(page): \(console)")
    }
  }

  /// The size of a 1280 × 2000 screenshot of `url`.
  func screenshot(_ url: URL, in dir: URL) throws -> Int {
    let png = dir.appendingPathComponent("shot-\(UUID().uuidString).png")
    let out = try chromium(
      ["--screenshot=\(png.path)", "--window-size=1280,2000", url.absoluteString], in: dir)
    #expect(out.ending == .exited(0), "\(out.standardError)")
    return (try? FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int) ?? 0
  }

  /// The page with the probe added: what the probe counted, and the console's messages.
  func probed(_ url: URL, in dir: URL) throws -> (counts: [Int], console: [String]) {
    let page = try String(contentsOf: url, encoding: .utf8)
    let copy = dir.appendingPathComponent("probe-\(UUID().uuidString).html")
    try page.replacingOccurrences(of: "</body>", with: Self.probe + "</body>")
      .write(to: copy, atomically: true, encoding: .utf8)
    let out = try chromium(
      [
        "--enable-logging=stderr", "--v=0", "--dump-dom", "--virtual-time-budget=5000",
        copy.absoluteString,
      ],
      in: dir)
    let counts =
      out.standardOutput.components(separatedBy: "data-rendered=\"").dropFirst().first
      .map { $0.prefix { $0 != "\"" }.split(separator: " ").compactMap { Int($0) } } ?? []
    let console = out.standardError.split(separator: "\n").filter { $0.contains(":CONSOLE") }
    return (counts, console.map(String.init))
  }

  /// Headless Chromium with a profile of its own (tests run side by side).
  func chromium(_ arguments: [String], in dir: URL) throws -> ProcessOutcome {
    let profile = dir.appendingPathComponent("profile-\(UUID().uuidString)").path
    return try runProcess(
      try #require(Self.browser),
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        "--user-data-dir=\(profile)",
      ]
        + arguments, in: dir, timeLimit: 120)
  }
}
