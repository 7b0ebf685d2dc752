extension AuditEvent {
    package var chinese: String {
        switch self {
        case .rosterImport(let source, let students, let added, let updated, let moved, let unchanged):
            "\(source)：\(students) 名学生，新增 \(added)，更新 \(updated)（其中调班 \(moved)），未变 \(unchanged)"
        case .paperImport(let path, let sha256, let wave, let battery, let valid, let stored, let strangers):
            "\(path)（sha256 \(sha256)）导入筛查批次 \(wave)，问卷组 \(battery)：有效记录 \(valid) 条，保存 \(stored) 条，不在名单上 \(strangers) 条"
        case .terminalStart(let student, let wave, let battery), .terminalRefusal(let student, let wave, let battery):
            "\(student)，筛查批次 \(wave)，问卷组 \(battery)"
        case .terminalFinish(let attempt, let level): "作答记录 \(attempt)：\(Term.level(level).chinese)"
        case .followUp(let student, let wave, let status): "\(student)，筛查批次 \(wave)：\(Term.followUp(status).chinese)"
        case .export(let what, let path, let rows): "\(what.chinese) 写入 \(path == "-" ? "标准输出" : path)：\(rows) 行"
        case .waveClose(let wave, let k, let students, let changed): "\(wave)：k = \(k)，名单学生 \(students) 名，自上次关闭以来变化 \(changed) 名"
        case .waveOpen(let wave): wave
        }
    }
}

extension AuditAction {
    package var chinese: String {
        switch self {
        case .rosterImport: "导入名单"
        case .paperImport: "导入纸质问卷结果"
        case .terminalStart: "终端开始作答"
        case .terminalRefusal: "终端拒绝参加"
        case .terminalFinish: "终端完成作答"
        case .followUp: "随访"
        case .export: "导出"
        case .waveClose: "关闭筛查批次"
        case .waveOpen: "重新打开筛查批次"
        }
    }
}

extension IdentifiedExport {
    package var chinese: String {
        switch self {
        case .results(let wave): "筛查批次 \(wave) 的结果"
        case .unscreened(let wave): "筛查批次 \(wave) 的未筛查名单"
        case .register(let wave): "筛查批次 \(wave) 的预警名册"
        case .paperForms(let wave): "筛查批次 \(wave) 的纸质问卷"
        case .dataEntryWorkbook(let wave): "筛查批次 \(wave) 的录入工作簿"
        }
    }
}
