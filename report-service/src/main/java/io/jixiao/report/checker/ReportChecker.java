package io.jixiao.report.checker;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jixiao.report.checker.Finding.Severity;
import io.jixiao.report.checker.Finding.Tag;
import io.jixiao.report.checker.ReportText.Paragraph;

/**
 * The consistency checker of domain.md over a report's text: existence (outline, numbering, bodies),
 * accuracy (variances, rates, parts and totals, explanations of a variance, stated counts, staffing)
 * and text (repeated passages, cut-off paragraphs, mixed numbering, over-budget called growth).
 * Pure: no I/O, no framework; used on generated reports and on uploaded ones.
 */
public final class ReportChecker {

    /** Sums are compared with this tolerance, in 万元. */
    static final BigDecimal TOLERANCE = new BigDecimal("0.005");
    /** Identical passages at least this long (characters, spaces ignored) count as repeated. */
    static final int REPEAT_MIN = 20;
    /** Windows the repeat index remembers (about 16 MB); a report is a few thousand characters. */
    static final int REPEAT_INDEX_MAX = 500_000;
    /** The per-paragraph rules read at most this much of a paragraph (a real one is under 2,000). */
    static final int PARAGRAPH_CHECKED = 20_000;
    /** Variances, 其中 lists and stated counts read per paragraph: each one rescans its sentence. */
    static final int CANDIDATES = 50;

    /** The standard outline (domain.md, "The report outline"). */
    public static final Map<Integer, String> OUTLINE = new LinkedHashMap<>();
    static {
        OUTLINE.put(1, "单位基本情况");
        OUTLINE.put(2, "整体预算支出情况");
        OUTLINE.put(3, "整体支出绩效情况");
        OUTLINE.put(4, "存在的问题及原因");
        OUTLINE.put(5, "下一步改进措施");
        OUTLINE.put(6, "其他需要说明的情况");
    }

    /**
     * An amount starts at the start of a run of digits (a match attempt inside the run would repeat
     * the same failure once per digit) and is at most 15 digits and 6 decimals, so one attempt is
     * bounded and BigDecimal never parses a megabyte of digits.
     */
    private static final String NUM = "(?<!\\d)(?<!\\d\\.)(\\d{1,15}(?:\\.\\d{1,6})?)";
    private static final Pattern BUDGET = Pattern.compile("预算(?:数)?(?:为)?\\s*" + NUM + "\\s*万");
    private static final Pattern ACTUAL = Pattern.compile("实际(?:项目)?(?:支出)?(?:为)?\\s*" + NUM + "\\s*万");
    private static final Pattern ADJUSTED_ACTUAL = Pattern.compile("调整后实际(?:项目)?支出(?:为)?\\s*" + NUM + "\\s*万");
    private static final Pattern OVER = Pattern.compile("(?:超预算|超出预算)\\s*" + NUM + "\\s*万");
    private static final Pattern UNDER = Pattern.compile("(?:比预算节约|节约|低于预算|少于预算)\\s*" + NUM + "\\s*万");
    private static final Pattern DIRECT = Pattern.compile(NUM + "\\s*万元?由财政直接");
    private static final Pattern RATE = Pattern.compile("(增幅|增长率|预算完成率|完成率|执行率)(?:为)?\\s*" + NUM + "\\s*%");
    private static final Pattern AMOUNT = Pattern.compile(NUM + "\\s*万");
    private static final Pattern EXPLANATION_START = Pattern.compile("主要(?:原因)?(?:为|是)");
    private static final Pattern PARTS_START = Pattern.compile("其中[：:]");
    private static final Pattern AUTHORIZED = Pattern.compile("编制(?:数)?\\s*(?<!\\d)(\\d{1,6})\\s*(?:人|名)");
    private static final Pattern IN_POST = Pattern.compile("(?:实有)?在职在编(?:人员)?\\s*(?<!\\d)(\\d{1,6})\\s*(?:人|名)");
    private static final Pattern STATED_COUNT = Pattern.compile("(?<!\\d)(\\d{1,6})\\s*个(科室|处室|股室|内设机构|部门)");
    private static final Pattern LIST_START = Pattern.compile("(?:下设|内设|设有)");
    private static final Pattern DATE = Pattern.compile("^\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日$");
    private static final String CLOSING = "。！？!?；;：:…”’）)」』";

    private ReportChecker() {
    }

