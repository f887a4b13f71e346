package io.jixiao.report.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

import io.jixiao.report.checker.Block.Kind;
import io.jixiao.report.checker.Finding.Severity;
import io.jixiao.report.service.DocxText;

/**
 * The layouts real reports come in, as our own fixtures (src/test/resources/checker, invented units and
 * figures): cover page, table of contents, "|" and tab tables, tables drawn with "|" lines, one cell
 * per line, list items, the six-part, eight-part and form outlines, a flattened PDF and a .docx with a
 * real table. Each clean variant has no finding; each injected defect gives exactly its finding.
 */
class ReportLayoutsTest {

    static String fixture(String name) {
        try (InputStream in = ReportLayoutsTest.class.getResourceAsStream("/checker/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String SIX = fixture("six-part-cover.txt");
    static final String EIGHT = fixture("eight-part.txt");
    static final String FORM_CELLS = fixture("form-cells.txt");
    static final String FORM_PIPES = fixture("form-pipes.txt");
    static final String ITEMS = fixture("numbered-items.txt");

    static String replace(String text, String from, String to) {
        assertTrue(text.contains(from), "fixture lacks: " + from);
        return text.replace(from, to);
    }

    /** The only finding of a text, checked field by field. */
    static Finding only(String text, String rule, Severity severity, String excerpt) {
        List<Finding> f = ReportChecker.check(text);
        assertEquals(1, f.size(), f.toString());
        Finding x = f.get(0);
        assertEquals(rule, x.rule(), x.toString());
        assertEquals(severity, x.severity(), x.toString());
        if (excerpt != null) {
            assertEquals(excerpt, x.excerpt());
        }
        return x;
    }

    static List<Finding> without(List<Finding> f, String rule) {
        return f.stream().filter(x -> !x.rule().equals(rule)).toList();
    }

    @Test
    void cleanLayoutsHaveNoFindings() {
        for (String text : List.of(SIX, EIGHT, FORM_CELLS, FORM_PIPES)) {
            assertEquals(List.of(), ReportChecker.check(text), text.substring(0, 40));
        }
        // an excerpt ending after 二、: only the later parts are missing
        List<Finding> items = ReportChecker.check(ITEMS);
        assertEquals(List.of(), without(items, "outline.missing-section"));
        assertEquals(List.of("三", "四", "五", "六"), items.stream().map(Finding::section).toList());
    }

    @Test
    void profilesAreDetectedNotAssumed() {
        assertEquals(OutlineProfile.SIX_PART, profile(SIX));
        assertEquals(OutlineProfile.EIGHT_PART, profile(EIGHT));
        assertEquals(OutlineProfile.FORM, profile(FORM_CELLS));
        assertEquals(OutlineProfile.FORM, profile(FORM_PIPES));
        assertEquals(OutlineProfile.NUMBERED, profile("1.引言\n1.1职责概述\n本院依法行使审判权。\n2.评价结论\n得分 92 分。"));
        assertEquals(OutlineProfile.NONE, profile("会议纪要：本周完成了三项工作。"));
    }

    static OutlineProfile profile(String text) {
        return ReportChecker.analyse(text, CheckDeadline.none()).profile();
    }

    @Test
    void coverTocHeadingsListItemsAndTablesAreRead() {
        List<Block> b = ReportDocument.read(SIX).blocks();
        assertEquals(List.of(Kind.TITLE, Kind.TITLE, Kind.COVER, Kind.COVER, Kind.COVER, Kind.TOC),
                b.subList(0, 6).stream().map(Block::kind).toList());
        assertTrue(b.subList(6, 12).stream().allMatch(x -> x.kind() == Kind.TOC));
        Block part1 = b.get(12);
        assertEquals(Kind.HEADING, part1.kind());
        assertEquals(1, part1.level());
        assertEquals("一", part1.section());
        assertEquals(2, b.get(13).level());
        assertEquals(Kind.HEADING, b.get(13).kind());
        // "1.组织全县群众文化活动。" … are sentences of a list, not titles
        assertTrue(b.subList(14, 19).stream().allMatch(x -> x.kind() == Kind.LIST_ITEM), b.subList(14, 19).toString());
        Block row = b.stream().filter(x -> x.kind() == Kind.TABLE_ROW).findFirst().orElseThrow();
        assertEquals(List.of("人员编制", "36", "实有人数", "35"), row.cells().stream().map(Block.Cell::text).toList());

        Block cells = ReportDocument.read(FORM_CELLS).blocks().stream().filter(x -> x.kind() == Kind.TABLE_ROW)
                .findFirst().orElseThrow();
        assertEquals(List.of("联系人", "(略)", "人员编制", "12", "实有人数", "11", "职能职责概述"),
                cells.cells().subList(0, 7).stream().map(Block.Cell::text).toList());
        List<Block> pipes = ReportDocument.read(FORM_PIPES).blocks();
        assertTrue(pipes.stream().anyMatch(x -> x.kind() == Kind.TABLE_ROW
                && x.cells().stream().map(Block.Cell::text).toList().equals(List.of("人员编制", "36", "实有人数", "35"))));
        // the forms put part titles in one-cell rows: still headings
        assertEquals(3, pipes.stream().filter(x -> x.kind() == Kind.HEADING).count());

        List<Block> tabs = ReportDocument.read(EIGHT).blocks();
        assertTrue(tabs.stream().anyMatch(x -> x.kind() == Kind.TABLE_ROW
                && x.cells().stream().map(Block.Cell::text).toList().equals(List.of("投入", "15", "14.00"))));
    }

    @Test
    void staffingOverTheHeadcountInATextRow() {
        only(replace(SIX, "实有人数 | 35", "实有人数 | 38"), "staff.over-authorized", Severity.WARNING, "人员编制 | 36 | 实有人数 | 38");
    }

    @Test
    void partsThatDoNotMakeTheirTotal() {
        Finding f = only(replace(SIX, "商品和服务 14.89", "商品和服务 14.90"), "parts.mismatch", Severity.FATAL, null);
        assertTrue(f.message().contains("391.58") && f.message().contains("391.57"), f.message());
        assertEquals("二", f.section());
    }

    /** A gap of more than a tenth may be a list of some parts only: a WARNING, not a FATAL. Headcounts too. */
    @Test
    void partialListsAndHeadcounts() {
        Finding partial = only(replace(SIX, "工资福利 349.62 万元，商品和服务", "商品和服务"), "parts.mismatch", Severity.WARNING, null);
        assertTrue(partial.message().contains("差额较大"), partial.message());
        List<Finding> heads = without(ReportChecker.check(replace(ITEMS, "行政编制 30 人", "行政编制 31 人")),
                "outline.missing-section");
        assertEquals(1, heads.size(), heads.toString());
        assertEquals("parts.mismatch", heads.get(0).rule());
        assertEquals(Severity.FATAL, heads.get(0).severity());
        assertEquals("38 人，其中：行政编制 31 人、事业编制 8 人", heads.get(0).excerpt());
    }

    /** A share without a named whole is a share of the total its 其中 list belongs to. */
    @Test
    void aShareInsideAList() {
        String text = replace(SIX, "工资福利 349.62 万元，", "工资福利 349.62 万元，占 89.28%，").replace("工资福利占基本支出的 89.29%。", "");
        Finding f = only(text, "share.mismatch", Severity.FATAL, null);
        assertEquals("89.29%", f.expected());
        assertEquals(List.of(), ReportChecker.check(text.replace("占 89.28%", "占 89.29%")));
    }

    @Test
    void aShareAtTheStatedPrecisionHalfUp() {
        Finding f = only(replace(SIX, "89.29%", "89.28%"), "share.mismatch", Severity.FATAL, null);
        assertEquals("89.29%", f.expected());
        assertTrue(f.excerpt().endsWith("占基本支出的 89.28%"), f.excerpt());
    }

    /** An execution rate without a variance; a sentence with two budgets fits either. */
    @Test
    void anExecutionRateAgainstItsAmounts() {
        Finding f = only(replace(SIX, "预算完成率 100.00%", "预算完成率 99.00%"), "rate.mismatch", Severity.FATAL, "预算完成率 99.00%");
        assertEquals("100.00%", f.expected());
        String twoBudgets = replace(SIX, "本年度基本支出预算 391.57 万元，实际支出 391.57 万元，预算完成率 100.00%",
                "本年度基本支出年初预算 380.00 万元，调整后预算 391.57 万元，实际支出 391.57 万元，预算完成率 100.00%");
        assertEquals(List.of(), ReportChecker.check(twoBudgets));
    }

    @Test
    void theVarianceIsNotItsReasons() {
        // 节余 163.53 = 结转 120.00 + 节约 43.53: the clean fixture has no finding; a wrong actual is one
        Finding f = only(replace(SIX, "实际支出 136.47", "实际支出 136.48"), "variance.mismatch", Severity.FATAL, null);
        assertTrue(f.excerpt().contains("节余 163.53"), f.excerpt());
        assertEquals("163.52 万元", f.expected());
    }

    @Test
    void aStatedCountAgainstItsList() {
        only(replace(SIX, "4个部室", "5个部室"), "count.mismatch", Severity.WARNING, "办公室、活动部、培训部、非遗部");
        List<Finding> items = without(ReportChecker.check(replace(ITEMS, "①内设股室4", "①内设股室5")), "outline.missing-section");
        assertEquals(1, items.size(), items.toString());
        assertEquals("count.mismatch", items.get(0).rule());
        assertEquals("办公室、财务股、法规股、执法股", items.get(0).excerpt());
        assertEquals(Severity.WARNING, items.get(0).severity());
    }

    @Test
    void textCutOffInsideTheBodyIsFatal() {
        Finding f = only(replace(SIX, "活动场地不足。", "活动场"), "paragraph.cut-off", Severity.FATAL, "部分乡镇文化站设备老化，使用率不高，群众反映活动场");
        assertEquals("四", f.section());
    }

    /** Notes, annex lists and the sentence that introduces a list end without 。 and are not cut off. */
    @Test
    void notesAndListIntroductionsAreNoCutOff() {
        String text = replace(SIX, "（一）主要职责\n", "（一）主要职责\n本馆是全县公益性文化事业单位，主要职责如下\n")
                .replace("无。\n青禾县文化馆", "无。\n附件：1.部门整体支出绩效自评表，2.项目支出绩效自评表\n青禾县文化馆");
        assertEquals(List.of(), ReportChecker.check(text));
        // the same sentence followed by running text is cut off
        only(replace(SIX, "全年举办群众文化活动", "本馆是全县公益性文化事业单位，主要职责如下\n全年举办群众文化活动"),
                "paragraph.cut-off", Severity.FATAL, "本馆是全县公益性文化事业单位，主要职责如下");
    }

    @Test
    void aMissingPartIsNamedAgainstTheDetectedProfile() {
        Finding six = only(replace(SIX, "四、存在的问题及原因\n部分乡镇文化站设备老化，使用率不高，群众反映活动场地不足。\n", ""),
                "outline.missing-section", Severity.FATAL, "");
        assertEquals("四", six.section());
        assertTrue(six.message().contains("六部分提纲"), six.message());
        Finding eight = only(replace(EIGHT, "六、存在的问题及原因\n项目资金拨付进度前松后紧。\n", ""),
                "outline.missing-section", Severity.FATAL, "");
        assertEquals("六", eight.section());
        assertTrue(eight.message().contains("八部分提纲") && eight.message().contains("存在的问题及原因"), eight.message());
    }

    @Test
    void staffingInFormTables() {
        only(replace(FORM_CELLS, "实有人数\n\n11", "实有人数\n\n13"), "staff.over-authorized", Severity.WARNING,
                "人员编制\n\n12\n\n实有人数\n\n13");
        only(replace(FORM_PIPES, "实有人数\n|\n35", "实有人数\n|\n38"), "staff.over-authorized", Severity.WARNING,
                "人员编制\n|\n36\n|\n实有人数\n|\n38");
    }

    @Test
    void numberingGapsAndMalformedDocumentNumbers() {
        List<Finding> gap = without(ReportChecker.check(replace(ITEMS, "②下属单位2", "③下属单位2")), "outline.missing-section");
        assertEquals(1, gap.size(), gap.toString());
        assertEquals("numbering.gap", gap.get(0).rule());
        assertEquals(Severity.WARNING, gap.get(0).severity());
        assertEquals("③下属单位2", gap.get(0).excerpt());
        assertEquals("②", gap.get(0).expected());

        List<Finding> doc = without(ReportChecker.check(replace(ITEMS, "〔2024〕3号", "〔20243号")), "outline.missing-section");
        assertEquals(1, doc.size(), doc.toString());
        assertEquals("document-number.malformed", doc.get(0).rule());
        assertEquals("青财绩〔20243号", doc.get(0).excerpt());
        assertEquals("青财绩〔2024〕3号", doc.get(0).expected());
    }

    @Test
    void institutionNamesInTwoDutiesAreNoRepeatButAPastedSentenceIs() {
        // the clean fixture repeats "县委宣传部、县文化旅游广电体育局和县文联交办的" in two duties
        String pasted = replace(SIX, "无。", "无。本年度项目支出预算 300.00 万元，实际支出 136.47 万元，节余较多。");
        Finding f = only(pasted, "passage.repeated", Severity.WARNING, null);
        assertEquals("六", f.section());
        assertTrue(f.excerpt().startsWith("本年度项目支出预算300.00万元"), f.excerpt());
    }

    @Test
    void aFlattenedPdfIsSplitAgain() {
        String flat = String.join(" ", ReportCheckerTest.CLEAN.lines().filter(l -> !l.isBlank()).toList());
        assertEquals(1, flat.lines().count());
        assertEquals(List.of(), ReportChecker.check(flat));
        Finding f = only(flat.replace("节约 10.00 万元", "节约 10.01 万元"), "variance.mismatch", Severity.FATAL, null);
        assertEquals("二", f.section());
    }

    /** A .docx whose staffing sits in a real Word table: cells are read as cells. */
    @Test
    void aDocxTableIsReadStructurally() throws Exception {
        assertEquals(List.of(), ReportChecker.check(docx(SIX)));
        String text = docx(replace(SIX, "实有人数 | 35", "实有人数 | 38"));
        only(text, "staff.over-authorized", Severity.WARNING, "人员编制\t36\t实有人数\t38");
    }

    /** The fixture as a .docx: lines with " | " become rows of one Word table, the rest paragraphs. */
    static String docx(String fixture) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            for (String line : fixture.split("\n")) {
                if (line.contains(" | ")) {
                    String[] cells = line.replaceAll("\\s*\\|\\s*$", "").split("\\s*\\|\\s*");
                    XWPFTable table = doc.createTable(1, cells.length);
                    XWPFTableRow row = table.getRow(0);
                    for (int i = 0; i < cells.length; i++) {
                        row.getCell(i).setText(cells[i]);
                    }
                } else {
                    doc.createParagraph().createRun().setText(line);
                }
            }
            doc.write(out);
        }
        try (XWPFDocument read = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            return DocxText.of(read);
        }
    }

    /** Outlines of other templates: nothing is missing when every part is there under its own numbers. */
    @Test
    void otherTemplatesAreNotShortOfParts() {
        String five = """
                一、部门概况
                本站负责全县种子质量检测。
                二、部门整体支出管理及使用情况
                全年支出 86.00 万元。
                三、部门整体支出绩效情况
                完成检测任务 420 批次。
                四、存在的主要问题
                检测设备老化。
                五、改进措施及有关建议
                申请更新检测设备。
                """;
        assertEquals(OutlineProfile.FIVE_PART, profile(five));
        assertEquals(List.of(), ReportChecker.check(five));
        // the same without 四: a part missing in the middle is still missing
        only(five.replace("四、存在的主要问题\n检测设备老化。\n", ""), "outline.missing-section", Severity.FATAL, "");

        StringBuilder ten = new StringBuilder();
        String[] parts = {"部门(单位)基本情况", "一般公共预算支出情况", "政府性基金预算支出情况", "国有资本经营预算支出情况",
            "社会保险基金预算支出情况", "部门整体支出绩效情况", "存在的问题及原因", "下一步改进措施",
            "部门整体支出绩效自评结果拟应用和公开情况", "其他需要说明的情况"};
        for (int i = 0; i < parts.length; i++) {
            ten.append(Numbering.chinese(i + 1)).append('、').append(parts[i]).append("\n本部分按要求填写。\n");
        }
        assertEquals(OutlineProfile.SIX_PART, profile(ten.toString()));
        assertEquals(List.of(), ReportChecker.check(ten.toString()));
    }

    @Test
    void tablesOfContentsWithoutOrWithBracketedPageNumbers() {
        String plain = "目录\n第一部分 单位概况\n一、部门职责\n二、机构设置\n第二部分 绩效自评\n"
                + "一、部门职责\n本局负责全县统计调查工作，发布统计数据。\n二、机构设置\n本局内设综合股、调查股2个股室。\n";
        List<Block> b = ReportDocument.read(plain).blocks();
        assertEquals(List.of(Kind.TOC, Kind.TOC, Kind.TOC, Kind.TOC, Kind.TOC, Kind.HEADING),
                b.subList(0, 6).stream().map(Block::kind).toList());
        assertEquals(List.of(), without(ReportChecker.check(plain), "outline.missing-section"));

        String bracketed = "目录\n一、概况........................( 1 )\n(一)部门职责....................( 1)\n"
                + "一、概况\n(一)部门职责\n本部门负责全县统计调查工作，发布统计数据。\n";
        assertEquals(3, ReportDocument.read(bracketed).blocks().stream().filter(x -> x.kind() == Kind.TOC).count());
        assertEquals(List.of(), without(ReportChecker.check(bracketed), "outline.missing-section"));
    }

    /** A form copied one cell per line, each cell closed by "|": one table, labels beside their values. */
    @Test
    void oneCellRowsClosedByAPipeAreOneTable() {
        // empty "|" lines between them as well (the copy of empty cells)
        String form = "报表编号:QH-01 |\n|\n|\n一、部门(单位)基本概况\n部门名称 |\n青禾县统计局 |\n人员编制 |\n36 |\n"
                + "实有人数 |\n38 |\n";
        List<Finding> f = without(ReportChecker.check(form), "outline.missing-section");
        assertEquals(1, f.size(), f.toString());
        assertEquals("staff.over-authorized", f.get(0).rule());
        assertEquals("人员编制 |\n36 |\n实有人数 |\n38", f.get(0).excerpt());
    }

    /** Headings numbered by Word itself (a list style): the numbers are drawn, not typed, and still read. */
    @Test
    void wordListNumberingIsRead() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum abstractNum =
                    org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum.Factory.newInstance();
            abstractNum.setAbstractNumId(java.math.BigInteger.ZERO);
            String[] texts = {"%1、", "（%2）"};
            for (int level = 0; level < 2; level++) {
                org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl lvl = abstractNum.addNewLvl();
                lvl.setIlvl(java.math.BigInteger.valueOf(level));
                lvl.addNewStart().setVal(java.math.BigInteger.ONE);
                lvl.addNewNumFmt().setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat.CHINESE_COUNTING);
                lvl.addNewLvlText().setVal(texts[level]);
            }
            org.apache.poi.xwpf.usermodel.XWPFNumbering numbering = doc.createNumbering();
            java.math.BigInteger list = numbering.addNum(numbering.addAbstractNum(
                    new org.apache.poi.xwpf.usermodel.XWPFAbstractNum(abstractNum, numbering)));
            String[][] outline = {{"0", "单位基本情况"}, {"1", "主要职责"}, {"-", "负责全县档案的收集和利用。"}, {"1", "人员情况"},
                {"-", "编制数 12 人，年末实有在职在编 11 人。"}, {"0", "整体预算支出情况"}, {"1", "基本支出"},
                {"-", "本年度基本支出预算 200.00 万元，实际支出 190.00 万元，比预算节约 10.00 万元。"},
                {"0", "整体支出绩效情况"}, {"-", "完成年度目标。"}, {"0", "存在的问题及原因"}, {"-", "无。"},
                {"0", "下一步改进措施"}, {"-", "无。"}, {"0", "其他需要说明的情况"}, {"-", "无。"}};
            for (String[] line : outline) {
                org.apache.poi.xwpf.usermodel.XWPFParagraph p = doc.createParagraph();
                if (!line[0].equals("-")) {
                    p.setNumID(list);
                    p.setNumILvl(java.math.BigInteger.valueOf(Integer.parseInt(line[0])));
                }
                p.createRun().setText(line[1]);
            }
            doc.write(out);
        }
        String text;
        try (XWPFDocument read = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            text = DocxText.of(read);
        }
        assertTrue(text.contains("一、单位基本情况\n（一）主要职责\n"), text);
        assertTrue(text.contains("（二）人员情况\n"), text);
        assertTrue(text.contains("二、整体预算支出情况\n（一）基本支出\n"), text);
        assertTrue(text.contains("六、其他需要说明的情况\n"), text);
        assertEquals(OutlineProfile.SIX_PART, profile(text));
        assertEquals(List.of(), ReportChecker.check(text));
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void badInputGetsOneClearFinding() {
        Finding none = only("会议纪要：本周完成了三项工作。", "outline.unrecognised", Severity.FATAL, null);
        assertTrue(none.message().contains("未识别出报告提纲"), none.message());
        Finding empty = only("  \n\n", "outline.unrecognised", Severity.FATAL, "");
        assertTrue(empty.message().contains("没有可读取的文字"), empty.message());
        Finding tables = only("项目 | 预算数 | 实际数\n办公费 | 10.00 | 9.50\n印刷费 | 4.00 | 4.00\n", "outline.unrecognised",
                Severity.FATAL, "项目 | 预算数 | 实际数");
        assertTrue(tables.message().contains("只有表格"), tables.message());
    }

    @Test
    void aTraditionalReportIsReadAndSaysSo() {
        String text = """
                一、單位基本情況
                本館編制數 12 人，年末實有在職在編 13 人。
                二、整體預算支出情況
                本年度基本支出預算 200.00 萬元，實際支出 190.00 萬元，比預算節約 10.01 萬元。
                三、整體支出績效情況
                全年完成各項任務。
                四、存在的問題及原因
                無。
                五、下一步改進措施
                無。
                六、其他需要說明的情況
                無。
                """;
        List<Finding> f = ReportChecker.check(text);
        assertEquals(List.of("text.traditional", "staff.over-authorized", "variance.mismatch"),
                f.stream().map(Finding::rule).toList(), f.toString());
        assertEquals(Severity.WARNING, f.get(0).severity());
    }
}
