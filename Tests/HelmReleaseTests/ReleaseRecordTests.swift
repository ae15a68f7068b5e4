import Testing

@testable import HelmRelease

struct ReleaseRecordTests {
    @Test func testInit_labelsAsHelmsSecretDriver() throws {
        // Helm's labels on its own record, without the modifiedAt time stamp.
        let helm = try Fixtures.record("helm-secret-rel-v2.json")
        let release = try helm.release()
        let ours = try ReleaseRecord(release: release, kind: .secret, isUpdate: true, now: .at("2026-11-20T23:55:08Z"))
        #expect(ours.name == helm.name)
        #expect(ours.labels.filter { $0.key != "modifiedAt" } == helm.labels.filter { $0.key != "modifiedAt" })
        #expect(ours.labels["modifiedAt"] == "1795218908")
        #expect(ours.labels["createdAt"] == nil)
    }

    @Test func testInit_createSetsCreatedAt() {
        let release = makeRelease("web", version: 1, status: .pendingInstall)
        let record = try? ReleaseRecord(
            release: release, kind: .configMap, isUpdate: false, now: .at("1970-01-01T00:01:40Z"))
        #expect(
            record?.labels == [
                "createdAt": "100", "name": "web", "owner": "helm", "status": "pending-install", "version": "1",
            ])
    }

    @Test func testKubernetesObject_secretFormMatchesHelm() throws {
        let helmObject = try JSONParser.parse(try Fixtures.data("helm-secret-rel-v1.json"))
        let record = try ReleaseRecord(kubernetesObject: helmObject)
        let object = record.kubernetesObject
        #expect(object["type"] == "helm.sh/release.v1")
        #expect(object["type"] == helmObject["type"])
        #expect(object["data"]?["release"] == helmObject["data"]?["release"])
        #expect(object["metadata"]?["labels"] == helmObject["metadata"]?["labels"])
        #expect(object["metadata"]?["name"] == "sh.helm.release.v1.rel.v1")
        #expect(try ReleaseRecord(kubernetesObjectJSON: record.kubernetesObjectJSON) == record)
    }

    @Test func testKubernetesObject_configMapFormMatchesHelm() throws {
        let helmObject = try JSONParser.parse(try Fixtures.data("helm-configmap-cmrel-v1.json"))
        let record = try ReleaseRecord(kubernetesObject: helmObject)
        #expect(record.kind == .configMap)
        #expect(record.kubernetesObject["type"] == nil)
        #expect(record.kubernetesObject["data"]?["release"] == helmObject["data"]?["release"])
        #expect(record.resourceVersion == helmObject["metadata"]?["resourceVersion"]?.stringValue)
    }

    @Test func testRelease_dropsSystemLabels() throws {
        let release = try Fixtures.record("helm-secret-rel-v1.json").release()
        #expect(release.labels == ["team": "blue"])
    }

    @Test(
        arguments: [
            ("sh.helm.release.v1.web.v3", "web", 3),
            ("sh.helm.release.v1.my-app.v12", "my-app", 12),
            ("web.v1", "web", 1),
        ] as [(String, String, Int)])
    func testReleaseKey_parsesHelmKeys(_ text: String, _ name: String, _ version: Int) {
        #expect(ReleaseKey(parsing: text) == ReleaseKey(name: name, version: version))
    }

    @Test(arguments: ["sh.helm.release.v1.web", "sh.helm.release.v1.web.vx", "sh.helm.release.v1.a.v1.v2"])
    func testReleaseKey_rejectsInvalidKeys(_ text: String) {
        #expect(ReleaseKey(parsing: text) == nil)
    }

    @Test func testReleaseKey_description() {
        #expect(ReleaseKey(name: "web", version: 3).description == "sh.helm.release.v1.web.v3")
        #expect(ReleaseLease.objectName(release: "web") == "fluxhelm-release-web")
    }
}
