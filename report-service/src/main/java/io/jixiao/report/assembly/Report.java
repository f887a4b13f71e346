package io.jixiao.report.assembly;

import java.util.List;

/**
 * An assembled self-evaluation report (自评报告): the outline 一 … 六, the unit and date, and the
 * annexes. One model, rendered as text (for the checker), HTML (preview), and later DOCX and PDF.
 */
public record Report(String title, List<Section> sections, String unit, String date, Score score,
        List<ProjectRow> projects) {

    public record Section(String number, String title, List<Part> parts) {
    }

    /** A part of a section: an optional sub-heading such as "（一）基本支出情况" and its paragraphs. */
    public record Part(String heading, List<String> paragraphs) {
    }

    public record Score(String total, String grade, List<ScoreRow> rows) {
    }

    public record ScoreRow(String level1, String level2, String name, String points, String value, String score,
            String status) {
    }

    public record ProjectRow(String name, String budget, String adjustment, String actualOwn, String actualDirect,
            String actual, String executionRate, boolean keyProject) {
    }

    /** Plain text in the layout the checker reads: one paragraph per line, blank lines between. */
    public String toText() {
        StringBuilder out = new StringBuilder(title).append("\n\n");
        for (Section s : sections) {
            out.append(s.number()).append('、').append(s.title()).append("\n\n");
            for (Part p : s.parts()) {
                if (p.heading() != null) {
                    out.append(p.heading()).append("\n\n");
                }
                for (String para : p.paragraphs()) {
                    out.append(para).append("\n\n");
                }
            }
        }
        return out.append(unit).append("\n\n").append(date).append('\n').toString();
    }
}
