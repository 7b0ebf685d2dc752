extension CommandMessage {
    package var chinese: String {
        switch self {
        case .ignoredLanguageSetting(let value): "PSYSCREEN_LANG 的值 '\(value)' 既不是 zh-Hans 也不是 en，已忽略"
        case .usageErrorFollows: "命令行参数有误。下面是参数解析库 argument-parser 的英文说明（用法见 psyscreen 子命令 --help）："
        case .undeclaredOutput(let path): "内部错误：输出 \(path) 没有在命令的文件清单中声明"
        case .unexpected(let description): "意外错误：\(description)"
        case .noInstrumentsFolder(let variable): "找不到问卷文件夹：请用 --instruments 文件夹 指定，或设置环境变量 \(variable)"
        case .badEncoding(let value): "--encoding 只能是 auto、utf-8 或 gb18030，不能是 '\(value)'"
        case .badDelimiter(let value): "--delimiter 只能是 auto、','、';' 或 tab，不能是 '\(value)'"
        case .sayWhatToScore: "请指定要计分的问卷：--battery 问卷组 或 --instrument 问卷（可重复）"
        case .batteryAndInstrument: "--battery 和 --instrument 不能同时使用"
        case .errorsToStandardOutput: "--errors - 会把错误报告混进标准输出的数据行中；请指定一个文件"
        case .excelIsCSVOnly: "--excel 只适用于 CSV 输出"
        case .waveNeedsName: "--wave 需要一个批次名称，例如 2026-秋季"
        case .idleTimeoutPositive: "--idle-timeout 必须是正数（秒）"
        case .prefilledFormsNeedWave: "预填问卷需要 --wave（所属的筛查批次）；不加 --db 和 --wave 时生成空白问卷"
        case .pdfNeedsOutput: "--format pdf 需要 -o 文件"
        case .idBoxes(let low, let high): "--id-boxes 必须在 \(low) 到 \(high) 之间"
        case .importNeedsFile: "import 需要一个文件，不能从标准输入读取：再次导入时要靠文件的哈希值识别"
        case .keyIsAFile: "密钥必须是一个文件（--key 路径），不能写到标准输出"
        case .keyOnlyWithDeidentified: "--key 只和 --deidentified 一起使用"
        case .extractToFile: "去标识化数据只能写入文件（-o 文件），不能写到标准输出"
        case .extractBesideKey(let key): "数据会写在假名密钥（\(key)）旁边；密钥必须与导出文件分开存放"
        case .noKey(let key): "\(key) 处没有假名密钥：请先用 psyscreen key init 创建（或用 --key 路径 指定）；没有密钥不能导出去标识化数据"
        case .waveClosed(let wave, let students, let changed): "已关闭筛查批次 \(wave)：名单学生 \(students) 名，自上次关闭以来变化 \(changed) 名"
        case .waveOpened(let wave): "已重新打开筛查批次 \(wave)"
        case .waveAlreadyClosed(let wave, let k): "筛查批次 \(wave) 已按 k = \(k) 关闭，此后没有变化：无需再次关闭（如需重新确定发布模式，请先重新打开）"
        case .auditFailedWaveStaysOpen: "审核发现读者能缩小范围的人数；批次保持打开"
        case .auditHandedBack(let figures): "审核未能证明每个人数都受保护：另撤下 \(figures) 个数字后通过证明"
        case .auditFailedNothingWritten: "审核发现读者能缩小范围的人数；未写出任何内容"
        case .waveNotClosedWithK(let wave, let k):
            "筛查批次 '\(wave)' 没有以 k = \(k) 关闭：请重新打开并用 --min-cell \(k) 关闭，或使用 --draft"
        case .waveClosedWithOtherKeys(let wave): "筛查批次 '\(wave)' 关闭时使用的问卷或计分规则不同：请重新打开后再关闭"
        case .waveIsOpen(let wave):
            "筛查批次 '\(wave)' 尚未关闭：请先关闭（psyscreen wave close \(wave)），或用 --draft 写出仅本人可读的草稿"
        case .waveChangedSinceClosing(let wave, let students):
            "筛查批次 '\(wave)' 关闭后有变化（\(students) 名学生）：请重新打开再关闭（psyscreen wave open \(wave)，psyscreen wave close \(wave)），或使用 --draft"
        case .cannotCreateFolder(let folder, let reason): "无法创建 \(folder)：\(reason)"
        case .noBrowser(let candidates, let variable):
            "无法生成 PDF：没有找到 Chromium 类浏览器（已在 PATH 和 $\(variable) 中查找 \(candidates.joined(separator: "、"))）；请改为生成 HTML（--format html）再用浏览器打印，或安装一个浏览器（Debian/Ubuntu：apt-get install chromium）"
        case .kioskNeedsTerminal: "--kiosk 需要标准输出是终端：换学生时要清除屏幕和滚动记录，管道或文件做不到"
        case .noEnrolledStudents(let school, let grade, let className):
            "名单上" + Self.scope([school.map { "学校 \($0)" }, grade.map { "年级 \($0)" }, className.map { "班级 \($0)" }], in: "", "、")
                + "没有在籍学生"
        case .headersNotForJSON: "--headers human 只用于 csv 和 table；JSON 始终使用键名"
        case .records(let count): "\(count) 条记录"
        case .moreProblems(let count, let hint): "另有 \(count) 个问题没有显示；\(hint.chinese)"
        case .rosterNotImported(let count): "名单没有导入（\(count) 个问题）"
        case .rosterMoved(let id, let from, let to): "调班 \(id)：\(from) → \(to)"
        case .rosterSummary(let file, let students, let encoding, let added, let updated, let unchanged, let notInRoster):
            "\(file)：\(students) 名学生（\(encoding.chinese)）；新增 \(added)，更新 \(updated)，未变 \(unchanged)"
                + (notInRoster > 0 ? "；数据库中另有 \(notInRoster) 名学生不在这份名单上（保留）" : "")
        case .scoreSummary(let summary): summary.chinese
        case .importSummary(let summary): summary.chinese
        case .alreadyImported(let file, let wave, let at): "\(file)：已于 \(at) 导入筛查批次 \(wave)；没有任何改动"
        case .waveHasNoScreenings(let wave, let known): "筛查批次 '\(wave)' 还没有筛查记录（已有批次：\(known.joined(separator: "、"))）"
        case .exportNotAudited(let database): "当前用户对 \(database) 只有读权限：这次导出没有记入审计日志"
        case .studentsWritten(let count, let output): "已将 \(count) 名学生写入 \(output)"
        case .formsWritten(let output, let forms, let battery, let language, let pages):
            "\(output ?? "标准输出")：问卷组 \(battery) 的问卷 \(forms) 份（\(language)），"
                + (forms == 1 ? "\(pages) 页" : "每份 \(pages) 页，共 \(forms * pages) 页")
        case .followUpRecorded(let student, let wave, let status, let at, let by):
            "\(student)，筛查批次 \(wave)：\(Term.followUp(status).chinese)（\(at)，记录人 \(by)）"
        case .databaseDamaged(let problems):
            "数据库文件已损坏；请恢复最近的备份（见 README 的“备份”一节）。SQLite 发现：\n" + problems.map(\.chinese).joined(separator: "\n")
        case .databaseSound(let path): "\(path)：完好（SQLite integrity_check）"
        case .backedUp(let database, let file, let bytes): "\(database)：已备份到 \(file)\(bytes.map { "（\($0) 字节）" } ?? "")"
        case .keyCreated(let path): "已创建假名密钥 \(path)（权限 0600）；请备份，并与导出文件分开存放"
        case .kAnonymity(let k, let summary): "k-匿名（k = \(k)，按学校、年级、性别）：\(summary.chinese)"
        case .valid(let file): "\(file)：格式正确"
        case .rollupHeading: "按班级、年级、学校汇总"
        case .prefilledTemplateNeedsWave: "预填的录入表需要 --wave（所属的筛查批次）"
        case .prefilledTemplateIsWorkbook: "预填的录入表是 Excel 工作簿：请加 --format xlsx（或把输出文件命名为 *.xlsx）"
        case .csvOptionsOnWorkbook: "--encoding 和 --delimiter 只用于 CSV 文件；这是 Excel 工作簿"
        case .sheetOnCSV(let sheet): "--sheet \(sheet) 只用于 Excel 工作簿；这个文件按 CSV 读取"
        case .workbookOnTerminal: "工作簿是二进制文件：请用 -o 文件名.xlsx 指定输出文件"
        case .workbookWritten(let output, let battery, let language, let students):
            "\(output ?? "标准输出")：问卷组 \(battery) 的录入工作簿（\(language)）" + (students.map { "，已预填 \($0) 名学生" } ?? "")
        case .schemaProblems(let problems): problems.map(\.chinese).joined(separator: "\n")
        case .schemaCurrent(let path): "\(path)：正常（数据表结构为当前版本）"
        case .backupIsPostgres:
            "PostgreSQL 数据库用服务器自带的工具备份：pg_dump --format=custom --file=文件 数据库名（见 docs/lab-and-district.md）；psyscreen db copy --to 文件.sqlite 可以复制出一份 SQLite 数据库"
        case .rolesOnFile: "角色是 PostgreSQL 的功能：SQLite 文件靠文件权限（0600）和本机的登录账户来保护"
        case .rolesNeedServer: "角色是 PostgreSQL 的功能：请用 --db postgresql://… 指定服务器上的数据库"
        case .sayWhichRole: "请指定角色：--terminal、--counselor 学校 或 --admin"
        case .copyToItself: "--from 和 --to 指的是同一个数据库"
        case .tablesUpToDate(let database): "\(database)：数据表已是最新"
        case .migrationsApplied(let database, let applied): "\(database)：已执行迁移 \(applied.joined(separator: "、"))"
        case .rolesReady(let roles):
            "角色 \(roles.joined(separator: "、")) 已就绪：请用 psyscreen db grant 登录名 --terminal | --counselor 学校 | --admin 为每个登录角色授权"
        case .granted(let database, let login, let role): "\(database)：\(login) 现在是 \(role.chinese)"
        case .copied(let from, let to, let rows): "\(from) → \(to) 复制完成：\(rows)"
        case .databaseBusyWaiting(let database): "\(database)：数据库正忙（正在导入或备份），等待中……"
        case .answersInRecoveryFile(let student, let file, let wave, let battery):
            "\(student) 的回答没有存入数据库，已保存在 \(file)：数据库恢复正常后，用 `psyscreen import --wave \(wave) --battery \(battery) \(file)` 导入"
        case .answersNotKept(let student, let wave, let battery, let text):
            "\(student) 的回答没有存入数据库，也无法写出恢复文件；请把下面几行存为 CSV 文件，再用 `psyscreen import --wave \(wave) --battery \(battery) 文件` 导入：\n\(text)"
        }
    }
}

extension ProgressLabel {
    package var chinese: String { "计分" }
}

extension MoreProblemsHint {
    package var chinese: String {
        switch self {
        case .writeAllWithErrors: "用 --errors 文件 可写出全部问题"
        case .fixAndImportAgain: "改正后重新导入可看到其余问题"
        }
    }
}
