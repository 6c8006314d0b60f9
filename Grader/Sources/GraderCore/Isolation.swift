import Foundation

/// When an exercise does not compile, every suite is blocked (they link into one test binary).
/// Isolation builds the course again with each broken exercise's sources replaced by its
/// untouched stubs, so the others can be graded. It builds in the same scratch path: only the
/// replaced modules, their suites and the test binary are built again (seconds), where a scratch
/// path of its own would start from nothing (measured: over a minute on 2 cores, since the
/// compiler's module cache cannot be copied to another path).
public enum Isolation {
  /// Where Package.swift finds the stubs (RNN_COURSE_STUBBED names the folders).
  public static let stubsFolder = ".build/isolated-stubs"

  /// The exercises whose own sources (not their suites, not the reference) hold every error of
  /// `build` that names a file; nil when some error lies elsewhere, and isolating would not help.
  /// Errors without a file are the build system's own lines ("cancelled" for the jobs it stopped
  /// when the first one failed, "emit-module command failed"): they come and go with timing. If
  /// one of them was a real problem, the isolated build fails too and says so.
  static func culprits(of build: BuildOutcome, in course: Course, mode: SourceMode) -> [Exercise]? {
    let located = build.errors.filter { $0.file != nil }
    guard mode == .exercises, !located.isEmpty else { return nil }
    let culprits = course.exercises.filter { exercise in
      located.contains { $0.file?.hasPrefix(exercise.exercisePath + "/") == true }
    }
    let explained = located.allSatisfy { error in
      culprits.contains { error.file?.hasPrefix($0.exercisePath + "/") == true }
    }
    return explained && !culprits.isEmpty ? culprits : nil
  }

  /// Writes each exercise's stubs, as `grader sync` would make them, into the folder where
  /// Package.swift looks for them (emptied first: no file of an earlier isolation stays).
  static func writeStubs(_ exercises: [Exercise], root: URL, course: Course) throws {
    let sync = CourseSync(root: root, course: course)
    for exercise in exercises {
      let folder = stubsFolder + "/" + exercise.folder
      try? FileManager.default.removeItem(at: root.appendingPathComponent(folder))
      try FileManager.default.createDirectory(
        at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
      try sync.write(exercise, into: folder)
    }
  }
}
