import Foundation

/// Finds the course: the nearest folder, from `start` upwards, with Package.swift and the registry.
public func findCourseRoot(from start: URL) throws -> URL {
  var dir = start.standardizedFileURL
  while true {
    let manifest = dir.appendingPathComponent("Package.swift").path
    let registry = dir.appendingPathComponent(Course.registryPath).path
    if FileManager.default.fileExists(atPath: manifest)
      && FileManager.default.fileExists(atPath: registry)
    {
      return dir
    }
    let parent = dir.deletingLastPathComponent()
    if parent.path == dir.path {
      throw GraderError(
        "not inside the course: no Package.swift with \(Course.registryPath) in \(start.path) or above"
      )
    }
    dir = parent
  }
}
