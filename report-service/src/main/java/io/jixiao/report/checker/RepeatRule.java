package io.jixiao.report.checker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.jixiao.report.checker.Finding.Severity;
import io.jixiao.report.checker.Finding.Tag;

/**
 * A passage of the body repeated from an earlier one (the sample's fragment of 二 pasted into 三).
 * Every window of REPEAT_MIN characters is looked up in a hash index of earlier windows, then the
 * shared run is extended: linear in the text. A shared run counts when it reads as text (it holds
 * clause punctuation) or is long (REPEAT_LONG): a run of institution names such as
 * "市委、市委全面深化改革委员会和市委财经委员会" recurring in two duties is not a repeated passage.
 * WARNING: quoting the same rule twice can be deliberate.
 */
final class RepeatRule implements Rule {

    /** Identical passages at least this long (characters, spaces ignored) can count as repeated. */
    static final int REPEAT_MIN = 20;
    /** From this length a shared run counts even without punctuation. */
    static final int REPEAT_LONG = 50;
    /** Windows the index remembers (about 16 MB); a report is a few thousand characters. */
    static final int REPEAT_INDEX_MAX = 500_000;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern CLAUSE = Pattern.compile("[，。；：,;:！？]");

    @Override
    public List<String> ids() {
        return List.of("passage.repeated");
    }

    @Override
    public void check(ReportDocument doc, Context context) {
        List<Block> ps = doc.blocks().stream().filter(Block::isBody).toList();
        List<String> normalized = new ArrayList<>(ps.size());
        long total = 0;
        for (Block p : ps) {
            String n = WHITESPACE.matcher(p.text()).replaceAll("");
            normalized.add(n);
            total += Math.max(0, n.length() - REPEAT_MIN + 1);
        }
        RepeatIndex index = new RepeatIndex((int) Math.min(total, REPEAT_INDEX_MAX), REPEAT_MIN);
        for (int j = 0; j < ps.size(); j++) {
            context.deadline().check();
            String s = normalized.get(j);
            if (s.length() < REPEAT_MIN) {
                continue;
            }
            Map<Integer, int[]> longest = longestShared(index, normalized, s, context.deadline());
            for (Map.Entry<Integer, int[]> e : longest.entrySet()) {
                String shared = s.substring(e.getValue()[1], e.getValue()[1] + e.getValue()[0]);
                if (shared.length() < REPEAT_LONG && !CLAUSE.matcher(shared).find()) {
                    continue;
                }
                Block earlier = ps.get(e.getKey());
                context.add(Severity.WARNING, Tag.TEXT, "passage.repeated", ps.get(j), shared, "与"
                        + (earlier.section().isEmpty() ? "" : "第" + earlier.section() + "部分") + "第 " + earlier.number()
                        + " 段重复一段 " + shared.length() + " 字的文字：“" + Evidence.cap(shared) + "”。",
                        "每段文字只出现一次；此处应为本节自己的内容");
            }
            index.addAll(normalized, s, j);
        }
    }

    /** Earlier paragraph → {length, start in s} of the longest run s shares with it. */
    private static Map<Integer, int[]> longestShared(RepeatIndex index, List<String> normalized, String s,
            CheckDeadline deadline) {
        Map<Integer, int[]> longest = new TreeMap<>();
        Map<Integer, Integer> coveredUntil = new HashMap<>();
        long h = RepeatIndex.hash(s, 0, REPEAT_MIN);
        for (int k = 0; k + REPEAT_MIN <= s.length(); k++) {
            if (k > 0) {
                h = index.roll(h, s.charAt(k - 1), s.charAt(k + REPEAT_MIN - 1));
            }
            if ((k & 0x1FFF) == 0) {
                deadline.check();
            }
            long at = index.find(h, normalized, s, k);
            if (at < 0) {
                continue;
            }
            int i = (int) (at >>> 32);
            int o = (int) at;
            int from = coveredUntil.getOrDefault(i, 0);
            if (k < from) {
                continue; // inside a run already measured with this paragraph
            }
            String a = normalized.get(i);
            int back = 0;
            while (o - back > 0 && k - back > from && a.charAt(o - back - 1) == s.charAt(k - back - 1)) {
                back++;
            }
            int len = REPEAT_MIN;
            while (o + len < a.length() && k + len < s.length() && a.charAt(o + len) == s.charAt(k + len)) {
                len++;
            }
            coveredUntil.put(i, k + len - REPEAT_MIN + 1);
            int[] best = longest.computeIfAbsent(i, x -> new int[] {0, 0});
            if (back + len > best[0]) {
                best[0] = back + len;
                best[1] = k - back;
            }
        }
        return longest;
    }
}
