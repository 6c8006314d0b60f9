import Foundation

/// The modification times and sizes of every file under a folder: comparing two snapshots tells
/// whether anything was saved, created or deleted. Polling, not file-system events, so it works
/// the same on Linux and macOS with no dependency.
public struct FileSnapshot: Equatable, Sendable {
  struct Stamp: Equatable, Sendable {
    let modified: Date
    let size: Int
  }

  private let stamps: [String: Stamp]

  public init(folder: URL) {
    var stamps: [String: Stamp] = [:]
    let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
    if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) {
      for case let url as URL in walker {
        guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true
        else { continue }
        stamps[url.path] = Stamp(
          modified: values.contentModificationDate ?? .distantPast, size: values.fileSize ?? 0)
      }
    }
    self.stamps = stamps
  }

  public var count: Int { stamps.count }

  /// The absolute paths saved, created or deleted between `earlier` and this snapshot, sorted.
  public func changedFiles(since earlier: FileSnapshot) -> [String] {
    Set(stamps.keys).union(earlier.stamps.keys).filter { stamps[$0] != earlier.stamps[$0] }
      .sorted()
  }
}
