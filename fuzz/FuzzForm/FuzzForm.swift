import Foundation

// The web form decoder (Sources/AnketaWeb/FormData.swift, compiled beside this file by
// scripts/fuzz.sh without its Hummingbird request helper). Not a SwiftPM target: linking all of
// AnketaWeb under the fuzzer would instrument Hummingbird and NIO too.

/// Decodes any body without crashing; percent-encoding any text and decoding it gives the text back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzForm(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let body = String(decoding: bytes, as: UTF8.self)
    let form = FormData(body)
    // Every non-empty `&`-separated pair is one value.
    let pairs = body.split(separator: "&").count
    if form.fields.values.reduce(0, { $0 + $1.count }) != pairs { abort() }
    let encoded = body.utf8.map { byte in
        let hex = String(byte, radix: 16, uppercase: true)
        return "%" + (hex.count == 1 ? "0" + hex : hex)
    }.joined()
    let decoded = FormData.decode(Substring(encoded))
    if decoded != body {
        FileHandle.standardError.write(Data("invariant broken: percent round trip\n".utf8))
        abort()
    }
    let pair = FormData("a=" + encoded)
    if pair["a"] != body { abort() }
    return 0
}
