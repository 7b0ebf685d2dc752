/// Horizontal bar charts as inline SVG (no script, no external reference): each row a label, stacked segments
/// on a percentage axis, an optional target line, and a value at the end.
struct SVGBarChart {
    struct Segment {
        var percent: Double
        var color: String
        var title: String
    }

    struct Row {
        var label: String
        /// Empty when nothing may be drawn (hidden figures): the row shows the marker.
        var segments: [Segment]
        var value: String
    }

    var rows: [Row]
    /// The axis runs from 0 to this percentage.
    var axisMaximum: Double = 100
    /// A dashed line at this percentage (the 100 % coverage target).
    var target: Double?
    var targetLabel = ""
    var ariaLabel: String

    private let labelWidth = 250.0
    private let barWidth = 430.0
    private let valueWidth = 70.0
    private let rowHeight = 20.0
    private let top = 24.0

    func render() -> String {
        let width = labelWidth + barWidth + valueWidth
        let height = top + Double(rows.count) * rowHeight + 8
        var svg =
            "<svg class=\"chart\" role=\"img\" aria-label=\"\(HTMLText.escape(ariaLabel))\" "
            + "viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\">\n"
        // Axis ticks.
        for tick in stride(from: 0.0, through: axisMaximum, by: tickStep) {
            let x = labelWidth + barWidth * tick / axisMaximum
            svg += "<line x1=\"\(f(x))\" y1=\"\(f(top - 4))\" x2=\"\(f(x))\" y2=\"\(f(height - 8))\" class=\"grid\"/>"
            svg += "<text x=\"\(f(x))\" y=\"\(f(top - 8))\" class=\"tick\">\(f(tick))%</text>\n"
        }
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            svg += "<text x=\"\(f(labelWidth - 6))\" y=\"\(f(y + 14))\" class=\"label\">\(HTMLText.escape(row.label))</text>"
            var x = labelWidth
            for segment in row.segments where segment.percent > 0 {
                let w = barWidth * min(segment.percent, axisMaximum) / axisMaximum
                svg +=
                    "<rect x=\"\(f(x))\" y=\"\(f(y + 3))\" width=\"\(f(max(w, 0.5)))\" height=\"\(f(rowHeight - 6))\" "
                    + "fill=\"\(segment.color)\"><title>\(HTMLText.escape(segment.title))</title></rect>"
                x += w
            }
            svg +=
                "<text x=\"\(f(labelWidth + barWidth + 6))\" y=\"\(f(y + 14))\" class=\"value\">\(HTMLText.escape(row.value))</text>\n"
        }
        if let target {
            let x = labelWidth + barWidth * target / axisMaximum
            svg += "<line x1=\"\(f(x))\" y1=\"\(f(top - 2))\" x2=\"\(f(x))\" y2=\"\(f(height - 6))\" class=\"target\"/>"
            svg +=
                "<text x=\"\(f(x - 4))\" y=\"\(f(height - 1))\" class=\"target-label\">\(HTMLText.escape(targetLabel))</text>\n"
        }
        return svg + "</svg>\n"
    }

    private var tickStep: Double {
        axisMaximum > 50 ? 20 : axisMaximum > 20 ? 10 : 5
    }

    private func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

/// Escaping for text and attribute values.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
