package io.jixiao.report.checker;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How findings quote the text and print amounts. */
final class Evidence {

    /** A quoted snippet is cut here (a real paragraph is under 2,000 characters; some are 1 MB of digits). */
    static final int MAX = 200;

    private Evidence() {
    }

    /** The exact snippet, or its first MAX characters followed by "…". */
    static String cap(String s) {
        return s.length() <= MAX ? s : s.substring(0, MAX - 1) + "…";
    }

    /** The text of a source range, exactly as written (line breaks included). */
    static String source(ReportDocument doc, int start, int end) {
        return doc.source().substring(start, end);
    }

    static String tail(String s) {
        return s.length() <= 12 ? s : "…" + s.substring(s.length() - 12);
    }

    /** 699.13, 1154.00, 61.25: at least two decimals, as reports print 万元. */
    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().scale() < 2 ? v.setScale(2, RoundingMode.UNNECESSARY).toPlainString()
                : v.stripTrailingZeros().toPlainString();
    }
}
