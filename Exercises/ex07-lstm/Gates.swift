import CourseSupport

/// Task 4 · how often each unit of a gate is saturated over a text.
///
/// `values[t]` is one gate's vector at step t (every step's f_t, say). For each unit u, return
/// the fraction of the steps at which values[t][u] < 0.1 (`left`) and the fraction at which it
/// is > 0.9 (`right`). A unit that is left-saturated most of the time is a gate that is almost
/// always shut; right-saturated, almost always open.
public func saturation(of values: [Vector]) -> Saturation {
  fatalError("TODO")
}
