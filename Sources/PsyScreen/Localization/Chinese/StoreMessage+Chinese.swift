extension StoreMessage {
    package var chinese: String {
        switch self {
        case .databaseError(let sqlite): "数据库错误：\(sqlite.chinese)"
        case .diskFull(let sqlite): "磁盘已满：本次命令没有保存任何内容（数据库错误：\(sqlite.chinese)）"
        case .damaged(let detail):
            "数据库文件已损坏（SQLite：\(detail.chinese)）；本次命令已停止，没有做任何改动。请运行 psyscreen db check，然后恢复最近的备份（见 README 的“备份”一节）"
        case .cannotReadWithoutShm(let path):
            "无法读取数据库：它有 -wal 文件，而当前用户不能在旁边创建 \(path)-shm；请以数据库所有者的身份运行，或读取用 psyscreen db backup 做的副本"
        case .cannotCreate(let system): "无法创建数据库：\(system.chinese)"
        case .noDatabase:
            "这里没有数据库：请先用 psyscreen roster import 名单.csv 建立，或用 --db 路径 或环境变量 PSYSCREEN_DB 指定学校的数据库"
        case .cannotOpen(let system): "无法打开数据库：\(system.chinese)"
        case .notADatabaseFile: "不是数据库文件"
        case .newerVersion: "数据库由更新版本的 psyscreen 写入，请使用那个版本"
        case .olderVersion: "数据库由旧版本的 psyscreen 建立：请由有写权限的用户打开一次（例如运行 psyscreen db check）完成升级"
        case .waveNameNeeded: "需要筛查批次名称（例如 2026-秋季）"
        case .unknownItem(let battery, let item): "问卷组 '\(battery)' 没有题目 \(item)"
        case .noStudent(let id): "学生名单上没有学号 '\(id)'"
        case .noScreeningInWave(let student, let wave): "学生 '\(student)' 在筛查批次 '\(wave)' 中没有筛查记录"
        case .followUpNew: "每名学生的随访都从 new（待随访）开始；请记录 contacted（已联系）、counseling（心理辅导中）、referred（已转介）或 closed（已结案）"
        case .waveWithoutResults(let wave, let known):
            "筛查批次 '\(wave)' 还没有筛查结果" + (known.isEmpty ? "" : "（已有批次：\(known.joined(separator: "、"))）")
        case .unknownBattery(let wave, let battery, let directory, let problems):
            "筛查批次 '\(wave)' 使用的问卷组 '\(battery)' 不在 \(directory) 中" + problems.map { "\n" + $0.text(in: .chinese) }.joined()
        case .unknownStoredValue(let column, let text): "\(column) 中的值 '\(text)' 本版本的 psyscreen 不认识（数据库损坏了，还是来自更新的版本？）"
        case .importRunningElsewhere(let wave, let holder):
            "另一个 psyscreen（\(holder)）正在把这个文件导入筛查批次 \(wave)；请等它完成"
        case .importStopped: "导入已停止：另一个 psyscreen 以为它已中断，删除了它暂存的记录"
        case .atLine(let line, let text): "第 \(line) 行：\(text.chinese)"
        case .scaleCountMismatch(let instrument, let scales): "内部错误：\(instrument) 计分得到 \(scales) 个分量表"
        case .attemptNotHere(let id): "作答记录 \(id) 不是在这台终端开始或继续的"
        case .notEmpty(let tables): "目标数据库中已有数据（\(tables.joined(separator: "、"))）：请复制到一个新的空数据库"
        case .noSuchWave(let wave): "筛查批次 '\(wave)' 没有任何筛查结果"
        case .closingWouldShowChanges(let wave, let changed, let units, let more, let k):
            "不能再次关闭筛查批次 '\(wave)'：自上次关闭以来有 \(changed) 名学生的结果发生变化，再次发布会暴露他们："
                + units.map { "\($0.name.isEmpty ? "全体" : $0.name)：\($0.size) 人中变化 \($0.changed) 人" }.joined(separator: "；")
                + (more > 0 ? "；另有 \(more) 个单位" : "") + "（发布的每个单位中变化人数须为 0 或至少 k = \(k)）"
        case .changedWhileClosing(let wave): "关闭筛查批次 '\(wave)' 期间结果发生了变化：请再次关闭"
        case .other(let text): text.chinese
        }
    }
}
