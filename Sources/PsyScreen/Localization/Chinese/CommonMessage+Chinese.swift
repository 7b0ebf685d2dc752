extension CommonMessage {
    package var chinese: String {
        switch self {
        case .severity(.error): "错误："
        case .severity(.warning): "警告："
        case .libraryTextFollows: "说明：以下部分信息由 XML 校验程序 libxml2 给出，保留英文原文"
        case .standardOutput: "<标准输出>"
        case .standardInput: "<标准输入>"
        }
    }
}
