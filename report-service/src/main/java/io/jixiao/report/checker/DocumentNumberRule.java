package io.jixiao.report.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jixiao.report.checker.Finding.Severity;
import io.jixiao.report.checker.Finding.Tag;

/**
 * A cited document number written wrongly: the year belongs in 〔〕 (青政发〔2019〕10号). Reported: an
 * opening bracket with no closing one after the year (青政发〔201910号), or year and number run
 * together with no brackets (青政发201612号). One WARNING per paragraph listing them all.
 */
final class DocumentNumberRule implements Rule {

    private static final Pattern OPEN_ONLY = Pattern.compile(
            "[\\u4e00-\\u9fa5]{1,10}[〔\\[【［]((?:19|20)\\d{2})(\\d{1,4})\\s*号");
    private static final Pattern NO_BRACKETS = Pattern.compile(
            "[\\u4e00-\\u9fa5]{1,10}(?:发|函|字)((?:19|20)\\d{2})(\\d{1,4})号");

    @Override
    public List<String> ids() {
        return List.of("document-number.malformed");
    }

    @Override
    public void check(ReportDocument doc, Context context) {
        for (Block b : doc.blocks()) {
            if (b.kind() == Block.Kind.TOC || b.kind() == Block.Kind.META || b.text().indexOf('号') < 0) {
                continue;
            }
            String t = Amounts.text(b);
            List<String> found = new ArrayList<>();
            List<String> fixed = new ArrayList<>();
            for (Pattern p : List.of(OPEN_ONLY, NO_BRACKETS)) {
                Matcher m = p.matcher(t);
                while (m.find() && found.size() < Amounts.CANDIDATES) {
                    found.add(m.group());
                    String issuer = m.group().substring(0, m.start(1) - m.start()).replaceAll("[〔\\[【［]$", "");
                    fixed.add(issuer + "〔" + m.group(1) + "〕" + m.group(2) + "号");
                }
            }
            if (!found.isEmpty()) {
                context.add(Severity.WARNING, Tag.TEXT, "document-number.malformed", b, found.get(0), "文号格式错误（" + found.size()
                        + " 处）：" + String.join("、", found) + "；年份应写在〔〕内。", String.join("、", fixed));
            }
        }
    }
}
