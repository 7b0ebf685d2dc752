extension ReportMessage {
    package var chinese: String {
        switch self {
        case .title: "心理健康筛查统计报告"
        case .coverageSection: "普查率与预警等级"
        case .unit: "单位"
        case .enrolled: "在籍"
        case .screened: "已筛查"
        case .coverage: "普查率"
        case .n: "n"
        case .mean: "均值"
        case .sd: "标准差"
        case .median: "中位数"
        case .alpha: "α"
        case .wholeWave: "全部"
        case .hiddenNote: "“—”表示不予公布（人数过少或可由其他数字推算），或无法计算。"
        case .percentNote: "百分比为占该量表有效人数之比，<5% 与 >95% 为两端的编码。"
        case .coverageChart: "各班普查率（目标 100%）"
        case .coverageTarget: "目标 100%"
        case .bandChart: "各年级分级分布"
        case .levelChart: "各年级预警等级（占已筛查人数）"
        case .hiddenSegment: "不予公布"
        case .chartsTitle: "图表"
        case .tablesTitle: "统计表"
        case .levelLegend: "红/橙/黄 人数"
        case .stampTitle: "报告信息"
        case .draftMarker: "草稿：本批次尚未关闭，数字可能变化，不得发布"
        case .level(let level): Term.level(level).chinese
        case .group(.gender): "性别"
        case .group(.major): "专业"
        case .stampWave(let wave): "筛查批次 \(wave)"
        case .stampMinimumCell(let k): "最小单元格 k = \(k)"
        case .stampGenerated(let time): "生成时间 \(time)"
        case .stampMergedFiles(let count): "合并文件数 \(count)"
        case .stampInstrument(let text): "量表 \(text)"
        case .stampPolicy(let text): "预警规则 \(text)"
        }
    }
}
