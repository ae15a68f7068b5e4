/// One event from a watch.
public struct WatchEvent: Sendable, Hashable {
    /// The event type, as the API sends it.
    public struct EventType: Sendable, Hashable, CustomStringConvertible {
        /// The wire value, e.g. `ADDED`.
        public let description: String
        /// Creates a type from its wire value.
        public init(_ value: String) { description = value }
        /// The object was created (or existed when the watch started without a resourceVersion).
        public static let added = EventType("ADDED")
        /// The object changed.
        public static let modified = EventType("MODIFIED")
        /// The object was deleted; ``WatchEvent/object`` is its last state.
        public static let deleted = EventType("DELETED")
        /// A progress marker: only ``WatchEvent/object``'s `metadata.resourceVersion` is meaningful.
        public static let bookmark = EventType("BOOKMARK")
        /// The watch failed; the object is a `Status`. ``WatchEventStream`` throws instead of yielding these.
        public static let error = EventType("ERROR")
    }

    /// What happened.
    public var type: EventType
    /// The object (or, for ``EventType/error``, the Status).
    public var object: KubeObject

    /// Creates an event.
    public init(type: EventType, object: KubeObject) {
        self.type = type
        self.object = object
    }

    /// Decodes one line of a watch stream: `{"type":"ADDED","object":{...}}`.
    ///
    /// - Throws: ``KubeAPIError/Code/decoding`` when the line is not such an object.
    public init(line: some Collection<UInt8>, context: String = "watch") throws(KubeAPIError) {
        let json = try JSONParser.parse(line, context: "\(context): watch event")
        guard let type = json["type"]?.stringValue, let object = json["object"], case .object = object else {
            throw .decoding("\(context): watch event without \"type\" and \"object\"")
        }
        self.init(type: EventType(type), object: KubeObject(object))
    }
}
