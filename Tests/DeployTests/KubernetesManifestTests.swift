import Testing

/// Checks deploy/k8s: a Deployment and a Service per service, with probes on `/ready` and `/health`.
@Suite("deploy/k8s")
struct KubernetesManifestTests {
    private func documents(of expected: ExpectedService) throws -> (deployment: YAMLNode, service: YAMLNode) {
        let documents = try YAMLOutline.parseDocuments(try RepositoryFile.text("deploy/k8s/\(expected.name).yaml"))
        let deployment = try #require(documents.first { $0["kind"]?.value == "Deployment" })
        let service = try #require(documents.first { $0["kind"]?.value == "Service" })
        return (deployment, service)
    }

    @Test(arguments: ExpectedService.all)
    func deploymentRunsTheServiceWithProbes(_ expected: ExpectedService) throws {
        let deployment = try documents(of: expected).deployment
        #expect(deployment["spec"]?["replicas"]?.value == "2")
        let container = try #require(deployment["spec"]?["template"]?["spec"]?["containers"]?.items.first)
        #expect(container["args"]?.flowSequence == [expected.name])
        #expect(container["ports"]?.items.first?["containerPort"]?.value == String(expected.port))
        #expect(container["readinessProbe"]?["httpGet"]?["path"]?.value == "/ready")
        #expect(container["livenessProbe"]?["httpGet"]?["path"]?.value == "/health")
    }

    @Test(arguments: ExpectedService.all)
    func serviceSelectsTheDeployment(_ expected: ExpectedService) throws {
        let (deployment, service) = try documents(of: expected)
        let selector = service["spec"]?["selector"]?["app.kubernetes.io/name"]?.value
        #expect(selector == expected.name)
        #expect(deployment["spec"]?["selector"]?["matchLabels"]?["app.kubernetes.io/name"]?.value == selector)
        let type = service["spec"]?["type"]?.value
        #expect(type == (expected.name == ExpectedService.gateway.name ? "LoadBalancer" : "ClusterIP"))
    }
}
