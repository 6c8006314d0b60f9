import CourseSupport
import GradientCheck
import Testing

/// What a suite can tell of a wrong backward pass: the first quantity that is wrong, and the
/// gradient tensors that quantity reaches first.
public struct GradientCause: Sendable {
  /// One or two sentences: which quantity, its formula, what to look at.
  public let text: String
  /// The tensors the cause reaches directly (`Wf`, `bf`): shown in full; the rest are folded.
  public let tensors: Set<String>

  /// A cause described by `text` whose own tensors are `tensors` (empty: show the first few).
  public init(_ text: String, tensors: Set<String> = []) {
    self.text = text
    self.tensors = tensors
  }
}

/// A failed gradient check as a learner reads it: how many tensors fail, the first cause when the
/// suite could tell it, the lines of that cause's tensors, and every other failing tensor folded
/// into one line, since one mistake spoils each tensor reached back through it. Nil when every
/// tensor passes at `tolerance`.
public func gradientCheckMessage(
  _ report: GradientCheckReport, tolerance: Double, cause: GradientCause?,
  describe: (String) -> String
) -> String? {
  let failing = report.tensors.filter { !$0.passes(tolerance: tolerance) }
  guard !failing.isEmpty else { return nil }
  func line(_ tensor: TensorGradientCheck) -> String {
    let name = "d" + tensor.tensor
    if let problem = tensor.problem { return "\(name): \(problem)." }
    return
      "\(name) is wrong at \(tensor.location) (\(describe(tensor.tensor))): analytic \(formatScalar(tensor.analytic)), numeric \(formatScalar(tensor.numeric)), relative error \(formatScalar(tensor.relativeError)) > \(formatScalar(tolerance))"
  }
  let own = cause.map { cause in failing.filter { cause.tensors.contains($0.tensor) } } ?? []
  // At most three lines in full: one cause usually spoils many tensors the same way.
  let shown = Array((own.isEmpty ? failing : own).prefix(3))
  let sameCause = own.dropFirst(3)
  // An empty tensor (the start state of a model that has none) is no gradient to count.
  let counted = report.tensors.filter { $0.problem != nil || $0.location != $0.tensor }.count
  var lines = ["\(failing.count) of \(counted) gradients fail the check."]
  if let cause { lines[0] += " " + cause.text }
  lines += shown.map(line)
  if !sameCause.isEmpty {
    let names = sameCause.map { "d" + $0.tensor }.joined(separator: ", ")
    lines.append("\(sameCause.count) more of the same: \(names).")
  }
  let unshown =
    own.isEmpty
    ? Array(failing.dropFirst(3))
    : failing.filter { tensor in !own.contains { $0.tensor == tensor.tensor } }
  if !unshown.isEmpty {
    let names = unshown.map { "d" + $0.tensor }.joined(separator: ", ")
    lines.append(
      own.isEmpty
        ? "\(unshown.count) more fail too: \(names)."
        : "\(unshown.count) more fail because of it (they are reached through it, back in time): \(names)."
    )
  }
  return lines.joined(separator: "\n")
}

/// How a gated cell's backward pass goes wrong within one step, read from which tensors a
/// one-step window gets wrong (nothing flows back in time there): the output layer is reached
/// through dy alone, a gate's bias through that gate's da alone, its W and U through da and x_t
/// or h_{t−1}. So the set of gates whose bias gradient is wrong points at the first wrong
/// quantity.
public struct OneStepReading: Sendable {
  /// The gates' letters, as in the tensors' names (`bf` is the forget gate's bias).
  public let gates: [String]
  /// The first wrong quantity and its formula, by the set of gates whose bias gradient is wrong.
  public let byWrongGates: [Set<String>: String]
  /// When every bias is right but some W or U is not: the outer products' formulas.
  public let outerProducts: String

  /// A reading of a cell with gates `gates`; see the properties.
  public init(gates: [String], byWrongGates: [Set<String>: String], outerProducts: String) {
    self.gates = gates
    self.byWrongGates = byWrongGates
    self.outerProducts = outerProducts
  }

  /// The cause for these wrong tensors of a one-step window.
  public func cause(_ wrong: Set<String>) -> GradientCause {
    let prefix = "It is wrong even for a window of one step, where nothing flows back in time:"
    if !wrong.isDisjoint(with: ["Why", "by"]) {
      return GradientCause(
        "\(prefix) the output layer's gradient is wrong: dy = p_t − onehot(targets[t]), dWhy += dy·h_tᵀ, dby += dy. Every other gradient is reached through dy: fix it first.",
        tensors: ["Why", "by"])
    }
    let wrongGates = Set(gates.filter { wrong.contains("b" + $0) })
    if wrongGates.isEmpty {
      return GradientCause(
        "\(prefix) every gate's da is right (each bias gradient is), so the outer products are not: \(outerProducts)",
        tensors: wrong)
    }
    guard let text = byWrongGates[wrongGates] else {
      return GradientCause(
        "\(prefix) look at the formulas within one step, from dy back to each gate's pre-activation.",
        tensors: wrong)
    }
    return GradientCause(
      "\(prefix) \(text)", tensors: Set(wrongGates.flatMap { ["W" + $0, "U" + $0, "b" + $0] }))
  }
}

/// When the numeric gradient check already failed, a comparison with the reference's gradients
/// records one line pointing back to it, not a second story, and returns true; false (nothing
/// recorded) when the check passed or the gradients agree.
public func followsFromGradientCheck<T: TensorSet>(
  _ function: String, checkFailed: Bool, actual: T, expected: T,
  sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  guard checkFailed,
    let first = firstMismatch("d", actual: actual, expected: expected, tolerance: 1e-10)
  else { return false }
  Issue.record(
    "\(function): the gradients differ from the reference's as well (first at \(first.location)), for the reason the gradient check gives above.",
    sourceLocation: sourceLocation)
  return true
}
