import CZeroMQ

public enum SocketType: Sendable {
    case pair, push, pull, dealer, router, pub, sub, req, rep

    var rawValue: Int32 {
        switch self {
        case .pair: ZMQ_PAIR
        case .push: ZMQ_PUSH
        case .pull: ZMQ_PULL
        case .dealer: ZMQ_DEALER
        case .router: ZMQ_ROUTER
        case .pub: ZMQ_PUB
        case .sub: ZMQ_SUB
        case .req: ZMQ_REQ
        case .rep: ZMQ_REP
        }
    }
}
