/// The flow's own words in Simplified Chinese and English. Short and calm: the reader is a student, often 15.
package struct SessionStrings: Hashable, Sendable {
    package let language: SessionLanguage

    package init(_ language: SessionLanguage) { self.language = language }

    private func pick(_ chinese: String, _ english: String) -> String {
        language == .chinese ? chinese : english
    }

    package var studentIDPrompt: String { pick("请输入你的学号：", "Your student ID: ") }

    package func unknownStudent(_ id: String) -> String {
        pick("名单上没有学号 \(id)。请检查后重新输入，或请老师帮忙。", "The student ID \(id) is not on the roster. Check it and type it again, or ask the teacher.")
    }

    package func identity(_ student: Student) -> String {
        let unit = student.classLabel
        return pick("班级：\(unit)　姓名：\(student.maskedName)", "Class: \(unit), name: \(student.maskedName)")
    }

    package var confirmPrompt: String { pick("这是你吗？(y/n) ", "Is this you? (y/n) ") }
    package var notYou: String { pick("好的，请重新输入你的学号。", "All right: type your student ID again.") }
    package var yesOrNo: String { pick("请输入 y（是）或 n（否）。", "Please type y (yes) or n (no).") }
    package var consentPrompt: String { pick("你愿意参加吗？(y/n) ", "Do you agree to take part? (y/n) ") }

    package var alreadyFinished: String {
        pick("你已经完成了本次筛查，不需要再做。谢谢你！", "You have already completed this screening. Thank you!")
    }

    package var refused: String {
        pick("好的，你选择了不参加，这已经记录下来。谢谢你！", "All right: you chose not to take part, and this has been recorded. Thank you!")
    }

    package var retakeDeclined: String {
        pick("好的，不重新做。你之前完成的筛查仍然有效。谢谢你！", "All right: no retake. The screening you completed earlier still counts. Thank you!")
    }

    package func resuming(at number: Int, of total: Int) -> String {
        pick(
            "欢迎回来。之前的回答已经保存，从第 \(number) 题（共 \(total) 题）继续。",
            "Welcome back. Your earlier answers are saved; continuing at question \(number) of \(total).")
    }

    package func answerPrompt(_ range: String) -> String { pick("请输入 \(range)：", "Your answer (\(range)): ") }

    package func currentAnswer(_ option: ResponseSet.Option?, language code: String) -> String {
        guard let option else { return pick("（当前答案：跳过；直接按回车保留）", "(current answer: skipped; Enter keeps it)") }
        let label = "\(option.value) \(option.label.text(in: code))"
        return pick("（当前答案：\(label)；直接按回车保留）", "(current answer: \(label); Enter keeps it)")
    }

    /// Shown once per session before the first question: the keys besides the numbers.
    package var keys: String {
        pick(
            "输入选项前面的数字再按回车。b 上一题，s 跳过，q 先退出（回答会保存），? 帮助。",
            "Type the number of your answer and press Enter. b back, s skip, q stop for now (answers are saved), ? help.")
    }

    package func notAnOption(_ value: Int, _ range: String) -> String {
        pick("\(value) 不是选项，请输入 \(range)。", "\(value) is not an option: type \(range).")
    }

    package func unclear(_ range: String) -> String {
        pick("请输入 \(range) 中的一个数字（输入 ? 查看帮助）。", "Please type a number \(range) (? for help).")
    }

    package var noPreviousQuestion: String { pick("这已经是第一题了。", "This is the first question.") }

    package func skipRefused(allowed: Int, skipped: Int) -> String {
        if allowed == 0 {
            return pick(
                "这一题不能跳过：这份问卷的每一题都需要回答。",
                "This question cannot be skipped: this questionnaire needs an answer to every question.")
        }
        let questions = allowed == 1 ? "1 question" : "\(allowed) questions"
        return pick(
            "这一题不能跳过：这份问卷最多可以跳过 \(allowed) 题，你已经跳过了 \(skipped) 题。",
            "This question cannot be skipped: at most \(questions) of this questionnaire may be skipped, and you have skipped \(skipped).")
    }

    package var crisisItemCannotBeSkipped: String {
        pick(
            "这一题关系到你的安全，不能跳过。请选择最接近你真实感受的一项。",
            "This question matters for your safety and cannot be skipped. Please choose the answer closest to how you really feel.")
    }

    package func help(_ range: String) -> String {
        pick(
            """
            怎样回答：输入选项前面的数字（\(range)），再按回车。
              b  回到上一题（可以修改答案）
              s  跳过这一题（有的题不能跳过）
              q  先退出（已经回答的会保存，下次输入学号可以接着做）
              ?  显示这段说明
            """,
            """
            How to answer: type the number in front of an option (\(range)), then press Enter.
              b  back to the previous question (you may change your answer)
              s  skip this question (some cannot be skipped)
              q  stop for now (your answers are saved; type your student ID next time to go on)
              ?  show this help
            """)
    }

    package func quit(continueAt number: Int) -> String {
        pick(
            "你的回答已经保存。下次输入学号，可以从第 \(number) 题接着做。",
            "Your answers are saved. Type your student ID next time to continue at question \(number).")
    }

    package var endOfInput: String { pick("输入已结束，你的回答已经保存。", "Input ended; your answers are saved.") }
    package var interrupted: String { pick("已中断，你的回答已经保存。", "Interrupted; your answers are saved.") }

    /// The database is busy (an import, another terminal): the answer is kept and saved as soon as it can be.
    package var saving: String { pick("正在保存，请稍候……", "Saving, please wait…") }

    package var answersKept: String {
        pick("出错了，数据库无法保存。你的回答已另存一份，请告诉老师。", "Something went wrong with the database. Your answers were kept in a separate file; please tell the teacher.")
    }

    package func storeFailed(_ message: String) -> String {
        pick("出错了，刚才的内容没有保存（\(message)）。请告诉老师。", "Something went wrong and this was not saved (\(message)). Please tell the teacher.")
    }

    package var dismissPrompt: String { pick("请按回车键结束。", "Press Enter to finish.") }

    /// `0–3` for consecutive values, else `1/2/4`.
    package static func range(of responses: ResponseSet) -> String {
        let values = responses.values.sorted()
        guard let first = values.first, let last = values.last else { return "" }
        if values == Array(first...last), values.count > 2 { return "\(first)–\(last)" }
        return values.map(String.init).joined(separator: "/")
    }
}
