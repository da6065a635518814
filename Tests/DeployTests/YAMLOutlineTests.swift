import Testing

/// Checks the outline reader on small documents shaped like the deployment files.
@Suite("YAML outline reader")
struct YAMLOutlineTests {
    @Test func readsNestedMappingsAndInlineValues() throws {
        let document = try YAMLOutline.parse(
            """
            # comment
            services:
              web:
                command: ["web", "--verbose"]
                environment:
                  URL: postgres://u:p@db:5432/x
                  PORT: "80"

              db:
                image: 'postgres:15'
            """)
        let services = try #require(document["services"])
        #expect(services.keys == ["web", "db"])
        #expect(services["web"]?["command"]?.flowSequence == ["web", "--verbose"])
        #expect(services["web"]?["environment"]?["URL"]?.value == "postgres://u:p@db:5432/x")
        #expect(services["web"]?["environment"]?["PORT"]?.value == "80")
        #expect(services["db"]?["image"]?.value == "postgres:15")
        #expect(services["db"]?.line == 9)
    }

    @Test func readsListsOfScalarsAndOfMappings() throws {
        let document = try YAMLOutline.parse(
            """
            ports:
              - "8080:8080"
              - data:/var/lib/data
            containers:
              - name: api
                ports:
                  - containerPort: 80
              - name: worker
            """)
        #expect(document["ports"]?.items.map(\.value) == ["8080:8080", "data:/var/lib/data"])
        let containers = try #require(document["containers"]?.items)
        #expect(containers.map { $0["name"]?.value } == ["api", "worker"])
        #expect(containers.first?["ports"]?.items.first?["containerPort"]?.value == "80")
    }

    @Test func splitsDocumentsAndKeepsLineNumbers() throws {
        let documents = try YAMLOutline.parseDocuments("kind: A\n---\nkind: B\nname: b\n")
        #expect(documents.map { $0["kind"]?.value } == ["A", "B"])
        #expect(documents.last?["name"]?.line == 4)
    }

    @Test func rejectsIndentationThatClosesNoBlock() {
        #expect(throws: YAMLOutlineError.self) {
            try YAMLOutline.parse("a:\n    b: 1\n  c: 2\n")
        }
    }

    @Test func rejectsLinesThatAreNotEntries() {
        #expect(throws: YAMLOutlineError.self) {
            try YAMLOutline.parse("just text\n")
        }
    }
}
