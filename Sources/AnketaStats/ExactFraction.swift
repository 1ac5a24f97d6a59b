/// An exact rational number p/q (q > 0, lowest terms) on machine integers.
///
/// Arithmetic reports overflow instead of trapping: every operation returns `nil` when a result
/// does not fit in `Int`, so a caller can give up cleanly rather than crash or round.
///
/// ```swift
/// let third = ExactFraction(1, 3)!
/// third.adding(third)?.adding(third) == ExactFraction(1)   // true, unlike 1.0/3 + 1.0/3 + 1.0/3 in general
/// ```
public struct ExactFraction: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    public static let zero = ExactFraction(0)
    public static let one = ExactFraction(1)

    /// An integer.
    public init(_ value: Int) {
        numerator = value
        denominator = 1
    }

    /// p/q reduced to lowest terms; `nil` when q is 0 or the reduced value does not fit.
    public init?(_ numerator: Int, _ denominator: Int) {
        guard denominator != 0, numerator != .min, denominator != .min else { return nil }
        let divisor = ExactFraction.gcd(abs(numerator), abs(denominator))
        let sign = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / Swift.max(divisor, 1)
        self.denominator = sign * denominator / Swift.max(divisor, 1)
    }

    public var isZero: Bool { numerator == 0 }
    public var isNegative: Bool { numerator < 0 }
    public var isPositive: Bool { numerator > 0 }

    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    public func adding(_ other: ExactFraction) -> ExactFraction? {
        let g = ExactFraction.gcd(denominator, other.denominator)
        let (left, o1) = numerator.multipliedReportingOverflow(by: other.denominator / g)
        let (right, o2) = other.numerator.multipliedReportingOverflow(by: denominator / g)
        let (sum, o3) = left.addingReportingOverflow(right)
        let (den, o4) = denominator.multipliedReportingOverflow(by: other.denominator / g)
        guard !(o1 || o2 || o3 || o4) else { return nil }
        return ExactFraction(sum, den)
    }

    public func subtracting(_ other: ExactFraction) -> ExactFraction? {
        guard other.numerator != .min else { return nil }
        return adding(ExactFraction(uncheckedNumerator: -other.numerator, denominator: other.denominator))
    }

    public func multiplied(by other: ExactFraction) -> ExactFraction? {
        // Cross-cancel first so that intermediate products stay small.
        let g1 = ExactFraction.gcd(abs(numerator), other.denominator)
        let g2 = ExactFraction.gcd(abs(other.numerator), denominator)
        let (num, o1) = (numerator / Swift.max(g1, 1)).multipliedReportingOverflow(by: other.numerator / Swift.max(g2, 1))
        let (den, o2) = (denominator / Swift.max(g2, 1)).multipliedReportingOverflow(by: other.denominator / Swift.max(g1, 1))
        guard !(o1 || o2) else { return nil }
        return ExactFraction(num, den)
    }

    public func divided(by other: ExactFraction) -> ExactFraction? {
        guard !other.isZero, other.numerator != .min else { return nil }
        let inverse = other.numerator < 0
            ? ExactFraction(uncheckedNumerator: -other.denominator, denominator: -other.numerator)
            : ExactFraction(uncheckedNumerator: other.denominator, denominator: other.numerator)
        return multiplied(by: inverse)
    }

    public static func < (lhs: ExactFraction, rhs: ExactFraction) -> Bool {
        // Compare a/b < c/d as a·d < c·b, in double width so that it never overflows.
        let left = lhs.numerator.multipliedFullWidth(by: rhs.denominator)
        let right = rhs.numerator.multipliedFullWidth(by: lhs.denominator)
        return (left.high, left.low) < (right.high, right.low)
    }

    private init(uncheckedNumerator: Int, denominator: Int) {
        numerator = uncheckedNumerator
        self.denominator = denominator
    }

    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}
