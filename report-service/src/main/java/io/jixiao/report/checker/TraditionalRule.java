package io.jixiao.report.checker;

import java.util.List;

import io.jixiao.report.checker.Finding.Severity;
import io.jixiao.report.checker.Finding.Tag;

/**
 * A report in Traditional characters: the reader mapped the vocabulary the rules need to Simplified
 * characters so the figures are still checked; the finding says so, since wording outside that
 * vocabulary may have been missed.
 */
final class TraditionalRule implements Rule {

    /** A few Traditional forms are a quotation; this many are a Traditional text. */
    static final int MIN_CHARACTERS = 5;

    @Override
    public List<String> ids() {
        return List.of("text.traditional");
    }

    @Override
    public void check(ReportDocument doc, Context context) {
        if (doc.traditionalCharacters() >= MIN_CHARACTERS) {
            Block first = doc.blocks().isEmpty() ? null : doc.blocks().get(0);
            context.add(new Finding(Severity.WARNING, Tag.TEXT, "text.traditional", "", 0,
                    first == null ? "" : Evidence.cap(first.text()), "报告使用繁体字（" + doc.traditionalCharacters()
                            + " 个）：已按简体读取金额、标题和人数后检查；请使用简体中文提交。", "简体中文"));
        }
    }
}
