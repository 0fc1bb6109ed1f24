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
        info(path, followingLinks: followingLinks)?.type
    }

    /// The type, size and modification time from one call.
    static func info(_ path: String, followingLinks: Bool) -> (type: FileType, size: Int, modified: Double)? {
        var info = stat()
        let result = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { return nil }
        let type: FileType
        switch info.st_mode & S_IFMT {
        case S_IFREG: type = .file
        case S_IFDIR: type = .folder
        case S_IFLNK: type = .link
        default: type = .other
        }
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        return (type, Int(info.st_size), Double(time.tv_sec) + Double(time.tv_nsec) / 1e9)
    }
}

/// A folder's identity on its disk (device and inode): the same folder however a link reaches it.
struct FolderIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

/// A file's size and modification time in seconds, from one `stat` call; nil when it is missing.
public enum FileStamp {
    public static func of(_ path: String) -> (size: Int, modified: Double)? {
        FileType.info(path, followingLinks: true).map { ($0.size, $0.modified) }
    }
}
