import Foundation
import IR
import Importers
import Testing

@testable import Runtime

/// Parameter files in `migrate run` (reference §6.3): each session sees its most specific section.
@Suite("run parameter scopes")
struct RunParameterScopeTests {
    @Test("a session's section overrides the global one for that session only; explicit values win")
    func sessionSectionWins() throws {
        let text = """
            [Global]
            $$LOAD_DATE=2026-11-29
            [TELCO_DWH.WF:wf_subscriber_usage]
            $DBConnection_DWH=ORA_DWH_PROD
            [TELCO_DWH.WF:wf_subscriber_usage.ST:s_m_load_usage_daily]
            $$LOAD_DATE=2026-11-30
            """
        let (file, diagnostics) = ParameterFileReader.read(bytes: Array(text.utf8), file: "wf.prm")
        #expect(diagnostics.isEmpty)
        var request = RunRequest(pipelines: [])
        request.parameterFile = file
        // The workflow itself (links, assignments): global and workflow sections.
        let workflow = request.parameterValues(folder: "TELCO_DWH", workflow: "wf_subscriber_usage", path: [])
        #expect(workflow["$$LOAD_DATE"] == "2026-11-29")
        #expect(workflow["$DBConnection_DWH"] == "ORA_DWH_PROD")
        // The session: its own section wins over the global one.
        let session = request.parameterValues(
            folder: "TELCO_DWH", workflow: "wf_subscriber_usage", path: ["s_m_load_usage_daily"])
        #expect(session["$$LOAD_DATE"] == "2026-11-30")
        #expect(session["$DBConnection_DWH"] == "ORA_DWH_PROD")
        // Another session of the workflow keeps the global value.
        let other = request.parameterValues(folder: "TELCO_DWH", workflow: "wf_subscriber_usage", path: ["s_other"])
        #expect(other["$$LOAD_DATE"] == "2026-11-29")
        // Values given explicitly win over the file.
        request.parameters = ["$$LOAD_DATE": "2027-01-01"]
        let explicit = request.parameterValues(
            folder: "TELCO_DWH", workflow: "wf_subscriber_usage", path: ["s_m_load_usage_daily"])
        #expect(explicit["$$LOAD_DATE"] == "2027-01-01")
    }
}

/// Session attributes that change evaluation settings.
@Suite("run session settings")
struct RunSessionSettingsTests {
    @Test("'Enable high precision' of the session task turns exact decimals on or off")
    func highPrecisionFollowsTheSession() {
        let now = DateTimeValue(day: 738_000, nanosecond: 0)
        let base = EvaluationSettings(sessionStart: now, now: now, currentYear: 2024)
        #expect(!base.highPrecision)
        let on = RunService.settings(base, session: [Attribute("Enable high precision", "YES")])
        #expect(on.highPrecision)
        var preset = base
        preset.highPrecision = true
        #expect(!RunService.settings(preset, session: [Attribute("Enable high precision", "NO")]).highPrecision)
        #expect(RunService.settings(preset, session: []).highPrecision, "no attribute keeps the setting")
        // The configuration object's attributes arrive with a 'config:' prefix.
        let formatted = RunService.settings(base, session: [Attribute("config:DateTime Format String", "YYYY-MM-DD")])
        #expect(formatted.dateTimeFormat == "YYYY-MM-DD")
        #expect(RunService.stopOnErrors([Attribute("config:Stop on errors", "25")]) == 25)
        #expect(
            RunService.stopOnErrors([Attribute("Stop on errors", "3"), Attribute("config:Stop on errors", "25")]) == 3)
        #expect(RunService.stopOnErrors([]) == 0)
    }
}
