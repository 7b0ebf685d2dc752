extension FileMessage {
    package var chinese: String {
        switch self {
        case .failed(let action, let system): "\(action.chinese)：\(system.chinese)"
        case .isDirectory: "这是一个文件夹，不是文件名"
        case .isDirectoryNotCSV: "这是一个文件夹，不是 CSV 文件"
        case .isSocket: "这是一个套接字，psyscreen 不能写入"
        case .changedWhileOpening: "打开时文件被改动了，请再试一次"
        case .alreadyDiscarded: "无法完成写入：输出已被放弃"
        case .wouldOverwrite(let file): "拒绝覆盖\(file.chinese)"
        case .sameFile(let first, let second): "\(first) 和 \(second) 指向同一个文件，请分别指定"
        case .shrankWhileRewritten: "改写时文件变小了"
        case .endedEarly: "临时文件提前结束（被其他程序截断了？）"
        case .gb18030Unavailable: "无法转换 GB18030 编码（缺少 glibc 的 gconv 模块）"
        case .cannotStartBrowser(let reason): "无法启动浏览器：\(reason)"
        case .printingTimedOut(let seconds): "\(seconds) 秒内没有打印完成"
        case .printingFailed(let status, let said): "打印 PDF 失败（退出状态 \(status)）\(said.isEmpty ? "" : "：\(said)")"
        case .cannotWritePageToPrint: "无法写出要打印的页面"
        case .notRegularFile: "不是普通文件"
        case .tooLarge(let bytes, let limit): "文件太大（\(bytes) 字节，上限 \(limit) 字节）"
        case .shrankWhileRead: "读取时文件变小了"
        case .unexpected(let description): "意外错误：\(description)"
        case .workbook(let message): message.chinese
        }
    }
}

extension FileAction {
    package var chinese: String {
        switch self {
        case .open: "无法打开"
        case .openForReading: "无法打开读取"
        case .openForWriting: "无法打开写入"
        case .read: "无法读取"
        case .readBack: "无法读回"
        case .write: "无法写入"
        case .writeToDisk: "无法写入磁盘"
        case .truncate: "无法截断"
        case .replace: "无法替换文件"
        case .createTemporaryFile: "无法创建临时文件"
        case .createTemporaryFileIn(let directory): "无法在 \(directory) 中创建临时文件"
        case .setTemporaryPermissions: "无法设置临时文件的权限"
        case .createTemporaryFolder: "无法创建临时文件夹"
        case .createFolder: "无法创建文件夹"
        case .readTemporaryFile: "无法读取临时文件"
        case .truncateTemporaryFile: "无法截断临时文件"
        }
    }
}

extension ProtectedFile {
    package var chinese: String {
        switch self {
        case .standardInput: "标准输入（本命令的输入）"
        case .input(let path): "输入文件 \(path)"
        case .database(let path): "数据库 \(path)"
        case .databaseCompanion(let path, let database): "数据库 \(database) 的附属文件 \(path)"
        case .pseudonymKey(let path): "假名密钥 \(path)"
        case .instrument(let path): "问卷文件 \(path)"
        }
    }
}
