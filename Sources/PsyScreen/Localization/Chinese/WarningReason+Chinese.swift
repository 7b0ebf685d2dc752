extension WarningReason {
    package var chinese: String {
        switch self {
        case .condition(.flag(let instrument, let flag)): "\(instrument) 触发标记 \(flag)"
        case .condition(.bands(let instrument, let scale, let bandIDs)):
            "\(instrument).\(scale) 分级为 \(bandIDs.joined(separator: "/"))"
        case .condition(.score(let instrument, let scale, let minimum, let maximum)):
            switch (minimum, maximum) {
            case (let low?, let high?): "\(instrument).\(scale) 分数在 \(format(low))–\(format(high))"
            case (let low?, nil): "\(instrument).\(scale) 分数 ≥ \(format(low))"
            case (nil, let high?): "\(instrument).\(scale) 分数 ≤ \(format(high))"
            case (nil, nil): "\(instrument).\(scale) 已计分"
            }
        case .crisisChangedAtTerminal: "曾在终端选择危机答案，之后又改了答案"
        case .recorded(let text): text
        }
    }
}

extension ValidityFinding {
    package var chinese: String {
        switch self {
        case .tooFast(let seconds, let minimum): "用时 \(Int(seconds.rounded())) 秒，少于最短用时 \(minimum) 秒"
        case .straightLining(let scale): "计分项 '\(scale)' 的每一题都选了同一个答案，而它含有反向计分题"
        }
    }
}
