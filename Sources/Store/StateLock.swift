import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One build or watch at a time on a state folder: an exclusive `flock` on `lock` inside it,
/// released when the process ends, however it ends (kill -9 included).
public final class StateLock {
    /// Another process holds the state.
    public struct Busy: Error, CustomStringConvertible {
        public var folder: String
        public var holder: String?
        public var description: String {
            "another sitrep build or watch\(holder.map { " (pid \($0))" } ?? "") is using the state in '\(folder)'; "
                + "wait for it to finish, or give this one its own --state"
        }
    }

    private let descriptor: Int32

    /// Takes the lock (`lock` inside the folder) or throws `Busy` at once.
    public convenience init(folder: String) throws {
        try self.init(path: (folder as NSString).appendingPathComponent("lock"))
    }

    /// Takes the lock on the file at `path` (made with its folder when missing).
    public init(path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(
            atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT, 0o644)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = read(descriptor, &buffer, buffer.count)
            close(descriptor)
            let holder = count > 0 ? String(decoding: buffer.prefix(count), as: UTF8.self) : nil
            throw Busy(folder: path, holder: holder?.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        _ = ftruncate(descriptor, 0)
        let pid = Array("\(getpid())\n".utf8)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
