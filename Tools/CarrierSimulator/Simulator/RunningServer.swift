import NIOCore
import NIOPosix

/// The resources of a started simulator, released together by `CarrierSimulator.stop()`.
struct RunningServer: Sendable {
    let eventLoopGroup: MultiThreadedEventLoopGroup
    let threadPool: NIOThreadPool
    let serverChannel: any Channel
    let port: Int
    let baseURL: String
}
