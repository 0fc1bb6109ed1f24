#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a path is, from one `stat` or `lstat` call (FileManager's attribute dictionaries cost far
/// more when a build looks at ten thousand files).
enum FileType: Equatable {
    case file, folder, link, other

    static func of(_ path: String, followingLinks: Bool) -> FileType? {
        var info = stat()
        let result = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .other
        }
    }
}

/// A file's size and modification time in seconds, from one `stat` call; nil when it is missing.
public enum FileStamp {
    public static func of(_ path: String) -> (size: Int, modified: Double)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        return (Int(info.st_size), Double(time.tv_sec) + Double(time.tv_nsec) / 1e9)
    }
}
