package io.jixiao.report.checker;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jixiao.report.checker.Block.Cell;
import io.jixiao.report.checker.Finding.Severity;
import io.jixiao.report.checker.Finding.Tag;

/**
 * Staff in post above the authorised headcount (编制), in a sentence or in a table (label cell, then
 * its value cell). WARNING: over-staffing can be explained and approved; the report should say so.
 */
final class StaffingRule implements Rule {

    private static final String INT = "(?<!\\d)(\\d{1,6})(?![\\d.])";
    private static final Pattern AUTHORIZED = Pattern.compile("编制(?:人数|总数|数)?(?:为|共计|共|是|有)?\\s*" + INT + "\\s*(?:人|名)");
    /** 实有在职工作人员30人, 年末在职人数 27 人, 实有人 员 41 人 (a line wrap): the filler must not be another count. */
    private static final Pattern IN_POST = Pattern.compile("(?:实有|在职|在编|在岗)([\\u4e00-\\u9fa5\\s]{0,10}?)\\s*" + INT + "\\s*(?:人|名)");
    private static final Pattern NOT_IN_POST = Pattern.compile("编制|离|退|临聘|聘用|借调|派驻|协管|遗属");
    private static final Pattern AUTH_LABEL = Pattern.compile("^(?:人员|核定)?编制(?:人数|数)?$");
    private static final Pattern POST_LABEL = Pattern.compile("^(?:实有人数|在职人数|实有在职(?:人数)?|在职在编(?:人数)?|实有在编(?:人数)?)$");
    private static final Pattern CELL_INT = Pattern.compile("^\\s*(\\d{1,6})\\s*(?:人|名)?\\s*$");

    @Override
    public List<String> ids() {
        return List.of("staff.over-authorized");
    }

    @Override
    public void check(ReportDocument doc, Context context) {
        for (Block b : doc.blocks()) {
            if (b.isBody() && b.text().contains("编制")) {
                sentence(b, Amounts.text(b), context);
            } else if (b.kind() == Block.Kind.TABLE_ROW) {
                table(doc, b, context);
            }
        }
    }

    private static void sentence(Block p, String t, Context out) {
        Matcher a = AUTHORIZED.matcher(t);
        if (!a.find()) {
            return;
        }
        Matcher s = IN_POST.matcher(t);
        while (s.find()) {
            if (NOT_IN_POST.matcher(s.group(1)).find() || s.start() >= a.start() && s.start() < a.end()) {
                continue;
            }
            report(p, Integer.parseInt(a.group(1)), Integer.parseInt(s.group(2)),
                    t.substring(Math.min(a.start(), s.start()), Math.max(a.end(), s.end())), out);
            return;
        }
    }

    private static void table(ReportDocument doc, Block row, Context out) {
        List<Cell> cells = row.cells();
        Cell authorised = null;
        Cell inPost = null;
        int authorisedAt = -1;
        int inPostAt = -1;
        for (int i = 0; i + 1 < cells.size(); i++) {
            String label = cells.get(i).text().replaceAll("\\s+", "");
            if (authorised == null && AUTH_LABEL.matcher(label).matches() && CELL_INT.matcher(cells.get(i + 1).text()).matches()) {
                authorised = cells.get(i + 1);
                authorisedAt = i;
            } else if (inPost == null && POST_LABEL.matcher(label).matches() && CELL_INT.matcher(cells.get(i + 1).text()).matches()) {
                inPost = cells.get(i + 1);
                inPostAt = i;
            }
        }
        if (authorised == null || inPost == null) {
            return;
        }
        int from = cells.get(Math.min(authorisedAt, inPostAt)).start();
        int to = Math.max(authorised.end(), inPost.end());
        report(row, number(authorised), number(inPost), Evidence.source(doc, from, to), out);
    }

    private static int number(Cell c) {
        Matcher m = CELL_INT.matcher(c.text());
        m.matches();
        return Integer.parseInt(m.group(1));
    }

    private static void report(Block at, int authorized, int inPost, String evidence, Context out) {
        if (inPost > authorized) {
            out.add(Severity.WARNING, Tag.ACCURACY, "staff.over-authorized", at, evidence, "实有在职在编 " + inPost
                    + " 人，超过编制数 " + authorized + " 人（超编 " + (inPost - authorized) + " 人）。", "在职人员不超过编制数，或说明超编原因");
        }
    }
}
