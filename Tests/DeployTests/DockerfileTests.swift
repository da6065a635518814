import Foundation
import Testing

/// Checks deploy/Dockerfile: a build stage and a runtime stage, and a service started in exec form.
@Suite("deploy/Dockerfile")
struct DockerfileTests {
    let instructions: [String]

    init() throws {
        instructions = try RepositoryFile.nonEmptyLines("deploy/Dockerfile").filter { !$0.hasPrefix("#") }
    }

    private func lines(startingWith instruction: String) -> [String] {
        instructions.filter { $0.hasPrefix(instruction + " ") }
    }

    @Test func hasABuildStageAndARuntimeStage() {
        let stages = lines(startingWith: "FROM")
        #expect(stages.count == 2)
        #expect(stages.first?.hasSuffix(" AS build") == true)
        #expect(stages.last == "FROM debian:bookworm-slim")
    }

    @Test func entrypointIsInExecForm() throws {
        let entrypoint = try #require(lines(startingWith: "ENTRYPOINT").last)
        let json = Data(entrypoint.dropFirst("ENTRYPOINT ".count).utf8)
        let arguments = try JSONDecoder().decode([String].self, from: json)
        #expect(!arguments.isEmpty)
    }

    @Test func runtimeStageRunsAsANonRootUser() throws {
        let user = try #require(lines(startingWith: "USER").last)
        #expect(!["USER root", "USER 0", "USER 0:0"].contains(user))
    }

    @Test func copiesTheResourceBundlesWithTheExecutables() {
        #expect(instructions.contains { $0.contains("*.resources") })
        #expect(instructions.contains { $0.hasPrefix("COPY --from=build ") })
    }
}
