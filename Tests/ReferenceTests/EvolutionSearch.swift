import CourseSupport
import Foundation
import ReferenceRNN
import Testing

@Suite struct EvolutionSearch {
  @Test func search() {
    let env = ProcessInfo.processInfo.environment
    let iters = Int(env["ITERS"] ?? "2000")!
    let lr = Double(env["LR"] ?? "0.003")!
    let budget = Int(env["BUDGET"] ?? "30000")!
    let seeds = (env["SEEDS"] ?? "1,2,3").split(separator: ",").map { UInt64($0)! }
    let text = BuiltInCorpus.play.text(characters: 100_000)
    let corpus = try! Reference.corpus(text: text, source: "play", sequenceLength: 25)
    let v = corpus.vocabulary.count
    func count(_ s: ModelSpec) -> Int { s.makeModel().zeroParameters().scalarCount }
    func fit(_ kind: ModelKind, _ e: Int?) -> ModelSpec {
      var h = 1
      while count(ModelSpec(kind: kind, vocabularySize: v, hiddenSize: h + 1, embedding: e)) <= budget { h += 1 }
      return ModelSpec(kind: kind, vocabularySize: v, hiddenSize: h, embedding: e)
    }
    let specs = [fit(.rnn, nil), fit(.rnn, 16), fit(.gru, 16), fit(.lstm, 16), fit(.gru, nil), fit(.lstm, nil)]
    for spec in specs {
      var line = "\(spec) params \(count(spec)):"
      for seed in seeds {
        let hp = Hyperparameters(hiddenSize: spec.hiddenSize, sequenceLength: 25, learningRate: lr, seed: seed, validationEvery: iters)
        let t0 = Date()
        let run = train(spec.makeModel(), corpus, hp, iters)
        line += String(format: "  s%d %.3f (%.1fs)", seed, run, Date().timeIntervalSince(t0))
      }
      print(line)
    }
  }
  func train<M: LanguageModel>(_ m: M, _ c: Corpus, _ hp: Hyperparameters, _ iters: Int) -> Double {
    Reference.train(m, corpus: c, hyperparameters: hp, iterations: iters, optimizer: .adam).history.validation.last!.lossPerCharacter
  }
}
