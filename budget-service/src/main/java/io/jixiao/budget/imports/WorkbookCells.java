package io.jixiao.budget.imports;

import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import io.jixiao.platform.money.Money;

/** Cell writing and the styles shared by the import template and the year's workbook. */
final class WorkbookCells {

    private WorkbookCells() {
    }

    static void header(Sheet sh, Styles st, List<String> names) {
        header(sh, st, 0, names);
    }

    static void header(Sheet sh, Styles st, int rowIndex, List<String> names) {
        Row row = sh.createRow(rowIndex);
        for (int i = 0; i < names.size(); i++) {
            text(row, i, names.get(i), st.header);
        }
    }

    static void widths(Sheet sh, int n) {
        for (int i = 0; i < n; i++) {
            sh.setColumnWidth(i, 16 * 256);
        }
    }

    static void text(Row row, int col, String v, CellStyle style) {
        if (v == null) {
            return;
        }
        Cell c = row.createCell(col);
        c.setCellValue(v);
        if (style != null) {
            c.setCellStyle(style);
        }
    }

    /** 元 as a number cell (2 decimals shown); empty when not provided. */
    static void money(Row row, int col, String yuan, CellStyle style) {
        if (yuan == null) {
            return;
        }
        Cell c = row.createCell(col);
        c.setCellValue(new BigDecimal(yuan).doubleValue());
        c.setCellStyle(style);
    }

    /** 元 → 万元 (2 decimals, half-up: the platform's display rule). */
    static void wan(Row row, int col, String yuan, CellStyle style) {
        if (yuan == null) {
            return;
        }
        Cell c = row.createCell(col);
        c.setCellValue(Money.toWan(new BigDecimal(yuan)).doubleValue());
        c.setCellStyle(style);
    }

    static BigDecimal add(String a, String b) {
        if (a == null && b == null) {
            return null;
        }
        return (a == null ? BigDecimal.ZERO : new BigDecimal(a)).add(b == null ? BigDecimal.ZERO : new BigDecimal(b));
    }

    static String str(BigDecimal v) {
        return v == null ? null : Money.yuan(v).toPlainString();
    }

    static final class Styles {
        final CellStyle header;
        final CellStyle title;
        final CellStyle label;
        final CellStyle money;
        final CellStyle moneyBold;
        final CellStyle date;
        final CellStyle example;
        final CellStyle exampleMoney;
        final CellStyle exampleDate;

        Styles(Workbook wb) {
            short moneyFormat = wb.createDataFormat().getFormat("#,##0.00");
            short dateFormat = wb.createDataFormat().getFormat("yyyy-mm-dd");
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            Font grey = wb.createFont();
            grey.setItalic(true);
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            title = wb.createCellStyle();
            title.setFont(big);
            label = wb.createCellStyle();
            label.setFont(bold);
            money = wb.createCellStyle();
            money.setDataFormat(moneyFormat);
            moneyBold = wb.createCellStyle();
            moneyBold.setDataFormat(moneyFormat);
            moneyBold.setFont(bold);
            date = wb.createCellStyle();
            date.setDataFormat(dateFormat);
            example = wb.createCellStyle();
            example.setFont(grey);
            exampleMoney = wb.createCellStyle();
            exampleMoney.setFont(grey);
            exampleMoney.setDataFormat(moneyFormat);
            exampleDate = wb.createCellStyle();
            exampleDate.setFont(grey);
            exampleDate.setDataFormat(dateFormat);
        }
    }
}
