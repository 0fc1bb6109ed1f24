import CLibXML2
import Foundation

/// Inflates gzip (or zlib) data with the system zlib.
enum Gzip {
    enum Failure: Error { case broken, tooLarge }

    static func isCompressed(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1F && data[data.startIndex + 1] == 0x8B
    }

    /// The inflated bytes of `data`; throws when it is broken or would exceed `limit` bytes.
    static func decompress(_ data: Data, limit: Int) throws(Failure) -> Data {
        var stream = z_stream()
        guard sitrep_inflate_init_gzip(&stream) == Z_OK else { throw .broken }
        defer { inflateEnd(&stream) }
        var input = [UInt8](data)
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let outcome: Failure? = input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(inBuffer.count)
            while true {
                var status: Int32 = Z_OK
                let produced = buffer.withUnsafeMutableBufferPointer { out -> Int in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return out.count - Int(stream.avail_out)
                }
                guard status == Z_OK || status == Z_STREAM_END else { return .broken }
                output.append(contentsOf: buffer[0..<produced])
                if output.count > limit { return .tooLarge }
                if status == Z_STREAM_END { return nil }
                if produced == 0 && stream.avail_in == 0 { return .broken }
            }
        }
        if let outcome { throw outcome }
        return output
    }
}
