package io.jixiao.report.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report as the checker reads it: paragraphs (non-blank lines) with the outline section each
 * belongs to. Level-1 headings are "一、…"; level-2 markers "（一）" or "(1)"; level-3 "1、".
 */
public final class ReportText {

    static final String NUMERALS = "一二三四五六七八九十";
    static final Pattern LEVEL1 = Pattern.compile("^([一二三四五六七八九十]{1,2})、\\s*(.*)$");
    static final Pattern LEVEL2_CHINESE = Pattern.compile("^[（(]([一二三四五六七八九十]{1,2})[）)]\\s*(.*)$");
    static final Pattern LEVEL2_ARABIC = Pattern.compile("^[（(](\\d{1,2})[）)]\\s*(.*)$");
    static final Pattern LEVEL3 = Pattern.compile("^(\\d{1,2})[、.．]\\s*(.*)$");

    public record Paragraph(int number, String text, String section) {
    }

    private final List<Paragraph> paragraphs;

    private ReportText(List<Paragraph> paragraphs) {
        this.paragraphs = paragraphs;
    }

    public static ReportText parse(String text) {
        List<Paragraph> out = new ArrayList<>();
        String section = "";
        int n = 0;
        for (String raw : text.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            String line = raw.strip().replace('\u3000', ' ').strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = LEVEL1.matcher(line);
            if (m.matches()) {
                section = m.group(1);
            }
            out.add(new Paragraph(++n, line, section));
        }
        return new ReportText(out);
    }

    public List<Paragraph> paragraphs() {
        return paragraphs;
    }

    /** 一 → 1 … 十九 → 19. */
    static int chineseNumber(String s) {
        if (s.length() == 1) {
            return s.equals("十") ? 10 : NUMERALS.indexOf(s) + 1;
        }
        if (s.startsWith("十")) {
            return 10 + NUMERALS.indexOf(s.substring(1)) + 1;
        }
        return -1;
    }

    static String chinese(int n) {
        return n <= 10 ? String.valueOf(NUMERALS.charAt(n - 1)) : "十" + NUMERALS.charAt(n - 11);
    }
}