    public static List<Finding> check(String text) {
        return check(text, CheckDeadline.none());
    }

    /** @throws CheckDeadline.TooComplex when the deadline passes before the check is done */
    public static List<Finding> check(String text, CheckDeadline deadline) {
        ReportText doc = ReportText.parse(text);
        deadline.check();
        List<Finding> findings = new ArrayList<>();
        checkOutline(doc, findings);
        deadline.check();
        checkNumbering(doc, findings);
        for (Paragraph whole : doc.paragraphs()) {
            deadline.check();
            Paragraph p = whole.text().length() <= PARAGRAPH_CHECKED ? whole
                    : new Paragraph(whole.number(), whole.text().substring(0, PARAGRAPH_CHECKED), whole.section());
            checkFigures(p, findings);
            checkStaffing(p, findings);
            checkStatedCount(p, findings);
        }
        deadline.check();
        checkCutOff(doc, findings);
        checkRepeats(doc, findings, deadline);
        findings.sort(Comparator.comparingInt(Finding::paragraph).thenComparing(Finding::rule));
        return findings;
    }

    // ------------------------------------------------------------------ existence

    private static void checkOutline(ReportText doc, List<Finding> out) {
        List<Paragraph> headings = doc.paragraphs().stream().filter(p -> ReportText.LEVEL1.matcher(p.text()).matches())
                .toList();
        if (headings.isEmpty()) {
            out.add(new Finding(Severity.FATAL, Tag.EXISTENCE, "outline.unrecognised", "", 1, excerpt(
                    doc.paragraphs().isEmpty() ? "" : doc.paragraphs().get(0).text()),
                    "未识别出报告提纲：没有“一、”“二、”等一级标题。", "一、单位基本情况 … 六、其他需要说明的情况"));
            return;
        }
        Map<Integer, Paragraph> present = new HashMap<>();
        int last = 0;
        for (Paragraph h : headings) {
            Matcher m = ReportText.LEVEL1.matcher(h.text());
            m.matches();
            int n = ReportText.chineseNumber(m.group(1));
            if (n <= last) {
                out.add(new Finding(Severity.FATAL, Tag.EXISTENCE, "outline.order", h.section(), h.number(),
                        excerpt(h.text()), "一级标题顺序错误：“" + m.group(1) + "、”出现在“" + ReportText.chinese(last)
                                + "、”之后。", "一级标题按一、二、三……顺序排列"));
            }
            last = Math.max(last, n);
            present.putIfAbsent(n, h);
        }
        for (Map.Entry<Integer, String> section : OUTLINE.entrySet()) {
            if (!present.containsKey(section.getKey())) {
                int before = headings.stream().filter(h -> {
                    Matcher m = ReportText.LEVEL1.matcher(h.text());
                    return m.matches() && ReportText.chineseNumber(m.group(1)) > section.getKey();
                }).mapToInt(Paragraph::number).findFirst().orElse(doc.paragraphs().size());
                String name = ReportText.chinese(section.getKey()) + "、" + section.getValue();
                out.add(new Finding(Severity.FATAL, Tag.EXISTENCE, "outline.missing-section",
                        ReportText.chinese(section.getKey()), before, "", "缺少第" + ReportText.chinese(section.getKey())
                                + "部分“" + name + "”。", name));
            }
        }
        // a heading followed directly by the next heading (or the end) has no body
        List<Paragraph> ps = doc.paragraphs();
        for (int i = 0; i < ps.size(); i++) {
            Paragraph p = ps.get(i);
            if (isHeading(p.text()) && (i + 1 == ps.size() || headingLevel(ps.get(i + 1).text()) > 0
                    && headingLevel(ps.get(i + 1).text()) <= headingLevel(p.text()))) {
                out.add(new Finding(Severity.FATAL, Tag.EXISTENCE, "heading.without-body", p.section(), p.number(),
                        excerpt(p.text()), "标题“" + p.text() + "”下没有正文。", "每个标题下应有正文"));
            }
        }
    }

