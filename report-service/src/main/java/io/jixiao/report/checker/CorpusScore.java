package io.jixiao.report.checker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Scores the checker on a labelled corpus (NNN.txt + NNN.json, see the corpus README): per report,
 * findings on a neutral snippet, missing parts after the excerpt's end and unmatched WARNING style
 * findings are ignored; a finding of the expected kind on an expected snippet (or the paragraph
 * holding it) matches it once; everything else is a false positive. Prints precision and recall per
 * kind and per rule, and exits 1 below the thresholds.
 *
 * <pre>java -cp … io.jixiao.report.checker.CorpusScore [--min-precision 0.9] [--min-recall 0.8] [--verbose] DIR</pre>
 */
public final class CorpusScore {

    /** The corpus kinds each rule reports under. */
    static final Map<String, String> KIND = Map.ofEntries(Map.entry("parts.mismatch", "parts-sum"),
            Map.entry("sum.mismatch", "parts-sum"), Map.entry("variance.mismatch", "variance"),
            Map.entry("variance.explanations-mismatch", "variance"), Map.entry("rate.mismatch", "rate"),
            Map.entry("share.mismatch", "share"), Map.entry("staff.over-authorized", "staffing-over"),
            Map.entry("count.mismatch", "count-mismatch"), Map.entry("outline.missing-section", "missing-section"),
            Map.entry("numbering.gap", "numbering-gap"), Map.entry("passage.repeated", "repeated-passage"),
            Map.entry("paragraph.cut-off", "cut-off"));
    /** Wording and layout style: ignored when they match nothing (README, scoring step 1). */
    static final List<String> STYLE = List.of("numbering.mixed", "wording.growth-for-overspend");

    record Item(String kind, String evidence) {
    }

    /** One labelled report. reached: the last level-1 part the excerpt reaches (0 when unknown). */
    record Labelled(String name, String text, List<Item> expected, List<Item> mustNotFlag, List<String> neutral,
            int reached) {
    }

    /** Counts of one report or one group: matched, false positives, expected. */
    static final class Tally {
        int matched;
        int falsePositives;
        int expected;
        int ignored;

        void add(Tally o) {
            matched += o.matched;
            falsePositives += o.falsePositives;
            expected += o.expected;
            ignored += o.ignored;
        }

        double precision() {
            return matched + falsePositives == 0 ? 1.0 : (double) matched / (matched + falsePositives);
        }

        double recall() {
            return expected == 0 ? 1.0 : (double) matched / expected;
        }
    }

    /** The outcome of scoring a corpus. */
    record Score(Tally total, Map<String, Tally> byReport, Map<String, Tally> byKind, Map<String, Tally> byRule,
            List<String> log) {
    }

    private CorpusScore() {
    }

