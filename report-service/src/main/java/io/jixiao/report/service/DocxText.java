package io.jixiao.report.service;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A .docx as the checker reads it: paragraphs one per line, with the numbers Word draws for list-styled
 * headings (DocxNumbering), and tables read structurally, one line per row with its cells separated by
 * tabs (and a closing tab, so a one-cell row is still a row). A cell's own line breaks and tabs become
 * spaces so cell boundaries stay exact.
 */
public final class DocxText {

    private DocxText() {
    }

    public static String of(XWPFDocument doc) {
        StringBuilder out = new StringBuilder();
        DocxNumbering numbers = new DocxNumbering();
        for (IBodyElement element : doc.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                out.append(numbers.prefix(p)).append(p.getText()).append('\n');
            } else if (element instanceof XWPFTable table) {
                table(table, out);
            }
        }
        return out.toString();
    }

    private static void table(XWPFTable table, StringBuilder out) {
        for (XWPFTableRow row : table.getRows()) {
            StringBuilder line = new StringBuilder();
            boolean any = false;
            for (XWPFTableCell cell : row.getTableCells()) {
                String text = cell.getText().replaceAll("[\\t\\r\\n]+", " ").strip();
                any |= !text.isEmpty();
                line.append(text).append('\t');
            }
            if (any) {
                out.append(line).append('\n');
            }
        }
    }
}
