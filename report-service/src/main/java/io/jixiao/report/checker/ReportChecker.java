package io.jixiao.report.checker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The consistency checker of domain.md. A report is first read into a ReportDocument (title, cover,
 * table of contents, headings with levels, list items, tables, paragraphs), its outline profile is
 * detected, then every Rule runs over it. Pure: no I/O, no framework; used on generated reports and
 * on uploaded ones.
 */
public final class ReportChecker {

    /** Every rule, one class each. */
    static final List<Rule> RULES = List.of(new OutlineRule(), new HeadingBodyRule(), new NumberingRule(),
            new VarianceRule(), new RateRule(), new PartsRule(), new ShareRule(), new StaffingRule(), new CountRule(),
            new DocumentNumberRule(), new CutOffRule(), new RepeatRule(), new TraditionalRule());

    /** The document as read, the outline detected in it, and the findings. */
    public record Result(ReportDocument document, OutlineProfile profile, List<Finding> findings) {
    }

    private ReportChecker() {
    }

    public static List<Finding> check(String text) {
        return check(text, CheckDeadline.none());
    }

    /** @throws CheckDeadline.TooComplex when the deadline passes before the check is done */
    public static List<Finding> check(String text, CheckDeadline deadline) {
        return analyse(text, deadline).findings();
    }

    public static Result analyse(String text, CheckDeadline deadline) {
        ReportDocument doc = ReportDocument.read(text, deadline);
        deadline.check();
        OutlineProfile profile = OutlineProfile.detect(doc);
        List<Finding> findings = new ArrayList<>();
        Rule.Context context = new Rule.Context(profile, deadline, findings);
        for (Rule rule : RULES) {
            deadline.check();
            rule.check(doc, context);
        }
        findings.sort(Comparator.comparingInt(Finding::paragraph).thenComparing(Finding::rule));
        return new Result(doc, profile, List.copyOf(findings));
    }
}
