package io.jixiao.report.checker;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts in running text. An amount starts at the start of a run of digits (a match attempt inside
 * the run would repeat the same failure once per digit) and is at most 15 digits and 6 decimals, so
 * one attempt is bounded and BigDecimal never parses a megabyte of digits.
 */
final class Amounts {

    static final String NUM = "(?<!\\d)(?<!\\d\\.)(\\d{1,15}(?:\\.\\d{1,6})?)";
    /** Sums are compared with this tolerance, in 万元 (domain.md). */
    static final BigDecimal TOLERANCE = new BigDecimal("0.005");
    /** The sentence rules read at most this much of a paragraph (a real one is under 2,000). */
    static final int PARAGRAPH_CHECKED = 20_000;
    /** Candidates read per paragraph: each one rescans its sentence. */
    static final int CANDIDATES = 50;
    static final Pattern WAN = Pattern.compile(NUM + "\\s*万");

    /** One amount found in a text: its value, where it is, and which pattern found it. */
    record Token(String kind, BigDecimal value, int start, int end) {
    }

    private Amounts() {
    }

    static List<Token> tokens(String text, Pattern pattern, String kind) {
        List<Token> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find() && out.size() < 10 * CANDIDATES) {
            out.add(new Token(kind, new BigDecimal(m.group(1)), m.start(), m.end()));
        }
        return out;
    }

    /** The text a sentence rule reads: the block's text, capped. */
    static String text(Block b) {
        String t = b.text();
        return t.length() <= PARAGRAPH_CHECKED ? t : t.substring(0, PARAGRAPH_CHECKED);
    }

    static boolean differ(BigDecimal a, BigDecimal b) {
        return a.subtract(b).abs().compareTo(TOLERANCE) > 0;
    }

    static int indexOfAny(String t, String chars, int from) {
        for (int i = from; i < t.length(); i++) {
            if (chars.indexOf(t.charAt(i)) >= 0) {
                return i;
            }
        }
        return t.length();
    }

    static int lastIndexOfAny(String t, String chars, int before) {
        for (int i = Math.min(before, t.length()) - 1; i >= 0; i--) {
            if (chars.indexOf(t.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A stated percentage against part / base for each candidate base, at the stated precision,
     * half-up: null when it fits one of them, else what the first base gives.
     */
    static BigDecimal percentMisfit(BigDecimal part, List<BigDecimal> bases, BigDecimal stated) {
        BigDecimal first = null;
        for (BigDecimal base : bases) {
            if (base.signum() == 0) {
                continue;
            }
            BigDecimal e = part.multiply(BigDecimal.valueOf(100)).divide(base, Math.max(stated.scale(), 0),
                    java.math.RoundingMode.HALF_UP);
            if (e.compareTo(stated) == 0) {
                return null;
            }
            first = first == null ? e : first;
        }
        return first;
    }

    /** A piece of text around a token, as a finding quotes it. */
    static String around(String t, int start, int end) {
        int s = Math.max(0, start - 12);
        return t.substring(s, Math.min(t.length(), end + 2));
    }
}
