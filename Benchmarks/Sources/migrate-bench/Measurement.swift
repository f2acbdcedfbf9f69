#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Measurement helpers shared by the benchmark commands.

/// Seconds on the monotonic clock.
func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// A `/proc/self/status` figure such as `VmHWM:` (peak RSS), in bytes; 0 where it is not available.
func statusBytes(_ key: String) -> Int {
    let descriptor = open("/proc/self/status", O_RDONLY)
    guard descriptor >= 0 else { return 0 }
    defer { close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: 8192)
    let count = read(descriptor, &bytes, bytes.count)
    guard count > 0 else { return 0 }
    let status = String(decoding: bytes[0..<count], as: UTF8.self)
    for line in status.split(separator: "\n") where line.hasPrefix(key) {
        return (Int(line.filter(\.isNumber)) ?? 0) * 1024
    }
    return 0
}

/// `value` rounded to `decimals` places, as text.
func format(_ value: Double, _ decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    return "\(rounded)"
}
