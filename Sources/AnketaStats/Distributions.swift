#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(ucrt)
import ucrt
#endif

// Low-level probability functions. Invalid arguments (NaN, a probability
// outside [0, 1], non-positive degrees of freedom) give NaN; the higher-level
// tests in this module never pass such arguments.

/// Special functions (log-gamma, regularized incomplete gamma and beta) used by the distributions.
public enum SpecialFunctions {
    private static let lanczosG = 7.0
    private static let lanczosCoefficients: [Double] = [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905,
        -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ]

    /// Natural logarithm of the gamma function for x > 0 (Lanczos, g = 7, n = 9; relative error ≈ 1e-15).
    public static func logGamma(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == .infinity ? .infinity : .nan }
        if x < 0.5 {
            // Reflection: Γ(x)Γ(1−x) = π / sin(πx); sin(πx) > 0 for 0 < x < 0.5.
            return log(Double.pi / sin(Double.pi * x)) - logGamma(1 - x)
        }
        let z = x - 1
        var sum = lanczosCoefficients[0]
        for i in 1..<lanczosCoefficients.count {
            sum += lanczosCoefficients[i] / (z + Double(i))
        }
        let t = z + lanczosG + 0.5
        return 0.5 * log(2 * Double.pi) + (z + 0.5) * log(t) - t + log(sum)
    }

    /// Regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a).
    public static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
        guard a > 0, x >= 0, !a.isNaN, !x.isNaN else { return .nan }
        if x == 0 { return 0 }
        if x == .infinity { return 1 }
        if x < a + 1 { return gammaSeries(a, x) }
        return 1 - gammaContinuedFraction(a, x)
    }

    /// Regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a) = 1 − P(a, x).
    public static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
        guard a > 0, x >= 0, !a.isNaN, !x.isNaN else { return .nan }
        if x == 0 { return 1 }
        if x == .infinity { return 0 }
        if x < a + 1 { return 1 - gammaSeries(a, x) }
        return gammaContinuedFraction(a, x)
    }

    /// Series for P(a, x), convergent for x < a + 1 (Numerical Recipes `gser`).
    private static func gammaSeries(_ a: Double, _ x: Double) -> Double {
        var ap = a
        var term = 1 / a
        var sum = term
        for _ in 0..<10_000 {
            ap += 1
            term *= x / ap
            sum += term
            if abs(term) < abs(sum) * 1e-16 { break }
        }
        return sum * exp(-x + a * log(x) - logGamma(a))
    }

    /// Continued fraction for Q(a, x), convergent for x ≥ a + 1 (Numerical Recipes `gcf`, modified Lentz).
    private static func gammaContinuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1...10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return exp(-x + a * log(x) - logGamma(a)) * h
    }

    /// Regularized incomplete beta function I_x(a, b).
    public static func regularizedIncompleteBeta(_ a: Double, _ b: Double, _ x: Double) -> Double {
        regularizedIncompleteBeta(a, b, x: x, oneMinusX: 1 - x)
    }

    /// I_x(a, b) with 1 − x supplied separately so that it keeps full precision when x is near 1.
    static func regularizedIncompleteBeta(_ a: Double, _ b: Double, x: Double, oneMinusX y: Double) -> Double {
        guard a > 0, b > 0, x >= 0, x <= 1, !a.isNaN, !b.isNaN, !x.isNaN else { return .nan }
        if x == 0 { return 0 }
        if y <= 0 { return 1 }
        let logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * log(x) + b * log(y)
        let front = exp(logFront)
        if x < (a + 1) / (a + b + 2) {
            return front * betaContinuedFraction(a, b, x) / a
        }
        return 1 - front * betaContinuedFraction(b, a, y) / b
    }

    /// Continued fraction for the incomplete beta function (Numerical Recipes `betacf`, modified Lentz).
    private static func betaContinuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let md = Double(m)
            let m2 = 2 * md
            var aa = md * (b - md) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + md) * (qab + md) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }
}

/// The standard normal distribution N(0, 1).
public enum StandardNormal {
    /// Probability density φ(x).
    public static func density(_ x: Double) -> Double {
        exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
    }

    /// Cumulative distribution Φ(x) = ½·erfc(−x/√2).
    public static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// Survival function 1 − Φ(x) = ½·erfc(x/√2), accurate in the upper tail.
    public static func survival(_ x: Double) -> Double {
        0.5 * erfc(x / 2.0.squareRoot())
    }

    /// Two-sided p-value 2·(1 − Φ(|z|)), capped at 1.
    public static func twoSidedPValue(_ z: Double) -> Double {
        guard !z.isNaN else { return .nan }
        return min(1, 2 * survival(abs(z)))
    }

