package io.jixiao.report.checker;

import java.util.List;

import io.jixiao.report.checker.Finding.Severity;
import io.jixiao.report.checker.Finding.Tag;

/**
 * Running text that stops without closing punctuation was cut off (FATAL): a sentence of the body
 * ending mid-word or inside a quote. Titles, cover fields, table cells, headings, dates and short
 * lines without clause punctuation (labels, lists of names, signatures) are not sentences and are
 * never reported.
 */
final class CutOffRule implements Rule {

    static final String CLOSING = "。！？!?；;：:…”’）)」』》";

    @Override
    public List<String> ids() {
        return List.of("paragraph.cut-off");
    }

    @Override
    public void check(ReportDocument doc, Context context) {
        for (Block b : doc.blocks()) {
            String t = b.text();
            if (!b.isBody() || !LineKinds.isProse(t) || CLOSING.indexOf(t.charAt(t.length() - 1)) >= 0) {
                continue;
            }
            long open = t.chars().filter(c -> c == '“').count();
            long close = t.chars().filter(c -> c == '”').count();
            String where = open > close ? "（在引号内断开）" : "";
            // the evidence is the unfinished sentence itself, exactly as written
            String unfinished = t.substring(Amounts.lastIndexOfAny(t, "。！？!?；;", t.length()) + 1);
            context.add(Severity.FATAL, Tag.TEXT, "paragraph.cut-off", b, unfinished, "段落在句中断开" + where + "：结尾“"
                    + Evidence.tail(t) + "”没有结束标点，后文缺失或被拆到别处。", "完整的句子，以句号等标点结束");
        }
    }
}
