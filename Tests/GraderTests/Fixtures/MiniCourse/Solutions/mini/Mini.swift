public func right() -> Int { 42 }

public func wrongValue() -> Int { 42 }

public func todo() -> Int { 7 }

public func trap(_ values: [Int]) -> Int { values.reduce(0, +) }

public func checked(_ n: Int) -> Int { max(n, 1) }

public func loop(_ n: Int) -> Int { (0..<n).reduce(0, +) }

public func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

public func chatty() -> Int { 42 }

public func flood() -> Int { 42 }

public func hoard() -> Int { 42 }
