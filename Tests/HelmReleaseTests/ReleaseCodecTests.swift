import CompressNIO
import Foundation
import HelmEngine
import NIOCore
import Testing

@testable import HelmRelease

struct ReleaseCodecTests {
    static let helmRecords = ["helm-secret-rel-v1.json", "helm-secret-rel-v2.json", "helm-configmap-cmrel-v1.json"]

    // MARK: Helm's records

    @Test func testDecode_helmSecretRecord_everyField() throws {
        let record = try Fixtures.record("helm-secret-rel-v2.json")
        #expect(record.kind == .secret)
        #expect(record.name == "sh.helm.release.v1.rel.v2")
        let release = try record.release()

        #expect(release.name == "rel")
        #expect(release.namespace == "ns")
        #expect(release.version == 2)
        #expect(release.applyMethod == "ssa")
        #expect(release.labels == ["team": "blue"])
        #expect(release.config == ["greeting": "bonjour"])
        #expect(release.unknownFields.isEmpty)

        let info = try #require(release.info)
        #expect(info.status == .deployed)
        #expect(info.description == "second")
        #expect(info.notes == "Thank you for installing fixture as rel — ¡hola!\n")
        #expect(info.deleted.isZero)
        #expect(!info.firstDeployed.isZero && info.firstDeployed < info.lastDeployed)
        #expect(info.resources == nil)

        #expect(
            release.manifest
                == "---\n# Source: fixture/templates/configmap.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                + "  name: rel-cm\ndata:\n  greeting: \"bonjour\"\n  replicas: \"1\"\n"
                + "  file: \"Message of the day: ünïcödé\\n\"\n\n"
        )

