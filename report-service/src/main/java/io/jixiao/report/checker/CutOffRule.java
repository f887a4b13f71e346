package io.jixiao.report.checker;

import java.util.List;
import java.util.regex.Pattern;

import io.jixiao.report.checker.Finding.Severity;
import io.jixiao.report.checker.Finding.Tag;

/**
 * Running text that stops without closing punctuation was cut off (FATAL): a sentence of the body
 * ending mid-word or inside a quote. Titles, cover fields, table cells, headings, dates and short
 * lines without clause punctuation (labels, lists of names, signatures) are not sentences and are
 * never reported; nor are notes (附件：1.…，2.…) or a sentence introducing the list or table below it
 * ("主要职责如下").
 */
final class CutOffRule implements Rule {

    static final String CLOSING = "。！？!?；;：:…”’）)」』》";

    @Override
    public List<String> ids() {
        return List.of("paragraph.cut-off");
    }

    /** Notes and annex lists are not sentences: 附件：1.…，2.… */
    private static final Pattern NOTE = Pattern.compile("^(?:附件|附表|注|备注|说明|数据来源|资料来源)\\s*\\d*\\s*[:：]");
    /** A sentence introducing the list or table below it may end without a colon: "主要职责如下". */
    private static final Pattern INTRODUCES = Pattern.compile("(?:如下|以下|下表|见表|详见|包括|是|为|有)$");

    @Override
    public void check(ReportDocument doc, Context context) {
        List<Block> blocks = doc.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            String t = b.text();
            if (!b.isBody() || !LineKinds.isProse(t) || CLOSING.indexOf(t.charAt(t.length() - 1)) >= 0
                    || NOTE.matcher(t).lookingAt()) {
                continue;
            }
            Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
            if (next != null && (next.kind() == Block.Kind.LIST_ITEM || next.kind() == Block.Kind.TABLE_ROW)
                    && INTRODUCES.matcher(t).find()) {
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
