package io.jixiao.report.assembly;

import java.math.BigInteger;
import java.util.List;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * The Word writer shared by the report and the bureau's documents: the page (A4, GB/T 9704 margins from
 * PageGeometry, page numbers), body paragraphs and runs in the document faces, annex titles and tables.
 */
final class DocxWriter {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String TITLE_FALLBACK = "宋体";
    static final String HEADING_FONT = "黑体";
    static final String SUBHEADING_FONT = "楷体";
    static final String BODY_FONT = "仿宋";
    static final int TWIPS_PER_MM = PageGeometry.TWIPS_PER_MM;
    /** A4 width less the left and right margins. */
    static final int TEXT_WIDTH_TWIPS = PageGeometry.TEXT_WIDTH_TWIPS;

    private DocxWriter() {
    }

    static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PageGeometry.A4_WIDTH_TWIPS));
        size.setH(BigInteger.valueOf(PageGeometry.A4_HEIGHT_TWIPS));
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf((long) PageGeometry.TOP_MM * TWIPS_PER_MM));
        mar.setBottom(BigInteger.valueOf((long) PageGeometry.BOTTOM_MM * TWIPS_PER_MM));
        mar.setLeft(BigInteger.valueOf((long) PageGeometry.LEFT_MM * TWIPS_PER_MM));
        mar.setRight(BigInteger.valueOf((long) PageGeometry.RIGHT_MM * TWIPS_PER_MM));
    }

    /** A body paragraph: justified, fixed 28 pt lines, first line indented by two characters. */
    static XWPFParagraph body(XWPFDocument doc) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setSpacingBetween(28, LineSpacingRule.EXACT);
        p.setIndentationFirstLine(2 * 320); // two 16 pt characters, in twips
        return p;
    }

    /**
     * A title longer than a line (about 20 characters at 二号) is broken before "整体支出…", by meaning,
     * as the PDF does; digits count half.
     */
    static List<String> titleLines(String title) {
        int at = title.indexOf("整体支出");
        if (at > 0 && ems(title) > 20 && ems(title.substring(0, at)) <= 20) {
            return List.of(title.substring(0, at), title.substring(at));
        }
        return List.of(title);
    }

    static double ems(String s) {
        return s.codePoints().mapToDouble(c -> c < 0x80 ? 0.5 : 1).sum();
    }

    /** "— n —" in 四号 at the foot: odd pages on the right, even pages on the left, one character in (GB/T 9704). */
    static void pageNumbers(XWPFDocument doc) {
        doc.setEvenAndOddHeadings(true);
        footer(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
        footer(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
    }

    static void footer(XWPFFooter footer, ParagraphAlignment align) {
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(align);
        if (align == ParagraphAlignment.RIGHT) {
            p.setIndentationRight(280);
        } else {
            p.setIndentationLeft(280);
        }
        run(p, "— ", "宋体", 14, false);
        p.getCTP().addNewFldSimple().setInstr("PAGE");
        run(p, " —", "宋体", 14, false);
    }

    static XWPFRun run(XWPFParagraph p, String text, String font, int size, boolean bold) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
        run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
        run.setFontSize(size);
        run.setBold(bold);
        return run;
    }

    static void annexTitle(XWPFDocument doc, String label, String title) {
        XWPFParagraph l = doc.createParagraph();
        l.setPageBreak(true);
        run(l, label, HEADING_FONT, 16, false);
        XWPFParagraph t = doc.createParagraph();
        t.setAlignment(ParagraphAlignment.CENTER);
        t.setSpacingAfter(240);
        run(t, title, TITLE_FONT, 18, true);
    }

    /** Fixed column widths (shares of the text width); the header row repeats on every page, shaded. */
    static XWPFTable table(XWPFDocument doc, int[] shares, String... headers) {
        XWPFTable t = doc.createTable(1, headers.length);
        t.setWidth(String.valueOf(TEXT_WIDTH_TWIPS));
        t.setTableAlignment(TableRowAlign.CENTER);
        t.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
        int[] widths = twips(shares);
        CTTblGrid grid = t.getCTTbl().getTblGrid() != null ? t.getCTTbl().getTblGrid() : t.getCTTbl().addNewTblGrid();
        for (int i = 0; i < widths.length; i++) {
            (i < grid.sizeOfGridColArray() ? grid.getGridColArray(i) : grid.addNewGridCol()).setW(BigInteger.valueOf(widths[i]));
        }
        XWPFTableRow header = t.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int i = 0; i < headers.length; i++) {
            XWPFTableCell c = cell(header, i, widths[i], headers[i], true, ParagraphAlignment.CENTER);
            c.setColor("F0F0F0");
        }
        return t;
    }

    static void row(XWPFTable t, int[] shares, boolean[] numeric, boolean bold, String... values) {
        XWPFTableRow row = t.createRow();
        row.setCantSplitRow(true);
        int[] widths = twips(shares);
        for (int i = 0; i < values.length; i++) {
            cell(row, i, widths[i], values[i], bold, numeric[i] ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
        }
    }

    static XWPFTableCell cell(XWPFTableRow row, int i, int width, String text, boolean bold, ParagraphAlignment align) {
        XWPFTableCell c = row.getCell(i);
        c.setWidthType(TableWidthType.DXA);
        c.setWidth(String.valueOf(width));
        c.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        XWPFParagraph p = c.getParagraphs().get(0);
        p.setAlignment(align);
        run(p, text == null ? "" : text, "宋体", 10, bold);
        return c;
    }

    static int[] twips(int[] shares) {
        int total = 0;
        for (int s : shares) {
            total += s;
        }
        int[] out = new int[shares.length];
        for (int i = 0; i < shares.length; i++) {
            out[i] = TEXT_WIDTH_TWIPS * shares[i] / total;
        }
        return out;
    }
}
