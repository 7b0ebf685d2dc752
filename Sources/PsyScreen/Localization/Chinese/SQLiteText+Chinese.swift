extension SQLiteText {
    package var chinese: String {
        // The primary result codes of https://sqlite.org/rescode.html.
        switch code & 0xFF {
        case 3: "没有访问权限"
        case 5: "数据库正被其他程序使用"
        case 6: "数据库中的表被锁定"
        case 7: "内存不足"
        case 8: "数据库是只读的"
        case 10: "磁盘读写出错"
        case 11: "数据库映像已损坏"
        case 13: "磁盘或数据库已满"
        case 14: "无法打开数据库文件"
        case 23: "未获授权"
        case 26: "不是数据库文件"
        default: message
        }
    }
}
