import CourseSupport
import GraderCore

let corpusCommand = Subcommand(
  "corpus", "\(BuiltInCorpus.choices) [--characters 2000] [--seed 1]",
  "print built-in text (generated, deterministic): to read, or to save as a file",
  valued: ["characters", "seed"]
) { options in
  guard options.words.count == 1, let corpus = BuiltInCorpus(rawValue: options.words[0]) else {
    let names = BuiltInCorpus.allCases.map(\.rawValue).joined(separator: ", ")
    throw CommandLineOptions.Problem("name one corpus: \(names)")
  }
  let count = try options.int("characters", default: 2000)
  let seed = try options.int("seed", default: 1, minimum: 0)
  print(corpus.text(characters: count, seed: UInt64(seed)), terminator: "")
  return 0
}