    private static void checkNumbering(ReportText doc, List<Finding> out) {
        Map<String, List<Paragraph>> bySection = new LinkedHashMap<>();
        for (Paragraph p : doc.paragraphs()) {
            bySection.computeIfAbsent(p.section(), k -> new ArrayList<>()).add(p);
        }
        boolean chineseStyle = false;
        boolean arabicStyle = false;
        Paragraph firstArabic = null;
        Paragraph firstChinese = null;
        for (List<Paragraph> section : bySection.values()) {
            int chinese = 0;
            int arabic = 0;
            int level3 = 0;
            for (Paragraph p : section) {
                Matcher c = ReportText.LEVEL2_CHINESE.matcher(p.text());
                Matcher a = ReportText.LEVEL2_ARABIC.matcher(p.text());
                Matcher l3 = ReportText.LEVEL3.matcher(p.text());
                if (c.matches()) {
                    int n = ReportText.chineseNumber(c.group(1));
                    gap(out, p, chinese, n, k -> "（" + ReportText.chinese(k) + "）");
                    chinese = n;
                    level3 = 0;
                    chineseStyle = true;
                    firstChinese = firstChinese == null ? p : firstChinese;
                } else if (a.matches()) {
                    int n = Integer.parseInt(a.group(1));
                    gap(out, p, arabic, n, k -> "(" + k + ")");
                    arabic = n;
                    level3 = 0;
                    arabicStyle = true;
                    firstArabic = firstArabic == null ? p : firstArabic;
                } else if (l3.matches()) {
                    int n = Integer.parseInt(l3.group(1));
                    gap(out, p, level3, n, k -> k + "、");
                    level3 = n;
                }
            }
        }
        if (chineseStyle && arabicStyle) {
            out.add(new Finding(Severity.WARNING, Tag.TEXT, "numbering.mixed", firstArabic.section(), firstArabic.number(),
                    excerpt(firstArabic.text()), "同一层级混用两种编号：第" + firstArabic.section() + "部分用“(1)”，第"
                            + firstChinese.section() + "部分用“（一）”。", "二级标题统一用（一）（二）……"));
        }
    }

    private static void gap(List<Finding> out, Paragraph p, int previous, int n,
            java.util.function.IntFunction<String> label) {
        if (n == previous + 1) {
            return;
        }
        String expected = label.apply(previous + 1);
        String message;
        if (previous == 0) {
            message = "编号应从" + label.apply(1) + "开始，此处为" + label.apply(n) + "。";
        } else if (n > previous + 1) {
            message = "编号不连续：" + label.apply(previous) + "之后是" + label.apply(n) + "，缺少" + expected + "。";
        } else {
            message = "编号重复或倒序：" + label.apply(n) + "出现在" + label.apply(previous) + "之后。";
        }
        out.add(new Finding(Severity.FATAL, Tag.EXISTENCE, "numbering.gap", p.section(), p.number(), excerpt(p.text()),
                message, expected));
    }

    // ------------------------------------------------------------------ accuracy

    private record Token(String kind, BigDecimal value, int start, int end) {
    }