    /// Quantile Φ⁻¹(p): Acklam's rational approximation refined by one Halley step (≈1e-15 relative).
    ///
    /// Returns −∞ for p = 0, +∞ for p = 1 and NaN outside [0, 1].
    public static func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                 3.754408661907416e+00]
        let pLow = 0.02425
        var x: Double
        if p < pLow {
            let q = (-2 * log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - pLow {
            let q = p - 0.5
            let r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * log1p(-p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        // One Halley step on the tail that is computed without cancellation.
        let e: Double
        if x < 0 {
            e = cdf(x) - p
        } else {
            e = (1 - p) - survival(x)
        }
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }

    /// Two-sided critical value z such that P(|Z| ≤ z) = confidence (1.959964 for 0.95).
    public static func criticalValue(confidence: Double) -> Double {
        guard confidence > 0, confidence < 1 else { return .nan }
        return -quantile((1 - confidence) / 2)
    }
}

/// The chi-square distribution with k degrees of freedom.
public enum ChiSquared {
    /// Cumulative distribution P(X ≤ x) = P(k/2, x/2).
    public static func cdf(_ x: Double, degreesOfFreedom k: Double) -> Double {
        guard k > 0, !x.isNaN else { return .nan }
        if x <= 0 { return 0 }
        return SpecialFunctions.regularizedGammaP(k / 2, x / 2)
    }

    /// Survival function P(X > x) = Q(k/2, x/2), the p-value of a chi-square statistic.
    public static func survival(_ x: Double, degreesOfFreedom k: Double) -> Double {
        guard k > 0, !x.isNaN else { return .nan }
        if x <= 0 { return 1 }
        return SpecialFunctions.regularizedGammaQ(k / 2, x / 2)
    }
}

/// Student's t distribution with ν (possibly non-integer) degrees of freedom.
public enum StudentT {
    /// Probability density of t with ν degrees of freedom.
    public static func density(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        guard nu > 0, !t.isNaN else { return .nan }
        let logD = SpecialFunctions.logGamma((nu + 1) / 2) - SpecialFunctions.logGamma(nu / 2)
            - 0.5 * log(nu * Double.pi) - (nu + 1) / 2 * log1p(t * t / nu)
        return exp(logD)
    }

    /// Two-sided p-value P(|T| ≥ |t|) = I_{ν/(ν+t²)}(ν/2, 1/2).
    public static func twoSidedPValue(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        guard nu > 0, !t.isNaN else { return .nan }
        if t.isInfinite { return 0 }
        let t2 = t * t
        let x = nu / (nu + t2)
        let y = t2 / (nu + t2)
        return min(1, SpecialFunctions.regularizedIncompleteBeta(nu / 2, 0.5, x: x, oneMinusX: y))
    }

    /// Survival function P(T > t).
    public static func survival(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        guard nu > 0, !t.isNaN else { return .nan }
        let half = 0.5 * twoSidedPValue(t, degreesOfFreedom: nu)
        return t >= 0 ? half : 1 - half
    }

    /// Cumulative distribution P(T ≤ t).
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        guard nu > 0, !t.isNaN else { return .nan }
        let half = 0.5 * twoSidedPValue(t, degreesOfFreedom: nu)
        return t <= 0 ? half : 1 - half
    }

    /// Quantile: the t with P(T ≤ t) = p, found by safeguarded Newton iteration on the tail probability.
    ///
    /// Returns −∞ for p = 0, +∞ for p = 1 and NaN outside [0, 1] or for ν ≤ 0.
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        guard nu > 0, p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        let upperTail = p > 0.5
        let q = upperTail ? 1 - p : p  // tail probability, q < 0.5
        let t = upperTailQuantile(q, nu)
        return upperTail ? t : -t
    }

    /// Two-sided critical value t such that P(|T| ≤ t) = confidence (2.262157 for 0.95 and ν = 9).
    public static func criticalValue(confidence: Double, degreesOfFreedom nu: Double) -> Double {
        guard confidence > 0, confidence < 1, nu > 0 else { return .nan }
        return upperTailQuantile((1 - confidence) / 2, nu)
    }

    /// Solves P(T > t) = q for t > 0, where 0 < q < 0.5.
    private static func upperTailQuantile(_ q: Double, _ nu: Double) -> Double {
        func f(_ t: Double) -> Double { 0.5 * twoSidedPValue(t, degreesOfFreedom: nu) - q }
        // Bracket the root: f(lo) > 0 ≥ f(hi).
        var lo = 0.0
        var hi = max(1.0, -StandardNormal.quantile(q))
        var iterations = 0
        while f(hi) > 0 && iterations < 2_000 {
            lo = hi
            hi *= 2
            iterations += 1
        }
        var t = 0.5 * (lo + hi)
        for _ in 0..<200 {
            let ft = f(t)
            if ft == 0 { return t }
            if ft > 0 { lo = t } else { hi = t }
            // Newton step: d/dt P(T > t) = −density(t).
            let step = ft / density(t, degreesOfFreedom: nu)
            var next = t + step
            if !(next > lo && next < hi) || !next.isFinite {
                next = 0.5 * (lo + hi)
            }
            if abs(next - t) <= 1e-15 * max(1, abs(next)) { return next }
            t = next
            if hi - lo <= 1e-15 * max(1, hi) { return 0.5 * (lo + hi) }
        }
        return t
    }
}
