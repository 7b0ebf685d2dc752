/// The style sheet of the printed form, built from ``PaperFormGeometry`` so that the page plan and the browser
/// agree on every size.
///
/// Fonts: the CJK stack names what Chinese Windows has (Microsoft YaHei, SimHei, SimSun), what macOS has (PingFang)
/// and what Linux distributions package (Noto Sans CJK / Source Han Sans, WenQuanYi); English forms put Latin fonts
/// first and keep the CJK stack behind them for Chinese names.
enum PaperFormStyle {
    typealias G = PaperFormGeometry

    static let cjkFonts = """
        "Microsoft YaHei", "微软雅黑", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Noto Sans SC", \
        "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimHei", "黑体", \
        "SimSun", "宋体"
        """
    static let latinFonts = #"Arial, "Liberation Sans", Helvetica, "DejaVu Sans""#
    static let monospaceFonts = #"Consolas, "DejaVu Sans Mono", "Liberation Mono", "Courier New", monospace"#

    static func css(_ language: Language) -> String {
        let fonts = language == .chinese ? "\(cjkFonts), sans-serif" : "\(latinFonts), \(cjkFonts), sans-serif"
        let line = "0.3mm solid #333"
        return """
            @page { size: A4 portrait; margin: \(G.mm(G.marginVertical)) \(G.mm(G.marginHorizontal)); }
            * { box-sizing: border-box; }
            html, body { margin: 0; padding: 0; }
            body { font-family: \(fonts); font-size: \(G.pt(G.textSize)); line-height: \(G.textLeading); color: #000;
                   -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            p { margin: 0; }
            .page { break-after: page; }
            .page:last-child { break-after: auto; }
            @media screen {
              body { background: #8a8a8a; padding: 1px 0; }
              .page { box-sizing: content-box; width: \(G.mm(G.contentWidth)); min-height: \(G.mm(G.contentHeight));
                      padding: \(G.mm(G.marginVertical)) \(G.mm(G.marginHorizontal)); margin: 8mm auto; background: #fff;
                      box-shadow: 0 1px 5px rgba(0,0,0,.45); }
            }
            .run { display: flex; justify-content: space-between; align-items: flex-end; gap: 4mm;
                   height: \(G.mm(G.runningHead - 3)); margin-bottom: 3mm; border-bottom: \(line);
                   font-size: 8pt; line-height: 1.3; color: #333; white-space: nowrap; overflow: hidden; }
            .run .who { overflow: hidden; text-overflow: ellipsis; }
            .run .line { display: inline-block; width: 38mm; border-bottom: 0.25mm solid #333; }
            h1 { font-size: \(G.pt(G.titleSize)); line-height: \(G.titleLeading); text-align: center; margin: 0 0 \(G.mm(G.blockGap));
                 padding-bottom: 2mm; border-bottom: 0.5mm solid #000; }
            .identity { height: \(G.mm(G.identityHeight)); margin-bottom: \(G.mm(G.blockGap)); border: 0.4mm solid #000;
                        padding: 1.8mm 3mm; display: flex; flex-direction: column; justify-content: space-between; }
            .id-row { display: flex; align-items: flex-end; gap: 2mm; height: \(G.mm(G.idBoxHeight + 0.6)); white-space: nowrap;
                      font-size: 10.5pt; line-height: 1.3; }
            .id-row .label { font-weight: bold; }
            .id-row .label + .label, .field + .label { margin-left: 3mm; }
            .idboxes { display: inline-flex; flex: none; }
            .idboxes i { display: inline-block; width: \(G.mm(G.idBoxWidth)); height: \(G.mm(G.idBoxHeight)); border: 0.3mm solid #000; }
            .idboxes i + i { border-left: none; }
            .field { display: inline-block; border-bottom: 0.3mm solid #000; padding: 0 \(G.mm(G.fieldPadding)); font-size: \(G.pt(G.fieldSize));
                     overflow: hidden; text-overflow: ellipsis; white-space: nowrap; flex: none; }
            .field.id { min-width: 45mm; max-width: 90mm; font-family: \(monospaceFonts); font-weight: bold; letter-spacing: 0.4mm; }
            .field.name { width: \(G.mm(G.nameField)); }
            .field.class { width: \(G.mm(G.classField)); }
            .wave { margin-left: auto; font-size: 9pt; color: #333; }
            .date { display: inline-flex; align-items: flex-end; gap: 0.8mm; }
            .date .blank { display: inline-block; border-bottom: 0.3mm solid #000; width: 7mm; height: 5mm; }
            .date .blank.year { width: 12mm; }
            .consent { background: #efefef; padding: \(G.mm(G.panelPadding)); margin-bottom: \(G.mm(G.blockGap)); }
            .consent p + p, .instructions p + p, .closing p + p, .crisis p + p { margin-top: \(G.mm(G.paragraphGap)); }
            .how { font-weight: bold; }
            .keying { font-size: \(G.pt(G.smallSize)); line-height: \(G.smallLeading); color: #444; margin-bottom: \(G.mm(G.blockGap)); }
            h2 { font-size: \(G.pt(G.headingSize)); line-height: \(G.headingLeading); margin: 1mm 0 1mm; }
            .instructions { margin-bottom: 1.5mm; }
            .continued { font-size: \(G.pt(G.labelSize)); line-height: 1.3; font-weight: bold; margin-bottom: 1mm; }
            table.items { width: 100%; border-collapse: collapse; table-layout: fixed; margin-bottom: \(G.mm(G.blockGap)); }
            table.items col.num { width: \(G.mm(G.numberColumn)); }
            table.items th, table.items td { border: \(line); padding: \(G.mm(G.cellPaddingVertical)) \(G.mm(G.cellPaddingHorizontal));
                                            vertical-align: middle; }
            table.items tr { break-inside: avoid; }
            table.items th { font-size: \(G.pt(G.labelSize)); line-height: \(G.labelLeading); font-weight: normal; text-align: center;
                             background: #e4e4e4; padding-top: 1.2mm; padding-bottom: 1.2mm; overflow-wrap: anywhere; }
            table.items tbody tr:nth-child(even) td { background: #f4f4f4; }
            td.num { text-align: center; }
            td.num b { display: block; font-size: \(G.pt(G.itemSize)); line-height: \(G.itemLeading); }
            td.num code { display: block; font-family: \(monospaceFonts); font-size: \(G.pt(G.codeSize)); line-height: 1.3; color: #333;
                          overflow-wrap: anywhere; }
            td.text { font-size: \(G.pt(G.itemSize)); line-height: \(G.itemLeading); overflow-wrap: anywhere; }
            td.opt { text-align: center; white-space: nowrap; }
            .box { display: inline-block; width: \(G.mm(G.answerBox)); height: \(G.mm(G.answerBox)); border: 0.35mm solid #000;
                   background: #fff; vertical-align: middle; }
            .value { display: inline-block; margin-left: 1mm; font-size: 9pt; line-height: 1; vertical-align: middle; }
            .closing { margin-bottom: \(G.mm(G.blockGap)); }
            .crisis { border: \(G.mm(G.crisisBorder)) solid #000; padding: \(G.mm(G.panelPadding)); margin-bottom: \(G.mm(G.blockGap)); }
            .crisis h3 { font-size: \(G.pt(G.textSize + 1)); line-height: \(G.headingLeading); margin: 0 0 1mm; }
            .copyright { font-size: \(G.pt(G.smallSize)); line-height: \(G.smallLeading); color: #333; }
            .blank-page { text-align: center; margin-top: 110mm; color: #555; }
            """
    }
}
