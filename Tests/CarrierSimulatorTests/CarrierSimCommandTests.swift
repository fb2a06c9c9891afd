import CarrierSimulator
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The `carrier-sim` executable end to end: its stdout lines (address, then the APIs' test credentials), the port
/// file, serving, and a clean stop on SIGTERM. Runs when the executable has been built beside the test runner (`swift build --build-tests` does).
@Suite(.timeLimit(.minutes(1)), .enabled(if: BuiltExecutable.carrierSim != nil))
struct CarrierSimCommandTests {
    struct Run: Sendable {
        var standardOutput: String
        var portFileContents: String
        var response: RawHTTPResponse
        var exitStatus: Int32
    }

    @Test func printsItsAddressAndCredentialsServesAndStopsCleanlyOnSIGTERM() async throws {
        let fixtures = try TemporaryFixtures()
        let executable = try #require(BuiltExecutable.carrierSim)
        let portFile = fixtures.directory.appendingPathComponent("port")
        let run = try await onBlockingThread {
            let process = Process()
            process.executableURL = executable
            process.arguments = ["--fixtures", fixtures.directory.path, "--port-file", portFile.path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            defer { if process.isRunning { process.terminate() } }

            // The lines are printed once the port file is written, so they are the signal to go on.
            var printed = Data()
            while printed.count(where: { $0 == UInt8(ascii: "\n") }) < 5 {
                let more = output.fileHandleForReading.availableData
                guard !more.isEmpty else { break }
                printed += more
            }
            let portText = try String(contentsOf: portFile, encoding: .utf8)
            let port = Int(portText.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            let response = try RawHTTPConnection.exchange(
                port: port,
                RawHTTPConnection.get(uspsTarget("9400111899223197428490"))
            )
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            printed += output.fileHandleForReading.readDataToEndOfFile()
            return Run(
                standardOutput: String(decoding: printed, as: UTF8.self),
                portFileContents: portText,
                response: response,
                exitStatus: process.terminationStatus
            )
        }
        let port = try #require(Int(run.portFileContents.trimmingCharacters(in: .whitespacesAndNewlines)))
        let credentials = CarrierSimulator.testCredentials
        #expect(
            run.standardOutput
                == "carrier-sim listening on http://127.0.0.1:\(port)\nUSPS_CLIENT_ID=\(credentials.uspsClientID)\n"
                + "USPS_CLIENT_SECRET=\(credentials.uspsClientSecret)\nTRACK17_API_KEY=\(credentials.track17APIKey)\n"
                + "EMS_EUB_TOKEN=\(credentials.emsToken)\n"
        )
        #expect(run.response.text == TestPages.delivered)
        #expect(run.exitStatus == 0)
    }

    @Test func refusesANonLoopbackHost() async throws {
        let fixtures = try TemporaryFixtures()
        let executable = try #require(BuiltExecutable.carrierSim)
        let exitStatus = try await onBlockingThread {
            let process = Process()
            process.executableURL = executable
            process.arguments = ["--fixtures", fixtures.directory.path, "--host", "0.0.0.0"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(exitStatus != 0)
    }
}
