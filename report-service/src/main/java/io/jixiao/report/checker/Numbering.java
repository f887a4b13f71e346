package io.jixiao.report.checker;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number a heading or list item starts with, and its style. Chinese reports nest the styles in
 * a customary order (一、 → （一） → 1. → (1) → ①) but not always the same one, so the level of a
 * style is decided per document by the order the styles first appear (see DocumentBuilder).
 */
public record Numbering(Style style, int value, String marker, String rest) {

    public enum Style {
        /** 一、 */
        CHINESE,
        /** （一） or (一) */
        CHINESE_PAREN,
        /** 1、 1. 1． */
        ARABIC,
        /** 1.1 or 1.1.1 (the value is the last component; the parent is the rest) */
        DECIMAL,
        /** (1) or （1） */
        ARABIC_PAREN,
        /** ① … ⑳ */
        CIRCLED
    }

    static final String NUMERALS = "一二三四五六七八九十";
    private static final String CN = "[一二三四五六七八九十]{1,3}";
    private static final Pattern CHINESE = Pattern.compile("^(" + CN + ")[、.．]\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern CHINESE_PAREN = Pattern.compile("^[（(](" + CN + ")[）)]\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern ARABIC_PAREN = Pattern.compile("^[（(](\\d{1,2})[）)]\\s*(.*)$", Pattern.DOTALL);
    /** 1.1 must not be an amount (15.00 | …, 1234.56万元): at most two digits, then no digit, % or 万. */
    private static final Pattern DECIMAL = Pattern.compile("^(\\d{1,2}(?:[.．]\\d{1,2}){1,2})(?![\\d%万元.．])\\s*(.*)$",
            Pattern.DOTALL);
    private static final Pattern ARABIC = Pattern.compile("^(\\d{1,2})[、.．](?![\\d.．])\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern CIRCLED = Pattern.compile("^([\u2460-\u2473])\\s*(.*)$", Pattern.DOTALL);

    /** The numbering at the start of a line, or null. */
    public static Numbering parse(String line) {
        if (line.isEmpty()) {
            return null;
        }
        char c = line.charAt(0);
        Matcher m;
        if (NUMERALS.indexOf(c) >= 0 && (m = CHINESE.matcher(line)).matches()) {
            int n = chineseNumber(m.group(1));
            return n > 0 ? new Numbering(Style.CHINESE, n, m.group(1) + "、", m.group(2)) : null;
        }
        if (c == '(' || c == '（') {
            if ((m = CHINESE_PAREN.matcher(line)).matches()) {
                int n = chineseNumber(m.group(1));
                return n > 0 ? new Numbering(Style.CHINESE_PAREN, n, "（" + m.group(1) + "）", m.group(2)) : null;
            }
            if ((m = ARABIC_PAREN.matcher(line)).matches()) {
                return new Numbering(Style.ARABIC_PAREN, Integer.parseInt(m.group(1)), "(" + m.group(1) + ")", m.group(2));
            }
            return null;
        }
        if (c >= '0' && c <= '9') {
            if ((m = DECIMAL.matcher(line)).matches()) {
                String[] parts = m.group(1).split("[.．]");
                return new Numbering(Style.DECIMAL, Integer.parseInt(parts[parts.length - 1]), m.group(1), m.group(2));
            }
            if ((m = ARABIC.matcher(line)).matches()) {
                return new Numbering(Style.ARABIC, Integer.parseInt(m.group(1)), m.group(1) + ".", m.group(2));
            }
            return null;
        }
        if (c >= '\u2460' && c <= '\u2473' && (m = CIRCLED.matcher(line)).matches()) {
            return new Numbering(Style.CIRCLED, c - '\u2460' + 1, m.group(1), m.group(2));
        }
        return null;
    }

    /** For DECIMAL: "1.2" → "1"; every other style has no parent in its own marker. */
    public String decimalParent() {
        int dot = Math.max(marker.lastIndexOf('.'), marker.lastIndexOf('．'));
        return style == Style.DECIMAL && dot > 0 ? marker.substring(0, dot) : "";
    }

    /** How the n-th item of this style is written, for messages. */
    public String label(int n) {
        return switch (style) {
            case CHINESE -> chinese(n) + "、";
            case CHINESE_PAREN -> "（" + chinese(n) + "）";
            case ARABIC -> n + ".";
            case DECIMAL -> (decimalParent().isEmpty() ? "" : decimalParent() + ".") + n;
            case ARABIC_PAREN -> "(" + n + ")";
            case CIRCLED -> n >= 1 && n <= 20 ? String.valueOf((char) ('\u2460' + n - 1)) : "(" + n + ")";
        };
    }

    /** 一 → 1 … 九十九 → 99; -1 when not a numeral. */
    static int chineseNumber(String s) {
        int ten = s.indexOf('十');
        if (ten < 0) {
            return s.length() == 1 ? NUMERALS.indexOf(s) + 1 : -1;
        }
        int tens = ten == 0 ? 1 : ten == 1 ? NUMERALS.indexOf(s.charAt(0)) + 1 : -1;
        String unit = s.substring(ten + 1);
        int units = unit.isEmpty() ? 0 : unit.length() == 1 && unit.charAt(0) != '十' ? NUMERALS.indexOf(unit) + 1 : -1;
        return tens < 1 || tens > 9 || units < 0 ? -1 : tens * 10 + units;
    }

    /** 1 → 一 … 99 → 九十九. */
    public static String chinese(int n) {
        if (n <= 10) {
            return String.valueOf(NUMERALS.charAt(n - 1));
        }
        return (n >= 20 ? String.valueOf(NUMERALS.charAt(n / 10 - 1)) : "") + "十"
                + (n % 10 == 0 ? "" : String.valueOf(NUMERALS.charAt(n % 10 - 1)));
    }
}
