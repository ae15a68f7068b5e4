import Testing

@testable import KubeAPI

struct LabelSelectorTests {
    @Test func testDescription_rendersEveryOperator() {
        let selector: LabelSelector = [
            .equals("app", "web"), .notEquals("tier", "db"), .in("env", ["prod", "dev"]), .notIn("zone", ["b", "a"]),
            .exists("team"), .doesNotExist("legacy"),
        ]
        #expect(selector.description == "app=web,tier!=db,env in (dev,prod),zone notin (a,b),team,!legacy")
    }

    @Test func testMatchLabels_sortsKeys() {
        #expect(LabelSelector(matchLabels: ["b": "2", "a": "1"]).description == "a=1,b=2")
    }

    @Test func testMatches_followsKubernetesSemantics() {
        let labels = ["app": "web", "env": "prod"]
        #expect(LabelSelector([.equals("app", "web"), .in("env", ["prod"])]).matches(labels))
        #expect(LabelSelector([.notEquals("tier", "db")]).matches(labels))  // absent label satisfies !=
        #expect(!LabelSelector([.in("tier", ["db"])]).matches(labels))
        #expect(LabelSelector([.notIn("tier", ["db"])]).matches(labels))
        #expect(!LabelSelector([.doesNotExist("app")]).matches(labels))
    }

    @Test func testListOptions_queryIsPercentEncoded() {
        let client = KubeClient(config: KubeConfig(server: "https://h:6443/"), transport: MockTransport([]))
        let options = ListOptions(
            labelSelector: [.equals("app", "web"), .in("tier", ["a", "b"])], fieldSelector: "metadata.name=x",
            limit: 10, continueToken: "tok/en+=")
        let url = client.url(
            for: APICall(method: "GET", path: "/api/v1/configmaps", query: options.queryItems, action: ""))
        #expect(
            url == "https://h:6443/api/v1/configmaps?labelSelector=app%3Dweb%2Ctier%20in%20%28a%2Cb%29"
                + "&fieldSelector=metadata.name%3Dx&limit=10&continue=tok%2Fen%2B%3D")
    }

    @Test func testWatchOptions_query() {
        let options = WatchOptions(resourceVersion: "42", timeoutSeconds: 30)
        let items = options.queryItems.map { "\($0.0)=\($0.1)" }
        #expect(items == ["watch=true", "resourceVersion=42", "allowWatchBookmarks=true", "timeoutSeconds=30"])
    }
}