    private static List<Token> tokens(String text, Pattern pattern, String kind) {
        List<Token> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(new Token(kind, new BigDecimal(m.group(1)), m.start(), m.end()));
        }
        return out;
    }

    private static void checkFigures(Paragraph p, List<Finding> out) {
        String t = p.text();
        if (t.indexOf('万') < 0) {
            return; // every figure rule starts from an amount in 万元
        }
        List<Token> budgets = tokens(t, BUDGET, "budget");
        List<Token> actuals = new ArrayList<>(tokens(t, ACTUAL, "actual"));
        actuals.addAll(tokens(t, ADJUSTED_ACTUAL, "adjusted"));
        actuals.sort(Comparator.comparingInt(Token::start));
        List<Token> variances = new ArrayList<>(tokens(t, OVER, "over"));
        variances.addAll(tokens(t, UNDER, "under"));
        variances.sort(Comparator.comparingInt(Token::start));
        if (variances.size() > CANDIDATES) {
            variances = variances.subList(0, CANDIDATES);
        }

        for (Token v : variances) {
            Token budget = budgets.stream().filter(b -> b.start() < v.start()).findFirst().orElse(null);
            Token actual = actuals.stream().filter(a -> a.end() <= v.start()).reduce((a, b) -> b).orElse(null);
            if (budget == null || actual == null) {
                continue;
            }
            BigDecimal expected = "over".equals(v.kind()) ? actual.value().subtract(budget.value())
                    : budget.value().subtract(actual.value());
            if (expected.subtract(v.value()).abs().compareTo(TOLERANCE) > 0) {
                out.add(new Finding(Severity.FATAL, Tag.ACCURACY, "variance.mismatch", p.section(), p.number(),
                        around(t, v), "差异金额与预算、实际不一致：" + plain(actual.value()) + " − " + plain(budget.value())
                                + " = " + plain(expected.abs()) + " 万元，文中为 " + plain(v.value()) + " 万元。",
                        plain(expected.abs()) + " 万元"));
            }
            checkRate(p, t, v, budget.value(), actual.value(), out);
            checkExplanations(p, t, v, out);
        }
        checkDirectSum(p, t, actuals, out);
        checkParts(p, t, actuals, out);
    }

    /** The rate stated after a variance: its value, and 增幅/增长率 used for over-budget spending. */
    private static void checkRate(Paragraph p, String t, Token variance, BigDecimal budget, BigDecimal actual,
            List<Finding> out) {
        int sentenceEnd = indexOfAny(t, "。", variance.end());
        Matcher m = RATE.matcher(t);
        m.region(variance.end(), sentenceEnd);
        if (!m.find() || budget.signum() == 0) {
            return;
        }
        String term = m.group(1);
        BigDecimal stated = new BigDecimal(m.group(2));
        boolean growthTerm = term.startsWith("增");
        BigDecimal exact = (growthTerm ? actual.subtract(budget) : actual).multiply(BigDecimal.valueOf(100))
                .divide(budget, 10, RoundingMode.HALF_UP);
        BigDecimal expected = exact.setScale(Math.max(stated.scale(), 0), RoundingMode.HALF_UP);
        if (expected.compareTo(stated) != 0) {
            out.add(new Finding(Severity.FATAL, Tag.ACCURACY, "rate.mismatch", p.section(), p.number(),
                    excerpt(t.substring(m.start(), m.end())), "比率与所述金额不一致：按文中金额应为 " + expected.toPlainString()
                            + "%，文中为 " + stated.toPlainString() + "%。", expected.toPlainString() + "%"));
        }
        if (growthTerm && "over".equals(variance.kind())) {
            out.add(new Finding(Severity.WARNING, Tag.TEXT, "wording.growth-for-overspend", p.section(), p.number(),
                    excerpt(t.substring(m.start(), m.end())), "超预算的比例被称为“" + term + "”：这是超出预算，不是增长。",
                    "超预算 " + plain(actual.subtract(budget)) + " 万元，预算完成率 "
                            + actual.multiply(BigDecimal.valueOf(100)).divide(budget, 2, RoundingMode.HALF_UP).toPlainString() + "%"));
        }
    }

    /** The reasons given after a variance ("主要为 …；…；") must add up to it. */
    private static void checkExplanations(Paragraph p, String t, Token variance, List<Finding> out) {
        Matcher start = EXPLANATION_START.matcher(t);
        if (!start.find(variance.end())) {
            return;
        }
        int end = t.length();
        Matcher parts = PARTS_START.matcher(t);
        if (parts.find(start.end())) {
            end = parts.start();
        }
        BigDecimal explained = BigDecimal.ZERO;
        int counted = 0;
        for (String clause : t.substring(start.end(), end).split("[；;。]")) {
            BigDecimal c = contribution(clause);
            if (c != null) {
                explained = explained.add(c);
                counted++;
            }
        }
        BigDecimal signed = "over".equals(variance.kind()) ? variance.value() : variance.value().negate();
        if (counted > 0 && explained.subtract(signed).abs().compareTo(TOLERANCE) > 0) {
            out.add(new Finding(Severity.FATAL, Tag.ACCURACY, "variance.explanations-mismatch", p.section(), p.number(),
                    excerpt(t.substring(start.start(), Math.min(end, start.start() + 60))),
                    "差异原因所列金额合计 " + plain(explained) + " 万元，与差异 " + plain(signed) + " 万元不一致。",
                    plain(signed) + " 万元"));
        }
    }

    /** What one reason clause says it explains: actual − budget of a pair, or an addition/cut. */
    static BigDecimal contribution(String clause) {
        List<Token> b = tokens(clause, BUDGET, "budget");
        List<Token> a = tokens(clause, ACTUAL, "actual");
        if (!b.isEmpty() && !a.isEmpty()) {
            return a.get(0).value().subtract(b.get(0).value());
        }
        List<Token> amounts = tokens(clause, AMOUNT, "amount");
        if (amounts.isEmpty()) {
            return null;
        }
        BigDecimal amount = amounts.get(amounts.size() - 1).value();
        if (clause.contains("年初无预算") || clause.matches(".*(调增|追加|增加|新增).*")) {
            return amount;
        }
        if (clause.matches(".*(减少|调减|节约|压减).*")) {
            return amount.negate();
        }
        return null;
    }

    /** "实际 A … B 万元由财政直接支付 … 调整后实际支出为 C": A + B must make C. */
    private static void checkDirectSum(Paragraph p, String t, List<Token> actuals, List<Finding> out) {
        List<Token> direct = tokens(t, DIRECT, "direct");
        Token adjusted = actuals.stream().filter(a -> "adjusted".equals(a.kind())).findFirst().orElse(null);
        if (direct.isEmpty() || adjusted == null) {
            return;
        }
        Token first = actuals.stream().filter(a -> "actual".equals(a.kind()) && a.start() < direct.get(0).start())
                .findFirst().orElse(null);
        if (first == null) {
            return;
        }
        BigDecimal sum = first.value().add(direct.get(0).value());
        if (sum.subtract(adjusted.value()).abs().compareTo(TOLERANCE) > 0) {
            out.add(new Finding(Severity.FATAL, Tag.ACCURACY, "sum.mismatch", p.section(), p.number(), around(t, adjusted),
                    "分项与合计不一致：" + plain(first.value()) + " + " + plain(direct.get(0).value()) + " = " + plain(sum)
                            + " 万元，文中合计为 " + plain(adjusted.value()) + " 万元。", plain(sum) + " 万元"));
        }
    }

    /** "实际支出 T 万元 … 其中：a 万元，b 万元，c 万元": the parts must make the total. */
    private static void checkParts(Paragraph p, String t, List<Token> actuals, List<Finding> out) {
        Matcher parts = PARTS_START.matcher(t);
        for (int n = 0; n < CANDIDATES && parts.find(); n++) {
            int end = indexOfAny(t, "。", parts.end());
            Token total = actuals.stream().filter(a -> a.end() <= parts.start()).reduce((a, b) -> b).orElse(null);
            List<Token> amounts = tokens(t.substring(parts.end(), end), AMOUNT, "part");
            if (total == null || amounts.size() < 2) {
                continue;
            }
            BigDecimal sum = amounts.stream().map(Token::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.subtract(total.value()).abs().compareTo(TOLERANCE) > 0) {
                out.add(new Finding(Severity.FATAL, Tag.ACCURACY, "parts.mismatch", p.section(), p.number(),
                        excerpt(t.substring(parts.start(), end)), "分项与合计不一致：分项之和 " + plain(sum) + " 万元，合计为 "
                                + plain(total.value()) + " 万元（相差 " + plain(total.value().subtract(sum).abs()) + " 万元）。",
                        "分项之和等于合计 " + plain(total.value()) + " 万元"));
            }
        }
    }

    private static void checkStaffing(Paragraph p, List<Finding> out) {
        if (!p.text().contains("在职在编")) {
            return;
        }
        Matcher a = AUTHORIZED.matcher(p.text());
        Matcher s = IN_POST.matcher(p.text());
        if (a.find() && s.find()) {
            int authorized = Integer.parseInt(a.group(1));
            int inPost = Integer.parseInt(s.group(1));
            if (inPost > authorized) {
                out.add(new Finding(Severity.WARNING, Tag.ACCURACY, "staff.over-authorized", p.section(), p.number(),
                        excerpt(p.text().substring(Math.min(a.start(), s.start()), Math.max(a.end(), s.end()))),
                        "实有在职在编 " + inPost + " 人，超过编制数 " + authorized + " 人（超编 " + (inPost - authorized) + " 人）。",
                        "在职人员不超过编制数，或说明超编原因"));
            }
        }
    }

    private static void checkStatedCount(Paragraph p, List<Finding> out) {
        if (p.text().indexOf('个') < 0) {
            return;
        }
        Matcher m = STATED_COUNT.matcher(p.text());
        // the list begins after the last 下设/内设/设有 before the count: one pass over the paragraph
        Matcher start = LIST_START.matcher(p.text());
        int listStart = -1;
        boolean more = start.find();
        for (int n = 0; n < CANDIDATES && m.find(); n++) {
            while (more && start.end() <= m.start()) {
                listStart = start.end();
                more = start.find();
            }
            String before = p.text().substring(0, m.start());
            if (listStart < 0) {
                continue;
            }
            String list = before.substring(listStart).replaceAll("[，,。\\s]+$", "").replaceAll("等$", "");
            if (!list.contains("、")) {
                continue;
            }
            int listed = list.split("、").length;
            int stated = Integer.parseInt(m.group(1));
            if (listed != stated) {
                out.add(new Finding(Severity.FATAL, Tag.ACCURACY, "count.mismatch", p.section(), p.number(),
                        excerpt(list + m.group()), "所述数量与所列项目不一致：文中为 " + stated + " 个" + m.group(2) + "，列出了 "
                                + listed + " 个。", listed + " 个" + m.group(2)));
            }
        }
    }

    // ------------------------------------------------------------------ text

    private static void checkCutOff(ReportText doc, List<Finding> out) {
        List<Paragraph> ps = doc.paragraphs();
        for (int i = 1; i < ps.size(); i++) { // the title (first paragraph) has no closing punctuation
            Paragraph p = ps.get(i);
            String t = p.text();
            if (isHeading(t) || DATE.matcher(t).matches() || isSignature(ps, i) || t.equals("无")) {
                continue;
            }
            char last = t.charAt(t.length() - 1);
            if (CLOSING.indexOf(last) >= 0) {
                continue;
            }
            long open = t.chars().filter(c -> c == '“').count();
            long close = t.chars().filter(c -> c == '”').count();
            String where = open > close ? "（在引号内断开）" : "";
            out.add(new Finding(Severity.FATAL, Tag.TEXT, "paragraph.cut-off", p.section(), p.number(),
                    tail(t), "段落在句中断开" + where + "：结尾“" + tail(t) + "”没有结束标点，后文缺失或被拆到别处。",
                    "完整的句子，以句号等标点结束"));
        }
    }

    /** The unit's name just before the closing date. */
    private static boolean isSignature(List<Paragraph> ps, int i) {
        return i + 1 < ps.size() && DATE.matcher(ps.get(i + 1).text()).matches() && ps.get(i).text().length() <= 40;
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /**
     * Passages of at least REPEAT_MIN characters that appeared in an earlier paragraph. Every window of
     * REPEAT_MIN characters is looked up in a hash index of the earlier windows (first occurrence
     * wins), then the shared run is extended from the hit: linear in the text, where comparing every
     * pair of paragraphs character by character was quadratic.
     */
    private static void checkRepeats(ReportText doc, List<Finding> out, CheckDeadline deadline) {
        List<Paragraph> ps = doc.paragraphs();
        List<String> normalized = new ArrayList<>(ps.size());
        long total = 0;
        for (Paragraph p : ps) {
            String n = WHITESPACE.matcher(p.text()).replaceAll("");
            normalized.add(n);
            total += Math.max(0, n.length() - REPEAT_MIN + 1);
        }
        WindowIndex index = new WindowIndex((int) Math.min(total, REPEAT_INDEX_MAX));
        for (int j = 0; j < ps.size(); j++) {
            deadline.check();
            String s = normalized.get(j);
            if (s.length() < REPEAT_MIN) {
                continue;
            }
            // earlier paragraph → {length, start in s} of the longest run shared with it
            Map<Integer, int[]> longest = new TreeMap<>();
            Map<Integer, Integer> coveredUntil = new HashMap<>();
            long h = WindowIndex.hash(s, 0);
            for (int k = 0; k + REPEAT_MIN <= s.length(); k++) {
                if (k > 0) {
                    h = WindowIndex.roll(h, s.charAt(k - 1), s.charAt(k + REPEAT_MIN - 1));
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
            for (Map.Entry<Integer, int[]> e : longest.entrySet()) {
                Paragraph earlier = ps.get(e.getKey());
                Paragraph p = ps.get(j);
                String shared = s.substring(e.getValue()[1], e.getValue()[1] + e.getValue()[0]);
                out.add(new Finding(Severity.FATAL, Tag.TEXT, "passage.repeated", p.section(), p.number(),
                        excerpt(shared), "与第" + (earlier.section().isEmpty() ? "" : earlier.section() + "部分")
                                + "第 " + earlier.number() + " 段重复一段 " + shared.length() + " 字的文字：“" + excerpt(shared) + "”。",
                        "每段文字只出现一次；此处应为本节自己的内容"));
            }
            h = WindowIndex.hash(s, 0);
            for (int k = 0; k + REPEAT_MIN <= s.length() && !index.full(); k++) {
                if (k > 0) {
                    h = WindowIndex.roll(h, s.charAt(k - 1), s.charAt(k + REPEAT_MIN - 1));
                }
                index.addIfAbsent(h, normalized, s, j, k);
            }
        }
    }

    /**
     * Open-addressing index of REPEAT_MIN-character windows: a rolling hash as the key and the window's
     * first place (paragraph, offset) as the value, checked against the text on every hit so a hash
     * collision is never reported as a repeat. Bounded: once full, later windows are still looked up
     * but no longer remembered.
     */
    static final class WindowIndex {
        private static final long BASE = 0x9E3779B97F4A7C15L | 1;
        private static final long TOP = pow(BASE, REPEAT_MIN - 1);

        private final long[] keys;
        private final int[] paragraphs; // paragraph index + 1; 0 = empty slot
        private final int[] offsets;
        private final int limit;
        private int size;

        WindowIndex(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
            keys = new long[capacity];
            paragraphs = new int[capacity];
            offsets = new int[capacity];
            limit = Math.max(1, expected);
        }

        static long hash(String s, int from) {
            long h = 0;
            for (int i = from; i < from + REPEAT_MIN; i++) {
                h = h * BASE + s.charAt(i);
            }
            return h;
        }

        static long roll(long h, char out, char in) {
            return (h - out * TOP) * BASE + in;
        }

        private static long pow(long b, int e) {
            long r = 1;
            for (int i = 0; i < e; i++) {
                r *= b;
            }
            return r;
        }

        boolean full() {
            return size >= limit;
        }

        /** The first place of the window of s at k as paragraph << 32 | offset, or -1. */
        long find(long key, List<String> texts, String s, int k) {
            int mask = keys.length - 1;
            for (int slot = (int) mix(key) & mask; paragraphs[slot] != 0; slot = (slot + 1) & mask) {
                if (keys[slot] == key && texts.get(paragraphs[slot] - 1).regionMatches(offsets[slot], s, k, REPEAT_MIN)) {
                    return ((long) (paragraphs[slot] - 1) << 32) | offsets[slot];
                }
            }
            return -1;
        }

        void addIfAbsent(long key, List<String> texts, String s, int paragraph, int k) {
            int mask = keys.length - 1;
            int slot = (int) mix(key) & mask;
            for (; paragraphs[slot] != 0; slot = (slot + 1) & mask) {
                if (keys[slot] == key && texts.get(paragraphs[slot] - 1).regionMatches(offsets[slot], s, k, REPEAT_MIN)) {
                    return;
                }
            }
            keys[slot] = key;
            paragraphs[slot] = paragraph + 1;
            offsets[slot] = k;
            size++;
        }

        private static long mix(long key) {
            long x = key ^ (key >>> 31);
            x *= 0xBF58476D1CE4E5B9L;
            return x ^ (x >>> 29);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** 1 for "一、…", 2 for a short "（一）…"/"(1)…" title, 3 for a short "1、…" title; 0 for a body. */
    static int headingLevel(String t) {
        if (ReportText.LEVEL1.matcher(t).matches()) {
            return 1;
        }
        boolean shortTitle = t.length() <= 30 && !t.contains("。");
        if (shortTitle && (ReportText.LEVEL2_CHINESE.matcher(t).matches() || ReportText.LEVEL2_ARABIC.matcher(t).matches())) {
            return 2;
        }
        if (t.length() <= 40 && ReportText.LEVEL3.matcher(t).matches() && t.indexOf('。') >= t.length() - 1) {
            return 3;
        }
        return 0;
    }

    static boolean isHeading(String t) {
        return headingLevel(t) > 0;
    }

    private static int indexOfAny(String t, String chars, int from) {
        for (int i = from; i < t.length(); i++) {
            if (chars.indexOf(t.charAt(i)) >= 0) {
                return i;
            }
        }
        return t.length();
    }

    private static String around(String t, Token token) {
        int s = Math.max(0, token.start() - 12);
        return excerpt(t.substring(s, Math.min(t.length(), token.end() + 2)));
    }

    static String excerpt(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "…";
    }

    private static String tail(String s) {
        return s.length() <= 12 ? s : "…" + s.substring(s.length() - 12);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().scale() < 2 ? v.setScale(2, RoundingMode.UNNECESSARY).toPlainString()
                : v.stripTrailingZeros().toPlainString();
    }
}
