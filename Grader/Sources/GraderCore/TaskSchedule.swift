import Foundation

/// The order tasks are graded in: in waves, each task once the tasks it builds on have passed
/// (`ExerciseTask.buildsOn`). A task whose foundation does not pass is not run; it is `waiting`,
/// and says for which. With `remembering`, a slow task whose last pass had the sources it has
/// now is not run again (`TaskRecords`).
struct TaskSchedule {
  typealias Job = (exercise: Exercise, task: ExerciseTask)

  let jobs: [Job]
  let respectingDependencies: Bool
  let fingerprint: SourceFingerprint?
  var records: TaskRecords

  /// Every job's report, in the order of `jobs`. `onSlowTask` hears of each task about to run
  /// that took a while last time (with how long), before it starts.
  mutating func run(
    _ runner: @escaping @Sendable (Job) -> TaskReport,
    onSlowTask: (Job, Double) -> Void
  ) -> [TaskReport] {
    var reports = [TaskReport?](repeating: nil, count: jobs.count)
    while reports.contains(where: { $0 == nil }) {
      var ready: [Int] = []
      for i in jobs.indices where reports[i] == nil {
        let foundations = self.foundations(of: i).map { reports[$0] }
        guard !foundations.contains(where: { $0 == nil }) else { continue }
        let notPassing = foundations.compactMap { $0 }.filter { $0.status != .passed }
        if !notPassing.isEmpty {
          reports[i] = waiting(jobs[i], for: notPassing)
        } else if let remembered = rememberedPass(jobs[i]) {
          reports[i] = remembered
        } else {
          ready.append(i)
        }
      }
      // The sources as they are when the tests start: a file saved meanwhile counts next time.
      let prints = ready.map { fingerprint?.of(jobs[$0].task, in: jobs[$0].exercise) }
      for i in ready {
        if let seconds = records.record(jobs[i].exercise, jobs[i].task)?.seconds,
          seconds >= Self.announceSeconds
        {
          onSlowTask(jobs[i], seconds)
        }
      }
      let wave = ready.map { jobs[$0] }
      let results = parallelMap(wave.count) { runner(wave[$0]) }
      for (k, i) in ready.enumerated() {
        reports[i] = results[k]
        if let print = prints[k] {
          records.note(results[k], of: jobs[i].task, in: jobs[i].exercise, fingerprint: print)
        }
      }
    }
    return reports.map { $0! }
  }

  /// A task that took this long last time is announced before it runs, so the wait is explained.
  static let announceSeconds = 2.0

  /// The indices of the jobs `i` builds on directly (none when dependencies are ignored).
  func foundations(of i: Int) -> [Int] {
    guard respectingDependencies else { return [] }
    let (exercise, task) = jobs[i]
    return task.dependencies.compactMap { id in
      jobs.firstIndex { $0.exercise.id == exercise.id && $0.task.id == id }
    }
  }

  func rememberedPass(_ job: Job) -> TaskReport? {
    guard let fingerprint, let record = records.record(job.exercise, job.task),
      record.passedWith != nil, record.seconds >= TaskRecords.slowSeconds
    else { return nil }
    return records.pass(
      job.exercise, job.task, fingerprint: fingerprint.of(job.task, in: job.exercise))
  }

  func waiting(_ job: Job, for foundations: [TaskReport]) -> TaskReport {
    let numbers = foundations.map { report in
      String((job.exercise.tasks.firstIndex { $0.id == report.id } ?? 0) + 1)
    }
    let which =
      numbers.count == 1
      ? "task \(numbers[0]) (\(foundations[0].id)), which does not pass yet"
      : "tasks \(numbers.dropLast().joined(separator: ", ")) and \(numbers.last!), which do not pass yet"
    let one = numbers.count == 1
    return TaskReport(
      id: job.task.id, title: job.task.title, status: .waiting,
      message:
        "waiting for \(which): this task's tests use \(one ? "its" : "their") functions, so it is graded once \(one ? "that one passes" : "they pass").",
      location: nil, durationSeconds: 0)
  }
}
