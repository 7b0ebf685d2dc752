extension SessionMessage {
    package var chinese: String {
        switch self {
        case .studentIDPrompt: "请输入你的学号："
        case .unknownStudent(let id): "名单上没有学号 \(id)。请检查后重新输入，或请老师帮忙。"
        case .identity(let unit, let name): "班级：\(unit)　姓名：\(name)"
        case .confirmPrompt: "这是你吗？(y/n) "
        case .notYou: "好的，请重新输入你的学号。"
        case .yesOrNo: "请输入 y（是）或 n（否）。"
        case .consentPrompt: "你愿意参加吗？(y/n) "
        case .alreadyFinished: "你已经完成了本次筛查，不需要再做。谢谢你！"
        case .refused: "好的，你选择了不参加，这已经记录下来。谢谢你！"
        case .retakeDeclined: "好的，不重新做。你之前完成的筛查仍然有效。谢谢你！"
        case .resuming(let number, let total): "欢迎回来。之前的回答已经保存，从第 \(number) 题（共 \(total) 题）继续。"
        case .answerPrompt(let range): "请输入 \(range)："
        case .currentAnswer(let label?): "（当前答案：\(label)；直接按回车保留）"
        case .currentAnswer(nil): "（当前答案：跳过；直接按回车保留）"
        case .keys: "输入选项前面的数字再按回车。b 上一题，s 跳过，q 先退出（回答会保存），? 帮助。"
        case .notAnOption(let value, let range): "\(value) 不是选项，请输入 \(range)。"
        case .unclear(let range): "请输入 \(range) 中的一个数字（输入 ? 查看帮助）。"
        case .noPreviousQuestion: "这已经是第一题了。"
        case .skipRefused(let allowed, let skipped):
            allowed == 0
                ? "这一题不能跳过：这份问卷的每一题都需要回答。"
                : "这一题不能跳过：这份问卷最多可以跳过 \(allowed) 题，你已经跳过了 \(skipped) 题。"
        case .crisisItemCannotBeSkipped: "这一题关系到你的安全，不能跳过。请选择最接近你真实感受的一项。"
        case .help(let range):
            """
            怎样回答：输入选项前面的数字（\(range)），再按回车。
              b  回到上一题（可以修改答案）
              s  跳过这一题（有的题不能跳过）
              q  先退出（已经回答的会保存，下次输入学号可以接着做）
              ?  显示这段说明
            """
        case .quit(let number): "你的回答已经保存。下次输入学号，可以从第 \(number) 题接着做。"
        case .endOfInput: "输入已结束，你的回答已经保存。"
        case .interrupted: "已中断，你的回答已经保存。"
        case .storeFailed(let message): "出错了，刚才的内容没有保存（\(message.chinese)）。请告诉老师。"
        case .saving: "正在保存，请稍候……"
        case .answersKept: "出错了，数据库无法保存。你的回答已另存一份，请告诉老师。"
        case .dismissPrompt: "请按回车键结束。"
        }
    }
}
