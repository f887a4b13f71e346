package io.jixiao.report.assembly;

/** The report as a standalone HTML page (the SPA's preview): same text as every other output. */
public final class HtmlRenderer {

    private static final String STYLE = """
            body{margin:0;background:#f0f2f5}
            .page{width:210mm;min-height:297mm;margin:16px auto;padding:37mm 26mm 35mm 28mm;box-sizing:border-box;background:#fff;
              box-shadow:0 1px 4px rgba(0,0,0,.15);font:16pt/1.75 "FangSong","STFangsong","Noto Serif CJK SC","Source Han Serif SC",serif;color:#000}
            h1{font:bold 22pt/1.5 "SimSun","STSong","Noto Serif CJK SC",serif;text-align:center;margin:0 0 1em}
            h2{font:16pt/1.75 "SimHei","STHeiti","Noto Sans CJK SC",sans-serif;margin:.6em 0 .2em;text-indent:2em}
            h3{font:bold 16pt/1.75 "KaiTi","STKaiti","Noto Serif CJK SC",serif;margin:.4em 0 .2em;text-indent:2em}
            p{margin:0;text-indent:2em;text-align:justify}
            .unit,.date{text-align:right;text-indent:0;margin-right:2em}.unit{margin-top:2em}
            table{border-collapse:collapse;width:100%;font:11pt/1.5 "SimSun","Noto Serif CJK SC",serif;margin:.5em 0 1.5em}
            th,td{border:1px solid #000;padding:2px 4px}th{background:#f5f5f5}td.n{text-align:right}
            .total td{font-weight:bold}
            """;

    private HtmlRenderer() {
    }

    public static String render(Report r) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(r.title())).append("</title><style>").append(STYLE).append("</style></head><body>")
                .append("<article class=\"page\"><h1>").append(esc(r.title())).append("</h1>");
        for (Report.Section s : r.sections()) {
            h.append("<h2>").append(s.number()).append('、').append(esc(s.title())).append("</h2>");
            for (Report.Part p : s.parts()) {
                if (p.heading() != null) {
                    h.append("<h3>").append(esc(p.heading())).append("</h3>");
                }
                for (String para : p.paragraphs()) {
                    h.append("<p>").append(esc(para)).append("</p>");
                }
            }
        }
        h.append("<p class=\"unit\">").append(esc(r.unit())).append("</p><p class=\"date\">").append(esc(r.date()))
                .append("</p></article>");
        if (r.score() != null) {
            h.append("<article class=\"page\"><h2>附件1</h2><h1>部门整体支出绩效自评表</h1><table><thead><tr>")
                    .append("<th>一级指标</th><th>二级指标</th><th>三级指标</th><th>分值</th><th>指标值</th><th>得分</th><th>说明</th>")
                    .append("</tr></thead><tbody>");
            for (Report.ScoreRow row : r.score().rows()) {
                h.append("<tr><td>").append(esc(row.level1())).append("</td><td>").append(esc(row.level2()))
                        .append("</td><td>").append(esc(row.name())).append("</td><td class=\"n\">").append(row.points())
                        .append("</td><td class=\"n\">").append(esc(row.value())).append("</td><td class=\"n\">")
                        .append(row.score()).append("</td><td>").append(esc(row.status())).append("</td></tr>");
            }
            h.append("<tr class=\"total\"><td colspan=\"3\">合计</td><td class=\"n\">100</td><td></td><td class=\"n\">")
                    .append(r.score().total()).append("</td><td>等级：").append(esc(r.score().grade()))
                    .append("</td></tr></tbody></table></article>");
        }
        if (!r.projects().isEmpty()) {
            h.append("<article class=\"page\"><h2>附件2</h2><h1>项目支出情况表（万元）</h1><table><thead><tr>")
                    .append("<th>项目</th><th>年初预算</th><th>调整</th><th>单位支付</th><th>财政直接支付</th><th>实际支出</th><th>执行率</th><th>重点</th>")
                    .append("</tr></thead><tbody>");
            for (Report.ProjectRow p : r.projects()) {
                h.append("<tr><td>").append(esc(p.name())).append("</td><td class=\"n\">").append(p.budget())
                        .append("</td><td class=\"n\">").append(p.adjustment()).append("</td><td class=\"n\">")
                        .append(p.actualOwn()).append("</td><td class=\"n\">").append(p.actualDirect())
                        .append("</td><td class=\"n\">").append(p.actual()).append("</td><td class=\"n\">")
                        .append(esc(p.executionRate())).append("</td><td>").append(p.keyProject() ? "是" : "")
                        .append("</td></tr>");
            }
            h.append("</tbody></table></article>");
        }
        return h.append("</body></html>").toString();
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
