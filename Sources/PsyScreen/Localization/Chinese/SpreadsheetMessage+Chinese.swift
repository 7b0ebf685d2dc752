extension SpreadsheetMessage {
    package var chinese: String {
        func size(_ bytes: UInt64) -> String { ByteCount(bytes).chinese }
        func list(_ sheets: [String]) -> String { sheets.isEmpty ? "无" : sheets.map { "“\($0)”" }.joined(separator: "、") }
        return switch self {
        case .notRegularFile: "工作簿必须是普通文件（需要跳着读取）"
        case .notAZip(let detail): "不是可读取的 zip 文件，因此不是 .xlsx 工作簿（\(detail)）"
        case .tooManyEntries(let limit): "zip 中的条目超过 \(limit) 个，正常的工作簿不会有这么多"
        case .noPart(let part): "工作簿中缺少部件 \(part)"
        case .partTooLarge(let part, let bytes, let limit): "\(part) 解压后有 \(size(bytes))，超过 psyscreen 对这个部件的读取上限（\(size(limit))）"
        case .zipBomb(let part, let ratio, let compressed, let bytes):
            "\(part) 的压缩比是 \(ratio) 倍（\(size(compressed)) → \(size(bytes))），正常的工作簿不会这样：按 zip 炸弹拒绝读取"
        case .inflatesBeyondDeclared(let part, let bytes): "\(part) 解压后超过它声明的 \(size(bytes))：文件已损坏或被恶意构造"
        case .cannotInflate(let part, let detail): "\(part) 无法解压（\(detail)）：文件已损坏"
        case .damagedPart(let part): "\(part) 已损坏（大小或校验和与 zip 目录不符）"
        case .tooManyElements(let part, let element, let limit): "\(part)：<\(element)> 元素超过 \(limit) 个"
        case .legacyOrEncrypted:
            "这是 Excel 97–2003 工作簿（.xls）或加了密码的工作簿，psyscreen 无法读取：请在 Excel 或 WPS 中打开，另存为不加密码的“Excel 工作簿（.xlsx）”或“CSV UTF-8”"
        case .openDocument: "这是 OpenDocument 文件（.ods），不是 .xlsx 工作簿：请另存为 Excel 2007-365（.xlsx）或 CSV UTF-8"
        case .noContentTypes: "zip 文件中没有 [Content_Types].xml，因此不是 .xlsx 工作簿"
        case .noMainDocument: "文件包没有指明主文档（_rels/.rels），因此不是 .xlsx 工作簿"
        case .binaryWorkbook: "这是 Excel 二进制工作簿（.xlsb）；请另存为 .xlsx（Excel 工作簿）"
        case .notExcel(let type): "这个 zip 文件包不是 Excel 工作簿（\(type.isEmpty ? "没有内容类型" : type)）"
        case .cannotAssemble: "无法在内存中生成工作簿"
        case .sheetWithoutPart(let sheet): "工作表“\(sheet)”没有对应的部件：文件已损坏"
        case .noWorksheet(let sheets): "工作簿中没有工作表（其中的表：\(list(sheets))）"
        case .noSuchSheet(let sheet, let sheets): "工作簿中没有名为“\(sheet)”的表（其中的表：\(list(sheets))）"
        case .chartSheet(let sheet): "“\(sheet)”是图表，不是工作表"
        case .sharedStringsTooLarge(let part, let limit, let count):
            "\(part)：共享字符串表的文字超过 \(size(limit))（目前已有 \(count) 个字符串），超出 psyscreen 在内存中保留的上限；请把这张表另存为 CSV（UTF-8）或拆分"
        case .sharedStringTooLong(let part, let index, let limit): "\(part)：第 \(index) 个共享字符串超过 \(size(limit))，比 Excel 单元格能容纳的还长"
        case .sheetSource(let sheet): "Excel 工作表 \(sheet)"
        case .badCellReference(let reference): "有一个单元格的引用是“\(reference)”，不是有效的单元格"
        case .cellOutOfOrder(let cell): "单元格 \(cell) 出现在它右边的单元格之后：工作表已损坏"
        case .rowOutOfOrder(let row, let last): "行号“\(row)”不在第 \(last) 行之后：工作表已损坏"
        case .cellTooLong(let limit): "单元格内容超过 \(size(limit))，比 Excel 单元格能容纳的还多"
        case .tooManyRows(let limit): "工作表超过 \(limit) 行"
        case .noSuchSharedString(let index, let count): "单元格引用的共享字符串“\(index)”在工作簿中不存在（共有 \(count) 个）：文件已损坏"
        case .mergedHeader(let ranges, let more):
            "列名行中有合并单元格（\(ranges.joined(separator: "、"))\(more ? "……" : "")）：每一列都需要自己的列名单元格；请取消合并，并删除列名上方的标题行"
        }
    }
}

extension ByteCount {
    /// `512 字节`, `4.1 KB`.
    var chinese: String { bytes < 1_000 ? "\(bytes) 字节" : description }
}
