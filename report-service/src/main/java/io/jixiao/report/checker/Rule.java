package io.jixiao.report.checker;

import java.util.List;

/**
 * One consistency rule over a read document. A rule reports only on evidence it can quote; it says
 * FATAL only when the finding is certain (arithmetic that does not add up, a part missing from the
 * detected outline, text cut off inside the body), otherwise WARNING with its reason.
 */
public interface Rule {

    /** The stable ids this rule reports under (Finding.rule). */
    List<String> ids();

    void check(ReportDocument doc, Context context);

    /** What every rule gets besides the document: the detected outline, the deadline, the output. */
    final class Context {
        private final OutlineProfile profile;
        private final CheckDeadline deadline;
        private final List<Finding> out;

        Context(OutlineProfile profile, CheckDeadline deadline, List<Finding> out) {
            this.profile = profile;
            this.deadline = deadline;
            this.out = out;
        }

        public OutlineProfile profile() {
            return profile;
        }

        public CheckDeadline deadline() {
            return deadline;
        }

        public void add(Finding f) {
            out.add(f);
        }

        public void add(Finding.Severity severity, Finding.Tag tag, String rule, Block at, String evidence, String message,
                String expected) {
            out.add(new Finding(severity, tag, rule, at == null ? "" : at.section(), at == null ? 0 : at.number(),
                    Evidence.cap(evidence), message, expected));
        }
    }
}
