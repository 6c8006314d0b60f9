import Foundation
import GraderCore
import ReferenceRNN

/// Roughly how many bytes a run holds at its peak: the parameters with their gradients and
/// optimizer memory, what each window keeps for backward (per step and layer, some H-long
/// vectors, and the V-long distribution), and, while a checkpoint is written, JSONEncoder's
/// tree of every saved number.
func estimatedBytes(_ spec: ModelSpec, sequenceLength: Int, batch: Int, optimizer: OptimizerKind)
  -> Double
{
  let (v, h, l) = (Double(spec.vocabularySize), Double(spec.hiddenSize), Double(spec.layers))
  let gates = Double(spec.kind.blocks)
  let input = Double(spec.embedding ?? spec.vocabularySize)
  let parameters =
    gates * (h * input + (l - 1) * h * h + l * h * h + l * h) + v * h + v
    + Double(spec.embedding ?? 0) * v
  let copies = optimizer == .adam ? 5.0 : 4.0  // θ, gradient, memory (and momentum), a spare
  let perStep = l * (gates * 3 + 4) * h + 2 * v
  let training = 8 * (copies * parameters + Double(sequenceLength * batch) * perStep)
  // Peak resident memory of `rnn train --hidden 1024 --iters 3` on the play corpus, less the
  // training arrays, per number saved: 184 bytes (RNN), 178 (GRU), 165 (LSTM). 200 with room.
  let saved = (optimizer == .adam ? 3.0 : 2.0) * parameters
  return training + 200 * saved
}

/// Refuses, with the figure, a run that cannot fit in this machine's memory.
func checkMemory(_ spec: ModelSpec, sequenceLength: Int, batch: Int, optimizer: OptimizerKind)
  throws
{
  try refuseOverMemory(
    estimatedBytes(spec, sequenceLength: sequenceLength, batch: batch, optimizer: optimizer),
    what: "this model", advice: "choose a smaller --hidden or --layers")
}

/// Refuses, in one line with both figures, a run whose estimate is over half this machine's
/// memory (or not finite): "<what> needs about 2.1 PB of memory and the machine has 25.3 GB:
/// <advice>".
func refuseOverMemory(_ needed: Double, what: String, advice: String) throws {
  let available = Double(ProcessInfo.processInfo.physicalMemory)
  guard needed > 0.5 * available || !needed.isFinite else { return }
  throw CommandLineOptions.Problem(
    "\(what) needs about \(byteText(needed)) of memory and the machine has \(byteText(available)): \(advice)"
  )
}

/// 1.2 GB, 80 PB: a size a person reads at a glance.
func byteText(_ bytes: Double) -> String {
  let units = ["bytes", "KB", "MB", "GB", "TB", "PB", "EB"]
  var value = bytes
  var unit = 0
  while value >= 1000 && unit < units.count - 1 {
    value /= 1000
    unit += 1
  }
  return value >= 100 || unit == 0
    ? String(format: "%.0f %@", value, units[unit]) : String(format: "%.1f %@", value, units[unit])
}
