import AnketaStats

/// True when `actual` is non-nil and within `tolerance` of `expected` (absolute, or relative when `relative`).
func isClose(_ actual: Double?, _ expected: Double, _ tolerance: Double, relative: Bool = false) -> Bool {
    guard let actual else { return false }
    if actual == expected { return true }
    let error = abs(actual - expected)
    return relative ? error <= tolerance * abs(expected) : error <= tolerance
}
