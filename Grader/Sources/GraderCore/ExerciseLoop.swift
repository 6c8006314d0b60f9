import Foundation

/// One exercise's edit loop in the benchmark's copy of the course: an edit in the first task's
/// function, then `swift run grader exNN`, timed. `solveAllButFirstTask` first puts the solution
/// in every other file and grades once: a learner who comes back to the first task with the
/// others done, the case where slow tasks (training models) would otherwise run on every grade.
struct ExerciseLoop {
  let copy: URL
  let exercise: Exercise
  let swift: String
  let environment: [String: String]

  /// Every file of the solution that holds none of the first task's functions, in place of the
  /// learner's; then one grade, so that the tasks that pass are remembered.
  func solveAllButFirstTask(log: (String) -> Void) throws {
    let locator = StubLocator(root: copy)
    let firstFiles = Set(
      (exercise.tasks.first?.stubs ?? []).compactMap {
        locator.locate($0, in: exercise.exercisePath)?.file
      })
    let fm = FileManager.default
    for file in locator.swiftFiles(in: exercise.solutionPath) {
      let name = String(file.dropFirst(exercise.solutionPath.count + 1))
      let target = exercise.exercisePath + "/" + name
      guard !firstFiles.contains(target) else { continue }
      try? fm.removeItem(at: copy.appendingPathComponent(target))
      try fm.copyItem(
        at: copy.appendingPathComponent(file), to: copy.appendingPathComponent(target))
    }
    let seconds = try grade()
    log(
      String(
        format: "%@: the solution in every file but task 1's (%@), graded once: %.1f s",
        exercise.id, exercise.tasks.first?.id ?? "", seconds))
  }

  /// `rounds` edits of the first task's function, each followed by a grade; their times.
  func edits(_ rounds: Int, log: (String) -> Void) throws -> [Double] {
    let (file, line) = try firstTaskBody(exercise, in: copy)
    let url = copy.appendingPathComponent(file)
    let lines = readText(url).split(separator: "\n", omittingEmptySubsequences: false).map(
      String.init)
    var times: [Double] = []
    for round in 1...max(rounds, 1) {
      // A statement with a different value each round, inside a function body, as a learner's
      // edit is: the object code changes, so the compiler and the linker both have work to do.
      var edited = lines
      edited.insert("  print(\"benchmark edit \(round)\", terminator: \"\")", at: line)
      try edited.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
      times.append(try grade())
      log(
        String(
          format: "edit %d of %@, then `swift run grader %@`: %.2f s", round, file, exercise.id,
          times.last!))
    }
    return times
  }

  func grade() throws -> Double {
    let graded = try runProcess(
      swift, ["run", "grader", exercise.id], in: copy, environment: environment)
    guard case .exited = graded.ending else {
      throw GraderError("`swift run grader \(exercise.id)` did not finish")
    }
    return graded.duration
  }
}

/// The line after the opening brace of the first task's first function in `copy`.
func firstTaskBody(_ exercise: Exercise, in copy: URL) throws -> (file: String, line: Int) {
  let stubs = StubLocator(root: copy)
  guard let function = exercise.tasks.first?.stubs.first,
    let place = stubs.locate(function, in: exercise.exercisePath)
  else { throw GraderError("\(exercise.exercisePath): cannot find the first task's function") }
  let lines = readText(copy.appendingPathComponent(place.file)).split(
    separator: "\n", omittingEmptySubsequences: false)
  guard
    let brace = lines.indices.first(where: {
      $0 >= place.line - 1 && lines[$0].trimmingCharacters(in: .whitespaces).hasSuffix("{")
    })
  else { throw GraderError("\(place.file): cannot find the body of \(function)") }
  return (place.file, brace + 1)
}
