import QRCode
import Testing

@Suite("Encoding")
struct EncodingTests {
    @Test("The smallest version that fits is chosen")
    func smallestVersion() throws {
        // Byte-mode capacities of versions 1 and 2 at level M are 14 and 26 bytes.
        #expect(try QRCode(String(repeating: "a", count: 14)).version == 1)
        #expect(try QRCode(String(repeating: "a", count: 15)).version == 2)
        #expect(try QRCode(String(repeating: "a", count: 26)).version == 2)
        #expect(try QRCode(String(repeating: "a", count: 27)).version == 3)
        // Cyrillic letters take two bytes each: 7 letters fill version 1-M.
        #expect(try QRCode("анкетаа").version == 1)
        #expect(try QRCode("анкетаая").version == 2)
        #expect(try QRCode("", correction: .high).version == 1)
    }

    @Test("Size is 4·version + 17")
    func size() throws {
        for length in [1, 100, 500, 1000, 2000] {
            let code = try QRCode(String(repeating: "z", count: length), correction: .low)
            #expect(code.size == 4 * code.version + 17)
        }
    }

    @Test("Version 40 is the limit; one more byte is a typed error")
    func tooLong() throws {
        for (correction, maximum) in [(QRCode.ErrorCorrection.low, 2953), (.medium, 2331), (.quartile, 1663), (.high, 1273)] {
            #expect(QRCode.maximumByteCount(correction: correction) == maximum)
            #expect(try QRCode(String(repeating: "x", count: maximum), correction: correction).version == 40)
            #expect(throws: QRCodeError.dataTooLong(byteCount: maximum + 1, maximum: maximum, correction: correction)) {
                try QRCode(String(repeating: "x", count: maximum + 1), correction: correction)
            }
        }
    }

    @Test("A forced mask outside 0...7 is a typed error")
    func invalidMask() {
        #expect(throws: QRCodeError.invalidMask(8)) { try QRCode("x", mask: 8) }
        #expect(throws: QRCodeError.invalidMask(-1)) { try QRCode("x", mask: -1) }
    }

    @Test("The automatic mask is one of the eight and equals forcing it")
    func automaticMask() throws {
        let text = "https://anketa.example.ru/опрос/родители-7б"
        for correction in QRCode.ErrorCorrection.allCases {
            let automatic = try QRCode(text, correction: correction)
            #expect((0...7).contains(automatic.mask))
            #expect(automatic == (try QRCode(text, correction: correction, mask: automatic.mask)))
        }
    }

    @Test("A forced mask is written in the format information and read back, at every level")
    func forcedMaskReadBack() throws {
        for correction in QRCode.ErrorCorrection.allCases {
            for mask in 0...7 {
                let code = try QRCode("https://anketa.example.ru/s/7b?code=ABCD-EFGH", correction: correction, mask: mask)
                #expect(code.mask == mask)
                #expect(code.correction == correction)
            }
        }
    }

    @Test("Byte mode for every text: digits and capitals, which other modes would pack, take a byte each")
    func byteMode() throws {
        // 14 bytes fill version 1-M in byte mode; numeric mode would fit 34 digits.
        #expect(try QRCode(String(repeating: "7", count: 14)).version == 1)
        #expect(try QRCode(String(repeating: "7", count: 15)).version == 2)
        #expect(try QRCode("HTTPS://A.RU/S/1").version == 2)  // 16 characters: alphanumeric mode would fit version 1
    }

    @Test("Different masks give different symbols with the same function patterns")
    func masksDiffer() throws {
        let codes = try (0...7).map { try QRCode("Anketa", correction: .low, mask: $0) }
        #expect(Set(codes).count == 8)
    }

    @Test("Finder patterns, timing patterns and the dark module are in place")
    func functionPatterns() throws {
        let code = try QRCode(String(repeating: "ы", count: 200), correction: .high)
        let n = code.size
        for (cx, cy) in [(3, 3), (n - 4, 3), (3, n - 4)] {
            #expect(code[cx, cy])  // centre
            #expect(code[cx - 3, cy - 3] && code[cx + 3, cy + 3])  // outer ring corners
            #expect(!code[cx - 2, cy - 2] && !code[cx + 2, cy])  // light ring
        }
        #expect(!code[7, 7] && !code[n - 8, 7] && !code[7, n - 8])  // separators
        for i in 8..<(n - 8) {
            #expect(code[i, 6] == (i % 2 == 0))
            #expect(code[6, i] == (i % 2 == 0))
        }
        #expect(code[8, n - 8])
    }

    @Test("Outside the symbol is light quiet zone")
    func outOfRange() throws {
        let code = try QRCode("x")
        #expect(!code[-1, 0] && !code[0, -1] && !code[code.size, 0] && !code[0, code.size])
    }
}

@Suite("SVG")
struct SVGTests {
    private func darkCount(_ code: QRCode) -> Int {
        var count = 0
        for y in 0..<code.size { for x in 0..<code.size where code[x, y] { count += 1 } }
        return count
    }

    private func occurrences(of needle: String, in text: String) -> Int {
        text.ranges(of: needle).count
    }

    @Test("One path over a white background, crisp edges, viewBox in modules")
    func structure() throws {
        let code = try QRCode("https://anketa.example.ru/s/7b")
        let svg = code.svg(moduleSize: 5, quietZone: 4)
        let extent = code.size + 8
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("width=\"\(extent * 5)\" height=\"\(extent * 5)\""))
        #expect(svg.contains("viewBox=\"0 0 \(extent) \(extent)\""))
        #expect(svg.contains("shape-rendering=\"crispEdges\""))
        #expect(svg.contains("<rect width=\"\(extent)\" height=\"\(extent)\" fill=\"#fff\"/>"))
        #expect(occurrences(of: "<path", in: svg) == 1)
        #expect(svg.contains("<title>QR code</title>"))
        #expect(svg.hasSuffix("</svg>\n"))
    }

    @Test("The path covers exactly the dark modules, offset by the quiet zone")
    func pathCoversDarkModules() throws {
        let code = try QRCode("Родительское собрание, 7Б", correction: .quartile)
        let svg = code.svg(quietZone: 2)
        let d = svg.split(separator: "d=\"")[1].prefix { $0 != "\"" }
        var covered = Set<Int>()
        for command in d.split(separator: "z") {
            // "M{x} {y}h{run}v1h-{run}"
            let numbers = command.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            #expect(numbers.count == 5)
            let (x, y, run) = (numbers[0] - 2, numbers[1] - 2, numbers[2])
            #expect(numbers[3] == 1 && numbers[4] == run)
            for dx in 0..<run {
                #expect(code[x + dx, y])
                covered.insert(y * code.size + x + dx)
            }
        }
        #expect(covered.count == darkCount(code))
        // The finder's 7-module top edge is a single merged run.
        #expect(d.hasPrefix("M2 2h7v1h-7z"))
    }

    @Test("The title is escaped")
    func titleEscaping() throws {
        let svg = try QRCode("x").svg(title: "Анкета \"Школа & <дом>\"")
        #expect(svg.contains("<title>Анкета &quot;Школа &amp; &lt;дом&gt;&quot;</title>"))
    }

    @Test("No quiet zone and minimum module size")
    func edges() throws {
        let code = try QRCode("x")
        let svg = code.svg(moduleSize: 0, quietZone: 0)
        #expect(svg.contains("viewBox=\"0 0 21 21\""))
        #expect(svg.contains("width=\"21\" height=\"21\""))
        #expect(svg.contains("d=\"M0 0h7v1h-7z"))
    }
}
