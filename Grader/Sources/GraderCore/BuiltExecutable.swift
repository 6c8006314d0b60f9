import Foundation

/// The path of an executable product built with the tests: next to the test binary (Linux), or a
/// few folders up (bundles), or in the package's own build folder as a last resort.
public func builtExecutable(_ name: String, packageRoot: URL) -> String? {
  var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  var candidates: [URL] = []
  for _ in 0..<4 {
    candidates.append(dir.appendingPathComponent(name))
    dir = dir.deletingLastPathComponent()
  }
  candidates.append(packageRoot.appendingPathComponent(".build/debug").appendingPathComponent(name))
  return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path
}
