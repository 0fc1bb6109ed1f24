/// The version of the merging rules: clustering event mentions from all articles into events.
public enum MergerVersion {
    public static let current = 0
}