        #expect(release.hooks.count == 1)
        let hook = try #require(release.hooks.first)
        #expect(hook.name == "rel-hook")
        #expect(hook.kind == "ConfigMap")
        #expect(hook.path == "fixture/templates/hook.yaml")
        #expect(hook.events == [.preInstall, .preUpgrade])
        #expect(hook.weight == -5)
        #expect(hook.deletePolicies == [.beforeHookCreation])
        #expect(hook.outputLogPolicies.isEmpty)
        #expect(hook.lastRun.phase == .succeeded)
        #expect(!hook.lastRun.startedAt.isZero && hook.lastRun.startedAt <= hook.lastRun.completedAt)
        #expect(hook.manifest.hasSuffix("data:\n  revision: \"2\"\n"))
    }

    @Test func testDecode_helmSecretRecord_chartMatchesChartOnDisk() throws {
        let release = try Fixtures.record("helm-secret-rel-v2.json").release()
        let chart = try #require(release.chart)
        let metadata = try #require(chart.metadata)
        #expect(metadata.name == "fixture")
        #expect(metadata.version == "1.2.3")
        #expect(metadata.apiVersion == "v2")
        #expect(metadata.appVersion == "4.5.6")
        #expect(metadata.type == "application")
        #expect(metadata.kubeVersion == ">=1.20.0-0")
        #expect(metadata.home == "https://example.com/fixture")
        #expect(metadata.icon == "https://example.com/icon.png")
        #expect(metadata.keywords == ["release", "fixture"])
        #expect(metadata.sources == ["https://example.com/src"])
        #expect(
            metadata.maintainers == [
                ChartMaintainer(name: "Ada", email: "ada@example.com", url: "https://example.com/ada")
            ])
        #expect(metadata.annotations == ["example.com/team": "núcleo"])
        #expect(metadata.description == "A chart whose release records the HelmRelease tests decode")
        #expect(metadata.dependencies.isEmpty && !metadata.deprecated)
        #expect(chart.lock == nil)

        let templates = try #require(chart.templates)
        #expect(
            templates.map(\.name) == [
                "templates/NOTES.txt", "templates/_helpers.tpl", "templates/configmap.yaml", "templates/hook.yaml",
            ])
        for file in templates {
            #expect(file.data == (try Fixtures.data("chart/" + file.name)), "\(file.name)")
            #expect(!file.modTime.isZero)
        }
        let files = try #require(chart.files)
        #expect(files.map(\.name) == ["files/blob.bin", "files/motd.txt"])
        for file in files {
            #expect(file.data == (try Fixtures.data("chart/" + file.name)), "\(file.name)")
        }
        #expect(chart.schema == (try Fixtures.data("chart/values.schema.json")))
        #expect(!chart.schemaModTime.isZero)
        #expect(
            chart.values
                == [
                    "greeting": "hello", "replicas": 1,
                    "nested": ["empty": [:], "list": [1, .number("2.5"), "three", true, nil]],
                ]
        )
    }

    @Test func testDecode_helmRecords_statusesAndLabels() throws {
        let first = try Fixtures.record("helm-secret-rel-v1.json")
        let release = try first.release()
        #expect(release.status == .superseded)
        #expect(release.info?.description == "first install")
        #expect(release.config == ["greeting": "hi", "extra": ["n": 3, "f": .number("1.5"), "s": "x"]])
        #expect(first.labels["status"] == "superseded" && first.labels["owner"] == "helm")

        let configMap = try Fixtures.record("helm-configmap-cmrel-v1.json")
        #expect(configMap.kind == .configMap)
        let cmRelease = try configMap.release()
        #expect(cmRelease.name == "cmrel" && cmRelease.status == .deployed && cmRelease.config == nil)
        #expect(cmRelease.info?.description == "Install complete")
    }

    /// Helm is the oracle for the bytes: re-encoding Helm's release must give exactly the JSON Helm wrote.
    @Test(arguments: Self.helmRecords)
    func testEncodeJSON_reproducesHelmBytes(_ fixture: String) throws {
        let record = try Fixtures.record(fixture)
        let codec = ReleaseCodec()
        let helmJSON = try codec.gunzipIfNeeded(try #require(Base64.decode(Array(record.body.utf8))), record: nil)
        let release = try codec.decodeJSON(helmJSON)
        #expect(String(decoding: codec.encodeJSON(release), as: UTF8.self) == String(decoding: helmJSON, as: UTF8.self))
    }

    // MARK: Round trips

    @Test(arguments: Self.helmRecords)
    func testEncode_decodeRoundTripsHelmRelease(_ fixture: String) throws {
        let codec = ReleaseCodec()
        let release = try Fixtures.record(fixture).release()
        var decoded = try codec.decode(try codec.encode(release))
        decoded.labels = release.labels  // labels live on the record object, not in the JSON
        #expect(decoded == release)
    }

    @Test func testEncode_followsHelmsDecodingRules() throws {
        // Helm's decodeRelease: base64 → gzip magic 1f 8b 08 → gunzip → JSON.
        let release = makeRelease("web", version: 3, status: .pendingUpgrade, written: .at("2026-01-02T03:04:05.6Z"))
        let text = try ReleaseCodec().encode(release)
        let raw = try #require(Base64.decode(Array(text.utf8)))
        #expect(Array(raw.prefix(3)) == [0x1F, 0x8B, 0x08])
        var buffer = ByteBuffer(bytes: raw)
        let json = try buffer.decompress(with: .gzip())
        let object = try JSONParser.parse(Array(json.readableBytesView))
        #expect(object["name"] == "web")
        #expect(object["version"] == 3)
        #expect(object["namespace"] == "ns")
        #expect(object["info"]?["status"] == "pending-upgrade")
        #expect(object["info"]?["last_deployed"] == "2026-01-02T03:04:05.6Z")
        #expect(object["info"]?["deleted"] == nil)
        #expect(object["chart"] == nil && object["config"] == nil && object["hooks"] == nil)
    }

    @Test func testDecode_acceptsPlainJSONWithoutGzip() throws {
        // Records stored before Helm compressed them are base64 of plain JSON.
        let text = Base64.encode(Array(#"{"name":"old","version":4,"info":{"status":"deployed"}}"#.utf8))
        let release = try ReleaseCodec().decode(text, record: "sh.helm.release.v1.old.v4")
        #expect(release.name == "old" && release.version == 4 && release.status == .deployed)
    }

    @Test func testEncodeJSON_oddImportValuesLockAndUnknownMembers_writesRecordBackUnchanged() throws {
        // Written by hand in Helm's field order: import-values that are neither a name nor a {child, parent} pair,
        // a lock with a zoned time and null dependencies, unknown members of the metadata and of a hook.
        let json =
            #"{"name":"n","chart":{"metadata":{"name":"c","dependencies":[{"name":"d","repository":"","#
            + #""import-values":["data",{"child":"a","parent":"b"},{"child":"a","parent":"b","x":1.50},7,null]}],"#
            + #""zz_future":{"k":[1e3]}},"lock":{"generated":"2026-01-02T03:04:05.5+02:00","digest":"sha256:x","#
            + #""dependencies":null},"templates":null,"values":null,"schema":null,"#
            + #""schemamodtime":"0001-01-01T00:00:00Z","files":null},"#
            + #""hooks":[{"name":"h","last_run":{"phase":""},"hook_future":{"b":true}}]}"#
        let codec = ReleaseCodec()
        let release = try codec.decodeJSON(Array(json.utf8))
        let dependency = try #require(release.chart?.metadata?.dependencies.first)
        #expect(
            dependency.importValues == [
                .exported("data"), .mapping(child: "a", parent: "b"),
                .ignored(json: #"{"child":"a","parent":"b","x":1.50}"#), .ignored(json: "7"), .ignored(json: "null"),
            ])
        #expect(release.chart?.lock?.dependencies == nil)
        #expect(release.chart?.lock?.generated.utcOffset == 7200)
        #expect(String(decoding: codec.encodeJSON(release), as: UTF8.self) == json)
    }

    @Test func testDecode_keepsUnknownFields() throws {
        let json =
            #"{"name":"n","info":{"status":"deployed","future_info":[1]},"version":1,"future":{"x":"y"},"#
            + #""hooks":[{"name":"h","last_run":{"phase":""},"hook_future":true}],"#
            + #""chart":{"metadata":{"name":"c","chart_future":1},"lock":null,"templates":null,"values":null,"#
            + #""schema":null,"schemamodtime":"0001-01-01T00:00:00Z","files":null,"more":"kept"}}"#
        let codec = ReleaseCodec()
        let release = try codec.decodeJSON(Array(json.utf8))
        #expect(release.unknownFields == ["future": ["x": "y"]])
        #expect(release.info?.unknownFields == ["future_info": [1]])
        #expect(release.hooks.first?.unknownFields == ["hook_future": "true"])
        #expect(release.chart?.unknownFields == ["more": "kept"])
        #expect(release.chart?.metadata?.unknownFields == ["chart_future": "1"])
        let again = try codec.decodeJSON(codec.encodeJSON(release))
        #expect(again == release)
    }

    @Test func testDecode_emptyTimeStringIsZero() throws {
        // Helm 4's Info and HookExecution read "" as the zero time.
        let json =
            #"{"name":"n","info":{"first_deployed":"","status":"failed"},"#
            + #""hooks":[{"last_run":{"started_at":"","phase":"Failed"}}]}"#
        let release = try ReleaseCodec().decodeJSON(Array(json.utf8))
        #expect(release.info?.firstDeployed.isZero == true)
        #expect(release.hooks.first?.lastRun.startedAt.isZero == true)
    }
}
