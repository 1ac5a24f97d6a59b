import Hummingbird
import NIOCore

/// The request context: Hummingbird's core storage plus the client's address (used only for rate
/// limiting, never stored with a response).
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Forms are small; anything larger is refused before it is read.
    public var maxUploadSize: Int { 256 * 1024 }
}