    public static void main(String[] args) throws IOException {
        double minPrecision = 0.9;
        double minRecall = 0.8;
        boolean verbose = false;
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--min-precision" -> minPrecision = Double.parseDouble(args[++i]);
                case "--min-recall" -> minRecall = Double.parseDouble(args[++i]);
                case "--verbose" -> verbose = true;
                default -> dir = Path.of(args[i]);
            }
        }
        if (dir == null) {
            System.err.println("usage: CorpusScore [--min-precision P] [--min-recall R] [--verbose] DIR");
            System.exit(2);
        }
        Score s = score(load(dir));
        if (verbose) {
            s.log().forEach(System.out::println);
        }
        System.out.println(report(s));
        boolean ok = s.total().precision() >= minPrecision && s.total().recall() >= minRecall;
        System.out.printf("corpus-score: precision %.3f (min %.2f), recall %.3f (min %.2f): %s%n", s.total().precision(),
                minPrecision, s.total().recall(), minRecall, ok ? "passed" : "FAILED");
        System.exit(ok ? 0 : 1);
    }

    static List<Labelled> load(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Labelled> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path txt : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String name = txt.getFileName().toString().replaceFirst("\\.txt$", "");
                Path label = txt.resolveSibling(name + ".json");
                if (!Files.exists(label)) {
                    continue;
                }
                JsonNode j = json.readTree(label.toFile());
                List<String> neutral = new ArrayList<>();
                j.path("neutral").forEach(n -> neutral.add(n.path("evidence").asText()));
                out.add(new Labelled(name, Files.readString(txt, StandardCharsets.UTF_8), items(j.path("expected")),
                        items(j.path("must_not_flag")), neutral, reached(j.path("excerpt_ends_in").asText(""))));
            }
        }
        return out;
    }

    private static List<Item> items(JsonNode array) {
        List<Item> out = new ArrayList<>();
        array.forEach(n -> out.add(new Item(n.path("kind").asText(), n.path("evidence").asText())));
        return out;
    }

    private static final Pattern REACHED_CHINESE = Pattern.compile("^([一二三四五六七八九十]{1,3})、");
    private static final Pattern REACHED_ARABIC = Pattern.compile("^(\\d{1,2})");

    /** "一、(二)" → 1, "1.3" → 1, "表: …" → 0 (every part is after the end). */
    static int reached(String endsIn) {
        Matcher c = REACHED_CHINESE.matcher(endsIn);
        if (c.find()) {
            return Numbering.chineseNumber(c.group(1));
        }
        Matcher a = REACHED_ARABIC.matcher(endsIn);
        return a.find() ? Integer.parseInt(a.group(1)) : 0;
    }

    static Score score(List<Labelled> corpus) {
        Tally total = new Tally();
        Map<String, Tally> byReport = new TreeMap<>();
        Map<String, Tally> byKind = new TreeMap<>();
        Map<String, Tally> byRule = new TreeMap<>();
        // every rule is listed, also those that never fired
        ReportChecker.RULES.forEach(rule -> rule.ids().forEach(id -> byRule.put(id, new Tally())));
        List<String> log = new ArrayList<>();
        for (Labelled r : corpus) {
            ReportChecker.Result result = ReportChecker.analyse(r.text(), CheckDeadline.none());
            Tally t = new Tally();
            t.expected = r.expected().size();
            r.expected().forEach(e -> byKind.computeIfAbsent(e.kind(), k -> new Tally()).expected++);
            boolean[] used = new boolean[r.expected().size()];
            for (Finding f : result.findings()) {
                List<int[]> at = spans(result.document(), f);
                String kind = KIND.getOrDefault(f.rule(), "other");
                String outcome = outcome(r, f, kind, at, used);
                log.add(r.name() + " " + outcome + " " + f.severity() + " " + f.rule() + " §" + f.section() + " ¶"
                        + f.paragraph() + " «" + f.excerpt().replace('\n', '⏎') + "» " + f.message());
                Tally rule = byRule.computeIfAbsent(f.rule(), k -> new Tally());
                Tally byK = byKind.computeIfAbsent(kind, k -> new Tally());
                if (outcome.equals("MATCH")) {
                    t.matched++;
                    rule.matched++;
                    byK.matched++;
                } else if (outcome.startsWith("FP")) {
                    t.falsePositives++;
                    rule.falsePositives++;
                    byK.falsePositives++;
                } else {
                    t.ignored++;
                    rule.ignored++;
                    byK.ignored++;
                }
            }
            for (int i = 0; i < used.length; i++) {
                if (!used[i]) {
                    log.add(r.name() + " MISSED " + r.expected().get(i).kind() + " «" + r.expected().get(i).evidence() + "»");
                }
            }
            byReport.put(r.name(), t);
            total.add(t);
        }
        byRule.forEach((rule, x) -> x.expected = 0);
        return new Score(total, byReport, byKind, byRule, log);
    }

    private static String outcome(Labelled r, Finding f, String kind, List<int[]> at, boolean[] used) {
        if (f.rule().equals("outline.missing-section") && Numbering.chineseNumber(f.section()) > r.reached()) {
            return "ignored(after excerpt)";
        }
        for (String n : r.neutral()) {
            if (overlaps(r.text(), n, at)) {
                return "ignored(neutral)";
            }
        }
        for (int i = 0; i < used.length; i++) {
            Item e = r.expected().get(i);
            if (!used[i] && e.kind().equals(kind) && overlaps(r.text(), e.evidence(), at)) {
                used[i] = true;
                return "MATCH";
            }
        }
        for (Item m : r.mustNotFlag()) {
            if (overlaps(r.text(), m.evidence(), at)) {
                return "FP(must-not-flag)";
            }
        }
        if (f.severity() == Finding.Severity.WARNING && STYLE.contains(f.rule())) {
            return "ignored(style)";
        }
        return "FP";
    }

    /** Where a finding points: its block, and its quoted evidence where it occurs in the text. */
    static List<int[]> spans(ReportDocument doc, Finding f) {
        List<int[]> out = new ArrayList<>();
        Block b = doc.block(f.paragraph());
        if (b != null) {
            out.add(new int[] {b.start(), b.end()});
        }
        String quote = f.excerpt().replaceAll("^…|…$", "");
        if (!quote.isEmpty()) {
            for (int i = doc.source().indexOf(quote); i >= 0; i = doc.source().indexOf(quote, i + 1)) {
                out.add(new int[] {i, i + quote.length()});
            }
        }
        return out;
    }

    private static boolean overlaps(String text, String evidence, List<int[]> at) {
        if (evidence.isEmpty()) {
            return false;
        }
        for (int i = text.indexOf(evidence); i >= 0; i = text.indexOf(evidence, i + 1)) {
            for (int[] s : at) {
                if (s[0] < i + evidence.length() && i < s[1]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A ratio, or "-" when nothing was counted (a rule that never fired has no precision). */
    private static String ratio(int part, int whole) {
        return whole == 0 ? "-" : String.format("%.3f", (double) part / whole);
    }

    static String report(Score s) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-34s %8s %8s %8s %8s %10s %8s%n", "kind", "expected", "matched", "false+", "ignored",
                "precision", "recall"));
        s.byKind().forEach((k, t) -> out.append(String.format("%-34s %8d %8d %8d %8d %10s %8s%n", k, t.expected, t.matched,
                t.falsePositives, t.ignored, ratio(t.matched, t.matched + t.falsePositives), ratio(t.matched, t.expected))));
        out.append(String.format("%n%-34s %8s %8s %8s %10s%n", "rule", "matched", "false+", "ignored", "precision"));
        s.byRule().forEach((k, t) -> out.append(String.format("%-34s %8d %8d %8d %10s%n", k, t.matched, t.falsePositives,
                t.ignored, ratio(t.matched, t.matched + t.falsePositives))));
        out.append(String.format("%n%-34s %8s %8s %8s%n", "report", "expected", "matched", "false+"));
        s.byReport().forEach((k, t) -> out.append(String.format("%-34s %8d %8d %8d%n", k, t.expected, t.matched,
                t.falsePositives)));
        out.append(String.format("%n%-34s %8d %8d %8d %10.3f %8.3f%n", "overall", s.total().expected, s.total().matched,
                s.total().falsePositives, s.total().precision(), s.total().recall()));
        return out.toString();
    }
}
