/// Default endpoints: they let every process start with no flags on one host.
public enum DefaultEndpoints {
    public static let plainIngest = "tcp://*:5555"
    public static let ackedIngest = "tcp://*:5556"
    public static let workers = "tcp://*:5557"
    public static let sink = "tcp://*:5558"

    public static let brokerForFeeders = "tcp://127.0.0.1:5556"
    public static let brokerForWorkers = "tcp://127.0.0.1:5557"
    public static let sinkForWorkers = "tcp://127.0.0.1:5558"

    public static let brokerMetricsPort = 9100
    public static let sinkMetricsPort = 9101
    public static let workerMetricsPort = 9102
}
