// The school words of psyscreen's values; docs/chinese.md lists them as a glossary.
extension Term {
    package var chinese: String {
        switch self {
        case .level(.red): "红色"
        case .level(.orange): "橙色"
        case .level(.yellow): "黄色"
        case .level(.none): "无预警"
        case .state(.screened): "已筛查"
        case .state(.partial): "未完成"
        case .state(.refused): "拒绝参加"
        case .state(.notScreened): "未筛查"
        case .attemptState(.inProgress): "进行中"
        case .attemptState(.finished): "已完成"
        case .attemptState(.refused): "拒绝参加"
        case .followUp(.new): "待随访"
        case .followUp(.contacted): "已联系"
        case .followUp(.counseling): "心理辅导中"
        case .followUp(.referred): "已转介"
        case .followUp(.closed): "已结案"
        case .source(.paper): "纸质问卷"
        case .source(.terminal): "机房终端"
        case .enrollment(.enrolled): "在籍"
        case .enrollment(.leave): "休学"
        case .enrollment(.internship): "实习"
        case .enrollment(.withdrawn): "退学"
        case .unit(.school): "学校"
        case .unit(.grade): "年级"
        case .unit(.class): "班级"
        case .total: "合计"
        }
    }
}
