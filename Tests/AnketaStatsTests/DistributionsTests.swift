import Testing
import AnketaStats

@Suite("Distributions")
struct DistributionsTests {
    @Test func normalCdf() {
        // scipy 1.17.1 stats.norm.cdf(x)
        let cases: [(Double, Double)] = [
            (-8, 6.22096057427174e-16), (-5, 2.866515718791933e-07), (-1.96, 0.024997895148220435),
            (-1, 0.15865525393145707), (0, 0.5), (0.5, 0.6914624612740131), (1.644854, 0.9500000384745869),
            (3, 0.9986501019683699), (6, 0.9999999990134123),
        ]
        for (x, p) in cases { #expect(isClose(StandardNormal.cdf(x), p, 1e-12, relative: true)) }
        // scipy 1.17.1 stats.norm.sf(8), norm.sf(6)
        #expect(isClose(StandardNormal.survival(8), 6.22096057427174e-16, 1e-12, relative: true))
        #expect(isClose(StandardNormal.survival(6), 9.865876450376946e-10, 1e-12, relative: true))
    }

    @Test func normalQuantile() {
        // scipy 1.17.1 stats.norm.ppf(p)
        let cases: [(Double, Double)] = [
            (1e-12, -7.034483825301131), (1e-6, -4.753424308822899), (0.001, -3.090232306167813),
            (0.025, -1.9599639845400545), (0.3, -0.5244005127080409), (0.5, 0.0), (0.8, 0.8416212335729143),
            (0.975, 1.959963984540054), (0.999, 3.090232306167813), (1 - 1e-9, 5.997807019601637),
        ]
        for (p, x) in cases { #expect(isClose(StandardNormal.quantile(p), x, 1e-9)) }
        #expect(StandardNormal.quantile(0) == -.infinity)
        #expect(StandardNormal.quantile(1) == .infinity)
        #expect(StandardNormal.quantile(1.5).isNaN)
        #expect(isClose(StandardNormal.criticalValue(confidence: 0.95), 1.959963984540054, 1e-12))
    }

    @Test func chiSquareSurvival() {
        // scipy 1.17.1 stats.chi2.sf(x, k)
        let cases: [(Double, Double, Double)] = [
            (0.5, 1, 0.47950012218695337), (3.841458820694124, 1, 0.04999999999999989),
            (29.267, 4, 6.899345870085439e-06), (10, 3, 0.01856613546304325), (100, 5, 5.285148360943219e-20),
            (1, 10, 0.9998278843700441), (200, 150, 0.003973185970821635), (0.01, 2, 0.9950124791926823),
            (50, 1, 1.537459794428033e-12),
        ]
        for (x, k, p) in cases {
            #expect(isClose(ChiSquared.survival(x, degreesOfFreedom: k), p, 1e-10, relative: true))
        }
        #expect(ChiSquared.survival(0, degreesOfFreedom: 3) == 1)
        #expect(ChiSquared.survival(-1, degreesOfFreedom: 3) == 1)
        #expect(ChiSquared.survival(1, degreesOfFreedom: 0).isNaN)
        #expect(isClose(ChiSquared.cdf(10, degreesOfFreedom: 3), 1 - 0.01856613546304325, 1e-12))
    }

    @Test func studentTSurvival() {
        // scipy 1.17.1 stats.t.sf(t, df)
        let cases: [(Double, Double, Double)] = [
            (0.5, 1, 0.35241638234956674), (2.0, 3, 0.06966298427942152), (-1.5, 7.5, 0.912759714706768),
            (10, 4, 0.0002810018113579955), (2.5, 30, 0.009057824534033344), (40, 2, 0.0003122073360923703),
            (1.0, 1000, 0.15877620904233627), (0.1, 2.5, 0.4639032720312449),
        ]
        for (t, nu, p) in cases {
            #expect(isClose(StudentT.survival(t, degreesOfFreedom: nu), p, 1e-10, relative: true))
            #expect(isClose(StudentT.cdf(-t, degreesOfFreedom: nu), p, 1e-10, relative: true))
        }
        #expect(isClose(StudentT.twoSidedPValue(-2.0, degreesOfFreedom: 3), 2 * 0.06966298427942152, 1e-12))
        #expect(StudentT.twoSidedPValue(0, degreesOfFreedom: 3) == 1)
    }

    @Test func studentTQuantile() {
        // scipy 1.17.1 stats.t.ppf(p, df)
        let cases: [(Double, Double, Double)] = [
            (0.975, 1, 12.706204736174694), (0.975, 2, 4.302652729749462), (0.975, 9, 2.262157162798205),
            (0.975, 29.6, 2.0434303794806628), (0.995, 4, 4.604094871349992), (0.025, 12, -2.1788128296672293),
            (0.6, 3, 0.2766706623326898), (1e-8, 5, -62.4045061109673), (0.975, 1e6, 1.959966356814107),
        ]
        for (p, nu, t) in cases {
            #expect(isClose(StudentT.quantile(p, degreesOfFreedom: nu), t, 1e-10, relative: true))
        }
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 7) == 0)
        #expect(StudentT.quantile(-0.1, degreesOfFreedom: 7).isNaN)
        #expect(isClose(StudentT.criticalValue(confidence: 0.95, degreesOfFreedom: 9), 2.262157162798205, 1e-12))
    }

    @Test func logGamma() {
        // lgamma(0.5) = log √π; lgamma(10) = log 9! = log 362880
        #expect(isClose(SpecialFunctions.logGamma(0.5), 0.5723649429247001, 1e-14))
        #expect(isClose(SpecialFunctions.logGamma(10), 12.801827480081469, 1e-13))
        #expect(isClose(SpecialFunctions.logGamma(1), 0, 1e-15))
    }
}
