package io.jixiao.report.service;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFParagraph;

import io.jixiao.report.checker.Numbering;

/**
 * The numbers Word draws itself. A heading numbered with a list style (一、 （一） 1. ①) holds no number
 * in its text; without it the checker would see no outline. Counters run per list and level, as Word
 * counts them: a level restarts when a higher one advances.
 */
final class DocxNumbering {

    private static final int LEVELS = 9;
    private final Map<BigInteger, int[]> counters = new HashMap<>();

    /** The number Word shows before this paragraph ("一、", "（二）", "3."), or "". */
    String prefix(XWPFParagraph p) {
        BigInteger list = p.getNumID();
        String pattern = list == null ? null : p.getNumLevelText();
        String format = list == null ? null : p.getNumFmt();
        if (pattern == null || pattern.isEmpty() || format == null || "bullet".equals(format) || "none".equals(format)) {
            return "";
        }
        int level = p.getNumIlvl() == null ? 0 : Math.min(LEVELS - 1, Math.max(0, p.getNumIlvl().intValue()));
        int[] count = counters.computeIfAbsent(list, k -> new int[LEVELS]);
        count[level]++;
        for (int deeper = level + 1; deeper < LEVELS; deeper++) {
            count[deeper] = 0;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '%' && i + 1 < pattern.length() && pattern.charAt(i + 1) >= '1' && pattern.charAt(i + 1) <= '9') {
                int of = pattern.charAt(++i) - '1';
                int n = Math.max(1, count[of]);
                out.append(of == level ? format(n, format) : String.valueOf(n));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String format(int n, String format) {
        return switch (format) {
            case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
                    "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting" -> n <= 99 ? Numbering.chinese(n)
                            : String.valueOf(n);
            case "decimalEnclosedCircle", "decimalEnclosedCircleChinese" -> n >= 1 && n <= 20
                    ? String.valueOf((char) ('\u2460' + n - 1)) : String.valueOf(n);
            default -> String.valueOf(n);
        };
    }
}
