package io.jixiao.report.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jixiao.report.checker.Finding.Severity;
import io.jixiao.report.checker.Finding.Tag;

/**
 * A stated count against the items listed with it: "下设 A、B、C 3 个科室", "4 个内设机构，即 A、B、C、D",
 * "内设股室5个" followed by "内设股室分别是 A、…", a short heading "内设股室7" followed by its list.
 * Items are split at 、 outside parentheses; a list ending in 等, holding digits or clause
 * punctuation is not counted. WARNING: names joined by 和 or written on several lines can fool it.
 */
final class CountRule implements Rule {

    /** "3 个科室" */
    private static final Pattern COUNT_FIRST = Pattern.compile("(?<!\\d)(\\d{1,3})\\s*个\\s*([\\u4e00-\\u9fa5]{1,10})");
    /** "股室5个": the count, then (looking back) its noun. */
    private static final Pattern COUNT_AFTER = Pattern.compile("(?<!\\d)(\\d{1,3})\\s*个(?![\\u4e00-\\u9fa5\\d])");
    /** A short heading ending in its count: "局机关内设股室7". */
    private static final Pattern COUNT_AT_END = Pattern.compile("([\\u4e00-\\u9fa5]{2,12}?)(?<!\\d)(\\d{1,3})$");
    private static final Pattern LIST_BEFORE = Pattern.compile("下设|内设|设有|下辖|辖有|包括");
    /** Right after the count: "(正处级),即", "即:", "分别是". */
    private static final Pattern MARKER_AFTER = Pattern.compile(
            "^[\\u4e00-\\u9fa5]{0,10}?(?:[（(][^）)]{0,12}[）)])?[，,]?\\s*(?:即|分别是|分别为|分别有|包括|如下)[:：]?");
    /** A sentence or block that introduces a list: "内设股室分别是", "内设股室:". */
    private static final Pattern LIST_INTRO = Pattern.compile("^[\\u4e00-\\u9fa5]{0,10}?(?:分别是|分别为|分别有|包括|即|[:：])");

    @Override
    public List<String> ids() {
        return List.of("count.mismatch");
    }

    @Override
    public void check(ReportDocument doc, Context context) {
        List<Block> blocks = doc.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (!b.isBody() && b.kind() != Block.Kind.HEADING) {
                continue;
            }
            Block next = i + 1 < blocks.size() && blocks.get(i + 1).isBody() ? blocks.get(i + 1) : null;
            String t = Amounts.text(b);
            if (t.indexOf('个') < 0 && !(b.kind() == Block.Kind.HEADING && Character.isDigit(t.charAt(t.length() - 1)))) {
                continue; // every form of a count has 个, or is a heading ending in its number
            }
            if (b.kind() == Block.Kind.HEADING) {
                Matcher m = COUNT_AT_END.matcher(b.numbering() == null ? t : b.numbering().rest());
                if (m.find() && next != null) {
                    compare(b, m.group(1), Integer.parseInt(m.group(2)), listOfBlock(next.text()), context);
                }
                continue;
            }
            Matcher first = COUNT_FIRST.matcher(t);
            for (int n = 0; n < Amounts.CANDIDATES && first.find(); n++) {
                String list = listBefore(t, first.start());
                if (list == null) {
                    list = listAfter(t, first.end() - first.group(2).length(), next);
                }
                compare(b, first.group(2), Integer.parseInt(first.group(1)), list, context);
            }
            Matcher after = COUNT_AFTER.matcher(t);
            for (int n = 0; n < Amounts.CANDIDATES && after.find(); n++) {
                String noun = nounBefore(t, after.start());
                if (noun.length() >= 2) {
                    compare(b, noun, Integer.parseInt(after.group(1)), listAfter(t, after.end(), next), context);
                }
            }
        }
    }

    /** The Chinese word right before a count (spaces between allowed), at most 10 characters. */
    private static String nounBefore(String t, int at) {
        int end = at;
        while (end > 0 && t.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && end - start < 10 && Character.UnicodeScript.of(t.charAt(start - 1)) == Character.UnicodeScript.HAN) {
            start--;
        }
        return t.substring(start, end);
    }

    /** "下设 A、B、C" right before the count, in the same sentence. */
    private static String listBefore(String t, int countStart) {
        int sentence = Amounts.lastIndexOfAny(t, "。；;", countStart) + 1;
        Matcher m = LIST_BEFORE.matcher(t);
        m.region(sentence, countStart);
        int from = -1;
        while (m.find()) {
            from = m.end();
        }
        if (from < 0) {
            return null;
        }
        String list = t.substring(from, countStart).strip().replaceAll("[共计]$", "").strip();
        return list.isEmpty() ? null : list;
    }

    /** The list introduced right after the count, in the next sentence, or in the next block. */
    private static String listAfter(String t, int countEnd, Block next) {
        String rest = t.substring(countEnd);
        Matcher m = MARKER_AFTER.matcher(rest);
        if (m.find()) {
            return upToClauseEnd(rest.substring(m.end()));
        }
        int sentenceEnd = Amounts.indexOfAny(t, "。", countEnd);
        if (sentenceEnd + 1 < t.length()) {
            Matcher intro = LIST_INTRO.matcher(t.substring(sentenceEnd + 1));
            if (intro.find()) {
                return upToClauseEnd(t.substring(sentenceEnd + 1 + intro.end()));
            }
        }
        if (sentenceEnd + 1 >= t.length() && next != null) {
            Matcher intro = LIST_INTRO.matcher(next.text());
            if (intro.find()) {
                return upToClauseEnd(next.text().substring(intro.end()));
            }
        }
        return null;
    }

    /** A block that is a list: "内设股室:A、B、C。" or just "A、B". */
    private static String listOfBlock(String t) {
        Matcher intro = LIST_INTRO.matcher(t);
        return upToClauseEnd(intro.find() ? t.substring(intro.end()) : t);
    }

    /** The list up to the first clause end outside parentheses. */
    private static String upToClauseEnd(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            depth += c == '（' || c == '(' ? 1 : c == '）' || c == ')' ? -1 : 0;
            if (depth <= 0 && "，,。；;：:".indexOf(c) >= 0) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    /** Items split at 、 outside parentheses; null when the text is not a countable list. */
    static List<String> items(String list) {
        if (list == null) {
            return null;
        }
        String l = list.strip();
        if (l.endsWith("等") || l.matches(".*[\\d，,。；;：:].*")) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i <= l.length(); i++) {
            char c = i < l.length() ? l.charAt(i) : '、';
            depth += c == '（' || c == '(' ? 1 : c == '）' || c == ')' ? -1 : 0;
            if (depth <= 0 && c == '、') {
                String item = l.substring(from, i).strip();
                if (item.isEmpty()) {
                    return null;
                }
                out.add(item);
                from = i + 1;
            }
        }
        return out.size() >= 2 ? out : null;
    }

    private static void compare(Block b, String noun, int stated, String list, Rule.Context out) {
        List<String> items = items(list);
        if (items == null) {
            return;
        }
        int listed = items.size();
        // "A、B和C": the last item may hold two names joined by 和/及
        String last = items.get(listed - 1);
        if (listed == stated || listed + 1 == stated && (last.contains("和") || last.contains("及"))) {
            return;
        }
        out.add(Severity.WARNING, Tag.ACCURACY, "count.mismatch", b, list.strip(), "所述数量与所列项目不一致：文中为 " + stated
                + " 个" + noun + "，列出了 " + listed + " 个。", listed + " 个" + noun);
    }
}
