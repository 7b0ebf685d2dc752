extension PostgresStoreMessage {
    package var chinese: String {
        switch self {
        case .rootCertificateMissing(let path):
            "根证书文件 \"\(path)\" 不存在：请提供该文件（sslrootcert=路径），或修改 sslmode，不再校验服务器证书"
        case .cannotSetUpTLS(let error): "无法建立 TLS 加密连接：\(error)"
        case .severalHosts: "一个 URL 中不支持多个主机：请只写一台服务器"
        case .invalidPort(let text): "端口 '\(text)' 无效"
        case .invalidSSLMode(let text, let modes): "sslmode '\(text)' 无效（可用：\(modes.joined(separator: "、"))）"
        case .invalidConnectTimeout(let text): "connect_timeout '\(text)' 无效（单位：秒）"
        case .notAURL: "不是 postgresql:// 形式的 URL"
        case .missingEquals(let pair): "URL 参数中 '\(pair)' 后面缺少 '='"
        case .unknownParameter(let key, let known): "不认识的参数 '\(key)'（psyscreen 支持：\(known.joined(separator: "、"))）"
        case .unclosedBracket: "主机名中的 '[' 没有闭合"
        case .unexpectedAfterHost(let text): "主机名后面多出了 '\(text)'"
        case .invalidPercentEncoding(let text): "'\(text)' 中的百分号编码无效"
        case .serverRefused(let message, let detail, let advice):
            "数据库服务器拒绝了请求"
                + (message.map { "（服务器说明：\($0)" + (detail.map { "；\($0)" } ?? "") + "）" } ?? "")
                + {
                    switch advice {
                    case .none: ""
                    case .permission(let role): "：数据库角色 '\(role)' 没有这项权限"
                    case .checkPassword: "；请检查 PGPASSWORD 或密码文件（~/.pgpass）"
                    case .createDatabase: "：请服务器管理员先创建数据库（createdb），再运行 psyscreen db init"
                    case .maxConnections: "：请在服务器上调大 max_connections（每台机房终端占用一个连接）"
                    case .hint(let hint): "（服务器提示：\(hint)）"
                    }
                }()
        case .passwordNeeded(let user):
            "服务器要求用户 '\(user)' 输入密码：请设置 PGPASSWORD，或在 ~/.pgpass（权限 0600）中为这台服务器加一行"
        case .tlsUnsupported(let mode): "服务器不接受 TLS 加密连接，而 sslmode=\(mode) 要求加密"
        case .tlsFailed(let reason): "TLS 加密连接失败" + (reason.map { "：\($0)" } ?? "（原因不明）")
        case .certificateRejected(let reason): "TLS 加密连接失败：服务器的证书未被接受（\(reason)）"
        case .cannotConnect(let reason):
            "无法连接到服务器" + (reason.map { "（\($0)）" } ?? "") + "：那里的 PostgreSQL 是否在运行并接受连接？"
        case .closedWhileConnecting: "连接过程中服务器关闭了连接"
        case .connectionLost: "与服务器的连接已断开"
        case .databaseError(let error): "数据库错误：\(error)"
        case .unexpectedValue(let column, let type):
            "列 \(column) 中的值不符合预期（\(type)）：数据库是否来自另一个版本的 psyscreen？"
        case .noDatabase(let name): "这里没有 psyscreen 数据库：请以数据库所有者的身份运行 psyscreen db init --db \(name) 建表"
        case .olderSchema: "数据库由旧版本的 psyscreen 建立：请以数据库所有者的身份运行 psyscreen db init 完成升级"
        case .noSchema: "没有可以建表的模式（search_path 为空）"
        case .newerSchema(let unknown): "数据库由更新版本的 psyscreen 写入（它有迁移 \(unknown.joined(separator: "、"))），请使用那个版本"
        case .noRole(let role): "服务器上没有角色 '\(role)'：请先创建登录角色（createuser --pwprompt \(role)）"
        }
    }
}
