import Foundation
import PsyScreen

/// A questionnaire that is not shipped, made to catch code that only works for the shipped ones: options from −2
/// to 2 (negative answers), a response set with large values (−300…1000, beyond a byte), reverse-keyed items, a
/// mean scale with two decimals, and crisis flags on a high and on a negative answer.
package enum MoodFixture {
    package static let instrumentXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <instrument xmlns="urn:psyscreen:instrument:1" id="mood" version="1">
          <title xml:lang="en">Mood (test instrument, not shipped)</title>
          <instructions xml:lang="en">How much do you agree?</instructions>
          <copyright>Test fixture.</copyright>
          <citation>None.</citation>
          <responses id="agree">
            <option value="-2"><label xml:lang="en">Strongly disagree</label></option>
            <option value="-1"><label xml:lang="en">Disagree</label></option>
            <option value="0"><label xml:lang="en">Neither</label></option>
            <option value="1"><label xml:lang="en">Agree</label></option>
            <option value="2"><label xml:lang="en">Strongly agree</label></option>
          </responses>
          <responses id="wide">
            <option value="-300"><label xml:lang="en">Far below</label></option>
            <option value="0"><label xml:lang="en">Zero</label></option>
            <option value="250"><label xml:lang="en">Above</label></option>
            <option value="1000"><label xml:lang="en">Far above</label></option>
          </responses>
          <item id="1" responses="agree"><text xml:lang="en">I feel low.</text></item>
          <item id="2" responses="agree" reverse="true"><text xml:lang="en">I enjoy things.</text></item>
          <item id="3" responses="agree" reverse="true"><text xml:lang="en">I want to live.</text></item>
          <item id="4" responses="agree"><text xml:lang="en">I am tired.</text></item>
          <item id="5" responses="agree" reverse="true"><text xml:lang="en">I sleep well.</text></item>
          <item id="6" responses="agree"><text xml:lang="en">I think of hurting myself.</text></item>
          <item id="7" responses="wide"><text xml:lang="en">Points one.</text></item>
          <item id="8" responses="wide"><text xml:lang="en">Points two.</text></item>
          <scale id="total" method="sum" items="1 2 3 4 5 6" min-answered="5" prorate="true">
            <label xml:lang="en">Total</label>
            <band id="low" min="-12" max="0"><label xml:lang="en">Low</label></band>
            <band id="high" min="1" max="12"><label xml:lang="en">High</label></band>
          </scale>
          <scale id="average" method="mean" items="1 2 3 4 5 6" min-answered="4" decimals="2">
            <label xml:lang="en">Average</label>
            <band id="below" min="-2" max="0"><label xml:lang="en">Below</label></band>
            <band id="above" min="0.01" max="2"><label xml:lang="en">Above</label></band>
          </scale>
          <scale id="points" method="sum" items="7 8">
            <label xml:lang="en">Points</label>
            <band id="few" min="-600" max="499"><label xml:lang="en">Few</label></band>
            <band id="many" min="500" max="2000"><label xml:lang="en">Many</label></band>
          </scale>
          <flag id="harm" kind="crisis" items="6" min="1"><label xml:lang="en">Thoughts of self-harm</label></flag>
          <flag id="live" kind="crisis" items="3" min="-2" max="-2"><label xml:lang="en">Does not want to live</label></flag>
          <flag id="extreme" kind="attention" items="7 8" min="1000"><label xml:lang="en">Extreme points</label></flag>
        </instrument>
        """

    package static let batteryXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <battery xmlns="urn:psyscreen:instrument:1" id="moodcheck" version="1">
          <title xml:lang="en">Mood check</title>
          <instrument ref="mood"/>
          <instrument ref="phq9"/>
          <consent xml:lang="en">Will you answer?</consent>
          <closing xml:lang="en">Thank you.</closing>
          <crisis xml:lang="en">Please talk to a counselor today.</crisis>
          <policy>
            <red>
              <flag instrument="mood" id="harm"/>
              <flag instrument="mood" id="live"/>
              <flag instrument="phq9" id="item9"/>
            </red>
            <orange>
              <band instrument="mood" scale="total" ids="high"/>
            </orange>
            <yellow>
              <band instrument="mood" scale="points" ids="many"/>
            </yellow>
          </policy>
        </battery>
        """

    /// An instruments folder with the shipped files plus `mood.xml` and `moodcheck.xml`, under `directory`.
    @discardableResult
    package static func instrumentsFolder(in directory: String) throws -> String {
        let folder = directory + "/instruments"
        let manager = FileManager.default
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in try manager.contentsOfDirectory(atPath: Fixtures.instrumentsDirectory) {
            try manager.copyItem(atPath: Fixtures.instrumentsDirectory + "/" + name, toPath: folder + "/" + name)
        }
        try instrumentXML.write(toFile: folder + "/mood.xml", atomically: true, encoding: .utf8)
        try batteryXML.write(toFile: folder + "/moodcheck.xml", atomically: true, encoding: .utf8)
        return folder
    }

    /// The catalog of ``instrumentsFolder(in:)``, loaded once.
    package static let catalog: InstrumentCatalog = {
        let directory = Fixtures.temporaryDirectory("mood-catalog")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            return try InstrumentCatalog.load(directory: try instrumentsFolder(in: directory))
        } catch {
            fatalError("the mood fixture does not load:\n\(error)")
        }
    }()

    package static var instrument: Instrument { catalog.instrument("mood")! }
    package static var battery: Battery { catalog.battery("moodcheck")! }

    /// `count` complete random answer sheets of the mood instrument (item order), reproducible from `seed`.
    package static func sheets(_ count: Int, seed: UInt64) -> [[Int]] {
        var random = SplitMix64(seed: seed)
        let wide = [-300, 0, 250, 1000]
        return (0..<count).map { _ in
            // A common mood per student, so that the items correlate and alpha means something.
            let mood = Int(random.next() % 5) - 2
            var sheet = (0..<6).map { item -> Int in
                let noise = Int(random.next() % 3) - 1
                let value = max(-2, min(2, mood + noise))
                return [1, 2, 4].contains(item) ? -value : value  // reverse-keyed items are worded the other way
            }
            sheet += (0..<2).map { _ in wide[Int(random.next() % 4)] }
            return sheet
        }
    }
}
