/// Arithmetic in GF(256) with the QR code's primitive polynomial x⁸ + x⁴ + x³ + x² + 1 (0x11D).
enum GaloisField {
    /// exp[i] = αⁱ for i in 0..<510 (doubled so products need no modulo).
    static let exp: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 512)
        var value = 1
        for i in 0..<255 {
            table[i] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11D }
        }
        for i in 255..<512 { table[i] = table[i - 255] }
        return table
    }()

    /// log[x] for x in 1...255; log[0] is unused.
    static let log: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for i in 0..<255 { table[Int(exp[i])] = i }
        return table
    }()

    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 { return 0 }
        return exp[log[Int(a)] + log[Int(b)]]
    }
}

/// Reed–Solomon error correction as the QR code uses it.
enum ReedSolomon {
    /// Coefficients of the generator polynomial (x − α⁰)(x − α¹)…(x − α^(degree−1)),
    /// highest power first, leading 1 omitted.
    static func generator(degree: Int) -> [UInt8] {
        precondition((1...255).contains(degree))
        var poly = [UInt8](repeating: 0, count: degree)
        poly[degree - 1] = 1  // start with the monomial 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            // Multiply by (x − root); in GF(2ⁿ) subtraction is XOR.
            for j in 0..<degree {
                poly[j] = GaloisField.multiply(poly[j], root)
                if j + 1 < degree { poly[j] ^= poly[j + 1] }
            }
            root = GaloisField.multiply(root, 0x02)
        }
        return poly
    }

    /// The error-correction codewords for `data`: the remainder of data·x^degree divided by the generator.
    static func remainder(_ data: [UInt8], generator: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: generator.count)
        for byte in data {
            let factor = byte ^ result[0]
            result.removeFirst()
            result.append(0)
            if factor == 0 { continue }
            for i in 0..<result.count {
                result[i] ^= GaloisField.multiply(generator[i], factor)
            }
        }
        return result
    }

    static func eccCodewords(for data: [UInt8], count: Int) -> [UInt8] {
        remainder(data, generator: generator(degree: count))
    }
}
