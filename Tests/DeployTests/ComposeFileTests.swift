import Testing

/// Checks the structure of docker-compose.yml: the services, how they are built and started, their
/// ports, health checks and start order.
@Suite("docker-compose.yml")
struct ComposeFileTests {
    let services: YAMLNode

    init() throws {
        let document = try YAMLOutline.parse(try RepositoryFile.text("docker-compose.yml"))
        services = try #require(document["services"], "docker-compose.yml has no `services:` block")
    }

    private func service(_ name: String) throws -> YAMLNode {
        try #require(services[name], "docker-compose.yml does not declare the service `\(name)`")
    }

    @Test func declaresPostgresAndEveryService() {
        let expected = Set(["postgres"] + ExpectedService.all.map(\.name))
        #expect(Set(services.keys) == expected)
    }

    @Test(arguments: ExpectedService.all)
    func serviceRunsFromTheSharedImage(_ expected: ExpectedService) throws {
        let node = try service(expected.name)
        #expect(node["build"]?["context"]?.value == ".")
        #expect(node["build"]?["dockerfile"]?.value == "deploy/Dockerfile")
        #expect(node["command"]?.flowSequence == [expected.name])
        #expect(node["restart"]?.value != nil)
        #expect(node["depends_on"] != nil)
    }

    @Test(arguments: ExpectedService.all)
    func healthcheckCallsHealthOnTheServicePort(_ expected: ExpectedService) throws {
        let test = try #require(try service(expected.name)["healthcheck"]?["test"]?.flowSequence)
        #expect(test.first == "CMD")
        #expect(test.contains("curl"))
        #expect(test.contains("http://127.0.0.1:\(expected.port)/health"))
    }

    @Test(arguments: ExpectedService.all)
    func environmentGivesTheServiceItsPortOnAllInterfaces(_ expected: ExpectedService) throws {
        let environment = try #require(try service(expected.name)["environment"])
        #expect(environment["\(expected.variablePrefix)_PORT"]?.value == String(expected.port))
        #expect(environment["\(expected.variablePrefix)_HOST"]?.value == "0.0.0.0")
        #expect(environment["INTERNAL_KEY"]?.value == "${INTERNAL_KEY:?set INTERNAL_KEY to a secret of your own}")
        #expect(environment["APP_ENV"]?.value != nil)
    }

    @Test func onlyTheGatewayPublishesAPort() throws {
        for node in services.children where node.key != ExpectedService.gateway.name {
            #expect(node["ports"] == nil, "`\(node.key ?? "?")` publishes ports; only the gateway may")
        }
        let ports = try #require(try service(ExpectedService.gateway.name)["ports"])
        #expect(ports.items.map(\.value) == ["8080:8080"])
    }

    @Test func gatewayWaitsForEveryServiceToBeHealthy() throws {
        let dependencies = try #require(try service(ExpectedService.gateway.name)["depends_on"])
        #expect(Set(dependencies.keys) == Set(ExpectedService.upstreams.map(\.name)))
        for dependency in dependencies.children {
            #expect(dependency["condition"]?.value == "service_healthy", "gateway on \(dependency.key ?? "?")")
        }
    }

    @Test(arguments: ExpectedService.upstreams)
    func serviceWaitsForAHealthyPostgres(_ expected: ExpectedService) throws {
        let dependencies = try #require(try service(expected.name)["depends_on"])
        #expect(dependencies.keys == ["postgres"])
        #expect(dependencies["postgres"]?["condition"]?.value == "service_healthy")
    }

    @Test(arguments: ExpectedService.upstreams)
    func serviceUsesTheComposeDatabase(_ expected: ExpectedService) throws {
        let url = try #require(try service(expected.name)["environment"]?["DATABASE_URL"]?.value)
        #expect(url.hasPrefix("postgres://"))
        #expect(url.contains("@postgres:5432/platform"))
    }

    @Test(arguments: ExpectedService.upstreams)
    func gatewayReachesTheServiceByItsComposeName(_ expected: ExpectedService) throws {
        let environment = try #require(try service(ExpectedService.gateway.name)["environment"])
        #expect(environment["\(expected.variablePrefix)_URL"]?.value == "http://\(expected.name):\(expected.port)")
    }

    @Test func postgresIsCheckedWithPgIsready() throws {
        let postgres = try service("postgres")
        #expect(postgres["image"]?.value == "postgres:15")
        #expect(postgres["healthcheck"]?["test"]?.value?.contains("pg_isready") == true)
        #expect(postgres["volumes"]?.items.isEmpty == false)
    }

    /// Uploaded files live with the content service, which serves them to the gateway's `/files/...`.
    @Test func uploadsVolumeIsMountedWhereContentKeepsFiles() throws {
        let content = try service("content")
        let volumes = try #require(content["volumes"])
        #expect(volumes.items.map(\.value).contains("uploads:/var/lib/platform/uploads"))
        #expect(content["environment"]?["CONTENT_FILES_DIR"]?.value == "/var/lib/platform/uploads")
        #expect(try service("gateway")["volumes"] == nil)
    }
}
