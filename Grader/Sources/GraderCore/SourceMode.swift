/// Which sources the exercise modules are compiled from.
public enum SourceMode: String, Sendable, Codable {
  /// The learner's `Exercises/` (the default).
  case exercises
  /// The completed `Solutions/`.
  case solutions

  /// Each mode builds in its own folder, so switching never recompiles (see Package.swift).
  public var scratchPath: String { self == .exercises ? ".build" : ".build-solutions" }

  /// The manifest reads this to choose the exercise modules' sources.
  public var environment: [String: String] {
    ["RNN_COURSE_SOURCE": self == .exercises ? "exercises" : "solutions"]
  }

  /// The folder the exercise modules' sources come from.
  public var sourceFolder: String { self == .exercises ? "Exercises" : "Solutions" }
}
