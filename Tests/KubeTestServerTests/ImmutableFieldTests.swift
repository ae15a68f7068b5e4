import Testing

@testable import KubeTestServer

/// kube-apiserver's immutable fields and held CRD establishment, on the store without sockets. Expected messages
/// are kube's validation texts written out by hand (with JSON where kube prints a Go value).
struct ImmutableFieldTests {
    private let jobs = ObjectStore().resource(group: "batch", version: "v1", plural: "jobs")!
    private let services = ObjectStore().resource(group: "", version: "v1", plural: "services")!
    private let deployments = ObjectStore().resource(group: "apps", version: "v1", plural: "deployments")!
    private let crds = ObjectStore().resource(
        group: "apiextensions.k8s.io", version: "v1", plural: "customresourcedefinitions")!

    private func json(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

    private func job(image: String) throws -> JSONValue {
        try json(
            #"{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"migrate"},"spec":{"template":{"spec":"#
                + #"{"containers":[{"name":"m","image":"\#(image)"}],"restartPolicy":"Never"}}}}"#)
    }

    private func service(clusterIP: String?) throws -> JSONValue {
        let ip = clusterIP.map { #","clusterIP":"\#($0)""# } ?? ""
        return try json(
            #"{"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},"spec":{"ports":[{"port":80}]\#(ip)}}"#)
    }

    @Test func testUpdate_jobTemplateChange_isInvalid() throws {
        var store = ObjectStore()
        _ = try store.create(jobs, namespace: "default", body: try job(image: "a:1"), manager: "t")
        let error = #expect(throws: APIError.self) {
            try store.update(
                jobs, namespace: "default", name: "migrate", body: try job(image: "a:2"), subresource: .main,
                manager: "t")
        }
        #expect(error?.code == 422)
        #expect(error?.reason == "Invalid")
        #expect(error?.message.hasPrefix(#"Job.batch "migrate" is invalid: spec.template: Invalid value: "#) == true)
        #expect(error?.message.hasSuffix(": field is immutable") == true)
        #expect(error?.details?["kind"] == "Job")
        #expect(error?.details?["group"] == "batch")
    }

    @Test func testApply_jobTemplateChange_isInvalid_butLabelsMayChange() throws {
        var store = ObjectStore()
        _ = try store.patch(
            jobs, namespace: "default", name: "migrate", type: .apply,
            body: Array(try job(image: "a:1").serialized().utf8),
            subresource: .main, options: .init(fieldManager: "helm"))
        var labelled = try job(image: "a:1")
        labelled[path: ["metadata", "labels", "x"]] = "y"
        let result = try store.patch(
            jobs, namespace: "default", name: "migrate", type: .apply, body: Array(labelled.serialized().utf8),
            subresource: .main, options: .init(fieldManager: "helm"))
        #expect(result.object[path: ["metadata", "labels", "x"]] == "y")
        #expect(throws: APIError.self) {
            try store.patch(
                jobs, namespace: "default", name: "migrate", type: .apply,
                body: Array(try job(image: "a:2").serialized().utf8), subresource: .main,
                options: .init(fieldManager: "helm"))
        }
    }

    @Test func testUpdate_serviceClusterIP_mayNotChangeOnceSet_andIsKeptWhenOmitted() throws {
        var store = ObjectStore()
        _ = try store.create(services, namespace: "default", body: try service(clusterIP: "10.0.0.10"), manager: "t")
        let error = #expect(throws: APIError.self) {
            try store.update(
                services, namespace: "default", name: "web", body: try service(clusterIP: "10.0.0.11"),
                subresource: .main, manager: "t")
        }
        #expect(
            error?.message
                == #"Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.0.0.11"}: "#
                + "may not change once set"
        )
        let kept = try store.update(
            services, namespace: "default", name: "web", body: try service(clusterIP: nil), subresource: .main,
            manager: "t")
        #expect(kept[path: ["spec", "clusterIP"]] == "10.0.0.10")
    }

    @Test func testUpdate_deploymentSelectorChange_isInvalid() throws {
        var store = ObjectStore()
        func deployment(_ app: String) throws -> JSONValue {
            try json(
                #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"selector":"#
                    + #"{"matchLabels":{"app":"\#(app)"}},"template":{"metadata":{"labels":{"app":"\#(app)"}}}}}"#)
        }
        _ = try store.create(deployments, namespace: "default", body: try deployment("a"), manager: "t")
        let error = #expect(throws: APIError.self) {
            try store.update(
                deployments, namespace: "default", name: "web", body: try deployment("b"), subresource: .main,
                manager: "t")
        }
        #expect(
            error?.message
                == #"Deployment.apps "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"b"}}: "#
                + "field is immutable"
        )
    }

    @Test func testHeldCRD_isNotEstablishedOrServedUntilReleased() throws {
        var store = ObjectStore()
        store.holdsCRDEstablishment = true
        let crd = try json(
            #"{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":"#
                + #"{"name":"widgets.example.com"},"spec":{"group":"example.com","scope":"Namespaced","names":"#
                + #"{"plural":"widgets","kind":"Widget"},"versions":[{"name":"v1","served":true,"storage":true}]}}"#)
        let created = try store.create(crds, namespace: nil, body: crd, manager: "t")
        let established = created[path: ["status", "conditions"]]?.arrayValue?.first {
            $0["type"] == "Established"
        }
        #expect(established?["status"] == "False")
        #expect(established?["reason"] == "Installing")
        #expect(store.resource(group: "example.com", version: "v1", plural: "widgets") == nil)
        _ = store.drainEvents()

        store.establishHeldCRDs()
        let stored = try store.get(crds, namespace: nil, name: "widgets.example.com")
        let now = stored[path: ["status", "conditions"]]?.arrayValue?.first { $0["type"] == "Established" }
        #expect(now?["status"] == "True")
        #expect(store.resource(group: "example.com", version: "v1", plural: "widgets") != nil)
        #expect(store.drainEvents().map(\.type) == ["MODIFIED"])
    }
}
