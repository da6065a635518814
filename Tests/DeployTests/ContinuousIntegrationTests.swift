import Testing

/// Checks that the README documents the command continuous integration runs.
@Suite(".ci/run")
struct ContinuousIntegrationTests {
    @Test func lastCommandAppearsInTheReadme() throws {
        let command = try #require(try RepositoryFile.nonEmptyLines(".ci/run").last)
        let readme = try RepositoryFile.text("README.md")
        #expect(readme.contains(command), "README.md does not mention `\(command)`")
    }
}
