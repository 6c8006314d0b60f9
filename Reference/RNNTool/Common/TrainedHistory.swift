import CourseSupport
import Foundation
import ReferenceRNN

/// The reference loop on `model` for `iterations`, from a fresh start: its history, and the
/// model checked from a fresh state on the validation text.
func trainedHistory<M: LanguageModel>(
  _ model: M, _ corpus: Corpus, _ hp: Hyperparameters, iterations: Int, optimizer: OptimizerKind
) -> (history: LossHistory, freshState: FreshStateCheck) {
  let (run, history) = Reference.train(
    model, corpus: corpus, hyperparameters: hp, iterations: iterations, optimizer: optimizer)
  let check = FreshStateCheck(
    corpus.validation, sequenceLength: hp.sequenceLength,
    uniform: log(Double(model.vocabularySize))
  ) {
    Reference.validationLoss(
      model, parameters: run.parameters, data: $0, sequenceLength: hp.sequenceLength,
      from: $1 ? run.carried : nil)
  }
  return (history, check)
}
