import Foundation

/// ex10's built-in world: a ball in a 16 × 16 box, pushed by an action every step, bouncing off
/// the walls, seen as a grey-scale frame (a blurred dot). Deterministic for a seed, the same on
/// every platform (the frame's exponentials are the course's own, `portableExp`).
public enum BallWorld {
  /// The frame's side in pixels: a frame is side × side = 256 numbers, row by row.
  public static let side = 16
  /// The ball's centre stays within [low, high] on both axes: the dot never leaves the frame.
  static let (low, high) = (1.0, 14.0)

  /// One run of the world: frames[t] and positions[t] for t = 0…T; actions[t] is the push
  /// applied between frame t and frame t + 1 (T of them).
  public struct Episode: Sendable, Equatable {
    /// frames[t]: the picture at time t (see `frame(at:)`).
    public var frames: [Vector]
    /// (x, y): the column and row of the ball's centre, in pixels.
    public var positions: [Vector]
    /// (ax, ay), each −1, 0 or 1.
    public var actions: [Vector]
  }

  /// A run of `steps` steps: the ball starts in the middle region with a small random velocity;
  /// each step the push is kept (70%) or drawn anew from the nine pushes (30%), then
  /// v ← 0.9·v + 0.25·a, p ← p + v, and a wall reflects both p and v.
  public static func episode(steps: Int, seed: UInt64) -> Episode {
    var rng = SeededGenerator(seed: seed)
    var p = Vector([3 + 9 * rng.nextUniform(), 3 + 9 * rng.nextUniform()])
    var v = Vector([rng.nextUniform() - 0.5, rng.nextUniform() - 0.5])
    var a = Vector([0, 0])
    var episode = Episode(frames: [frame(at: p)], positions: [p], actions: [])
    for _ in 0..<steps {
      if rng.nextUniform() < 0.3 {
        let k = rng.nextIndex(below: 9)
        a = Vector([Double(k % 3 - 1), Double(k / 3 - 1)])
      }
      v = 0.9 * v + 0.25 * a
      p += v
      for axis in 0..<2 {
        if p[axis] < low { (p[axis], v[axis]) = (2 * low - p[axis], -v[axis]) }
        if p[axis] > high { (p[axis], v[axis]) = (2 * high - p[axis], -v[axis]) }
      }
      episode.actions.append(a)
      episode.positions.append(p)
      episode.frames.append(frame(at: p))
    }
    return episode
  }

  /// The dot: pixel (row r, column c) is exp(−((c − x)² + (r − y)²) / 2), row by row.
  public static func frame(at p: Vector) -> Vector {
    var pixels = [Double](repeating: 0, count: side * side)
    for r in 0..<side {
      for c in 0..<side {
        let d2 = (Double(c) - p[0]) * (Double(c) - p[0]) + (Double(r) - p[1]) * (Double(r) - p[1])
        pixels[r * side + c] = portableExp(-d2 / 2)
      }
    }
    return Vector(pixels)
  }

  /// `count` episodes of `steps` steps, seeds first, first + 1, ….
  public static func episodes(_ count: Int, steps: Int, firstSeed: UInt64) -> [Episode] {
    (0..<count).map { episode(steps: steps, seed: firstSeed + UInt64($0)) }
  }
}
