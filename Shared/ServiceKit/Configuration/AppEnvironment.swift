/// The mode a process runs in: development and test allow documented example secrets and test
/// conveniences; production refuses them.
public enum AppEnvironment: String, Sendable, CaseIterable {
    case development
    case test
    case production
}
