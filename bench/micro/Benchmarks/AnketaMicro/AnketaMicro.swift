import AnketaAnalysis
import AnketaCollect
import AnketaCore
import AnketaStats
import Benchmark
import Foundation

/// The parents' questionnaire, read from the repository (the benchmark runs from bench/micro).
private func parents() -> Questionnaire {
    let here = URL(fileURLWithPath: #filePath)
    let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let url = root.appendingPathComponent("Questionnaires/parents-satisfaction.yaml")
    do { return try DefinitionLoader().load(contentsOf: url) } catch { fatalError("cannot read \(url.path): \(error)") }
}

let benchmarks: @Sendable () -> Void = {
    let questionnaire = parents()
    let parser = AnswerParser(questionnaire: questionnaire)
    let single = questionnaire.question("info_site")!
    let multiple = questionnaire.question("info_sources")!
    let metrics: [BenchmarkMetric] = [.cpuTotal, .wallClock, .mallocCountTotal, .instructions]

    // Cell → option code: the exact label (most cells), a typed variant, a checkbox cell.
    Benchmark("cell → option code (exact label)", configuration: .init(metrics: metrics, scalingFactor: .kilo)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? parser.parse("Скорее удовлетворён", for: single)) }
    }
    Benchmark("cell → option code (typed: case, spaces, «е»)", configuration: .init(metrics: metrics, scalingFactor: .kilo)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? parser.parse("  скорее   УДОВЛЕТВОРЕН. ", for: single)) }
    }
    Benchmark("checkbox cell → option codes", configuration: .init(metrics: metrics, scalingFactor: .kilo)) { benchmark in
        let cell = "Электронный дневник, электронный журнал, Родительский чат, мессенджеры, От ребёнка"
        for _ in benchmark.scaledIterations { blackHole(try? parser.parse(cell, for: multiple)) }
    }

    // One response into the tallies (the total and the level groups).
    var response = Response(submittedAt: "2026-04-12 19:03:11")
    for question in questionnaire.questions {
        switch question.kind {
        case .single: response[question.id] = .option("3")
        case .multiple: response[question.id] = .options(["site", "chat"])
        case .shortText: response[question.id] = .text("5А")
        default: break
        }
    }
    let fixed = response
    Benchmark("one response into the tallies (--by level)", configuration: .init(metrics: metrics, scalingFactor: .kilo)) { benchmark in
        var analyzer = Analyzer(questionnaire: questionnaire, wave: "bench", options: AnalysisOptions(groupings: ["level"]))
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { analyzer.add(fixed) }
        benchmark.stopMeasurement()
        blackHole(analyzer)
    }

    // Cronbach's α of 1,000 respondents × 7 items.
    var state: UInt64 = 42
    let rows: [[Double?]] = (0..<1000).map { _ in
        (0..<7).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double((state >> 33) % 4)
        }
    }
    Benchmark("Cronbach's α (1,000 × 7)", configuration: .init(metrics: metrics)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(CronbachAlpha.compute(rows)) }
    }
}
