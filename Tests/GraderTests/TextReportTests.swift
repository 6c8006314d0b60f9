import Foundation
import GraderCore
import Testing

@Suite("what a learner reads") struct TextReportTests {
  let course = Course(
    title: "Course",
    exercises: [
      Exercise(
        id: "ex01", title: "First", module: "Ex01", folder: "ex01-first",
        tasks: [
          ExerciseTask(
            id: "a", title: "task a", suite: "A", stubs: ["a"], hints: ["one", "two"],
            timeLimitSeconds: nil),
          ExerciseTask(
            id: "b", title: "task b", suite: "B", stubs: ["b"], hints: ["three"],
            timeLimitSeconds: nil),
        ])
    ])

  func report(_ a: TaskStatus, _ b: TaskStatus) -> ExerciseReport {
    let tasks = [
      TaskReport(
        id: "a", title: "task a", status: a, message: a == .passed ? nil : "expected 1, got 2",
        location: SourcePlace(file: "Exercises/ex01-first/A.swift", line: 3), durationSeconds: 0.01),
      TaskReport(
        id: "b", title: "task b", status: b, message: "not implemented yet",
        location: SourcePlace(file: "Exercises/ex01-first/B.swift", line: 7), durationSeconds: 0.01),
    ]
    let status: ExerciseStatus = tasks.allSatisfy { $0.status == .passed } ? .done : .inProgress
    return ExerciseReport(
      id: "ex01", title: "First", status: status, tasks: tasks, compileErrors: [])
  }

  @Test("the overview shows progress and points at the next stub")
  func overview() {
    let text = TextReport(course: course, style: Style(colors: false))
    let run = GradingRun(mode: .exercises, buildSeconds: 1, exercises: [report(.passed, .todo)])
    let out = text.overview(run)
    #expect(out.contains("1 of 2 tasks"), "\(out)")
    #expect(out.contains("Next: ex01 · b (task b) — TODO"), "\(out)")
    #expect(out.contains("Exercises/ex01-first/B.swift:7"), "\(out)")
    #expect(!out.contains("\u{1B}["), "no colours when told so")
  }

  @Test("an exercise shows every task and the first failure in full")
  func exercise() {
    let text = TextReport(course: course, style: Style(colors: false))
    let out = text.exercise(report(.failed, .todo), mode: .exercises)
    #expect(out.contains("✗ a"), "\(out)")
    #expect(
      out.contains("a: failed\n  expected 1, got 2\n  at Exercises/ex01-first/A.swift:3"), "\(out)")
    #expect(out.contains("swift run grader hint ex01 a"), "\(out)")
  }

  @Test("colours appear only when enabled")
  func colours() {
    let out = TextReport(course: course, style: Style(colors: true)).exercise(
      report(.passed, .passed), mode: .exercises)
    #expect(out.contains("\u{1B}[32m✓\u{1B}[0m"), "\(out)")
  }

  @Test("hints come one level at a time")
  func hints() {
    let text = TextReport(course: course, style: Style(colors: false))
    let exercise = course.exercises[0]
    let first = text.hint(exercise, exercise.tasks[0], level: 1)
    #expect(first.contains("1. one") && !first.contains("2. two"), "\(first)")
    #expect(first.contains("--level 2"), "\(first)")
    let all = text.hint(exercise, exercise.tasks[0], level: 5)
    #expect(all.contains("2. two") && all.contains("That is every hint"), "\(all)")
  }
}

@Suite("compare's report") struct ComparisonReportTests {
  let exercise = Exercise(
    id: "ex01", title: "First", module: "Ex01", folder: "ex01-first",
    tasks: [ExerciseTask(id: "a", title: "task a", suite: "A", stubs: ["a"], hints: ["one"])])

  func render(passed: Bool) -> String {
    let result = ExerciseComparer.TaskComparison(
      task: exercise.tasks[0],
      outcome: .differs(location: "dWhh[0, 2]", yours: -0.15, solution: 0.59, note: nil))
    return TextReport(
      course: Course(title: "C", exercises: [exercise]), style: Style(colors: false)
    )
    .comparison(
      exercise, [result], passed: passed,
      solutionPlaces: ["a": SourcePlace(file: "Solutions/ex01-first/A.swift", line: 4)])
  }

  @Test("both values side by side; the solution's file only once the exercise has passed")
  func solutionShownOncePassed() {
    let before = render(passed: false)
    #expect(
      before.contains(
        "first difference at dWhh[0, 2]\n      yours     -0.15\n      solution  0.59"), "\(before)")
    #expect(!before.contains("Solutions/"), "\(before)")
    let after = render(passed: true)
    #expect(after.contains("the solution: Solutions/ex01-first/A.swift:4"), "\(after)")
  }

  /// ex10's rollouts without the memory carried: the ablation, which uses the rollouts, differs
  /// too, and the line under it sends the learner to the rollouts.
  @Test(
    "a difference in a task that builds on one that differs points back to it",
    arguments: [true, false])
  func knockOn(buildsOn: Bool) {
    let tasks = [
      ExerciseTask(id: "rollouts", title: "", suite: "R", stubs: ["r"], hints: ["h"]),
      ExerciseTask(id: "head", title: "", suite: "H", stubs: ["h"], hints: ["h"]),
      ExerciseTask(
        id: "ablation", title: "", suite: "A", stubs: ["s"], hints: ["h"],
        buildsOn: buildsOn ? ["rollouts"] : nil),
    ]
    let exercise = Exercise(id: "ex10", title: "", module: "Ex10", folder: "f", tasks: tasks)
    let differs = ExerciseComparer.Outcome.differs(
      location: "x", yours: 1, solution: 2, note: nil)
    let results = zip(tasks, [differs, .same(values: 3), differs]).map {
      ExerciseComparer.TaskComparison(task: $0, outcome: $1)
    }
    let text = TextReport(
      course: Course(title: "C", exercises: [exercise]), style: Style(colors: false)
    ).comparison(exercise, results, passed: false)
    let note = "ablation uses the functions of rollouts, which differ above: look there first"
    #expect(text.contains(note) == buildsOn, "\(text)")
  }
}
