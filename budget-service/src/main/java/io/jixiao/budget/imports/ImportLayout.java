package io.jixiao.budget.imports;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The workbook layout of import, template and export: three sheets with Chinese headers. Headers are
 * matched after normalisation (spaces, full-width brackets), so "预算数(元)" and "预算数（元）" are the same;
 * columns the importer does not know (the export's derived 万元/差异/执行率 columns) are ignored, so an
 * exported workbook can be imported again. The first column 序号 is free; a row whose 序号 is
 * 示例 (the template's example) or 合计/小计 (the export's totals) is not data.
 */
public final class ImportLayout {

    private ImportLayout() {
    }

    public enum Kind {
        BASIC("基本支出", "basic"), PROJECTS("项目支出", "projects"), LINES("支出明细", "lines");

        public final String sheetName;
        public final String key;

        Kind(String sheetName, String key) {
            this.sheetName = sheetName;
            this.key = key;
        }

        public static Optional<Kind> bySheetName(String name) {
            String n = normalise(name);
            for (Kind k : values()) {
                if (normalise(k.sheetName).equals(n)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }

        public static Optional<Kind> byKey(String key) {
            for (Kind k : values()) {
                if (k.key.equalsIgnoreCase(key) || k.sheetName.equals(key)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    public record Column(String key, String header, boolean required, String example) {
    }

    public static final String SERIAL = "序号";
    public static final String EXAMPLE_MARK = "示例";
    public static final String BASIC_LINE = "基本支出";
    public static final String CHANNEL_OWN = "单位自有";
    public static final String CHANNEL_DIRECT = "财政直接支付";

    public static final List<Column> BASIC = List.of(
            new Column("serial", SERIAL, false, EXAMPLE_MARK),
            new Column("budget", "预算数（元）", true, "6378800.00"),
            new Column("actual", "实际支出（元）", true, "6991300.00"),
            new Column("personnelActual", "工资福利（元）", false, "6095200.00"),
            new Column("subsidiesActual", "对个人和家庭的补助（元）", false, "557900.00"),
            new Column("publicFundsActual", "公用经费支出（元）", false, "338100.00"),
            new Column("publicFundsBudget", "公用经费预算（元）", false, ""));

    public static final List<Column> PROJECTS = List.of(
            new Column("serial", SERIAL, false, EXAMPLE_MARK),
            new Column("name", "项目名称", true, "平安望城意外伤害及监护人责任保险"),
            new Column("budget", "年初预算（元）", true, "600000.00"),
            new Column("adjustment", "调整数（元）", false, "0.00"),
            new Column("adjustmentReason", "调整原因", false, ""),
            new Column("actualOwn", "单位支付（元）", true, "652800.00"),
            new Column("actualDirect", "财政直接支付（元）", false, "0.00"),
            new Column("keyProject", "重点项目", false, "是"));

    public static final List<Column> LINES = List.of(
            new Column("serial", SERIAL, false, EXAMPLE_MARK),
            new Column("paidOn", "支付日期", true, "2020-03-15"),
            new Column("project", "项目名称", true, "平安望城意外伤害及监护人责任保险"),
            new Column("economicClass", "经济分类/用途", true, "保险费"),
            new Column("channel", "支付方式", true, CHANNEL_OWN),
            new Column("amount", "金额（元）", true, "52800.00"),
            new Column("description", "摘要", false, "一季度意外伤害保险保费"));

    public static List<Column> columns(Kind kind) {
        return switch (kind) {
            case BASIC -> BASIC;
            case PROJECTS -> PROJECTS;
            case LINES -> LINES;
        };
    }

    /** A header or sheet name as compared: no spaces, half-width brackets and slash, lower case. */
    public static String normalise(String s) {
        if (s == null) {
            return "";
        }
        return s.replace('（', '(').replace('）', ')').replace('／', '/').replaceAll("[\\s\u3000]", "")
                .toLowerCase(Locale.ROOT);
    }

    /** A row that is the template's example or an export's total, not data. */
    public static boolean isMarkerRow(String serial) {
        if (serial == null) {
            return false;
        }
        String s = serial.strip();
        return s.startsWith(EXAMPLE_MARK) || s.startsWith("合计") || s.startsWith("小计");
    }

    /** "A", "B", … "AA" for a 0-based column index (the column a clerk sees in Excel). */
    public static String columnLetter(int index) {
        StringBuilder out = new StringBuilder();
        int i = index + 1;
        while (i > 0) {
            int rem = (i - 1) % 26;
            out.insert(0, (char) ('A' + rem));
            i = (i - 1) / 26;
        }
        return out.toString();
    }

    /** 0-based column index of a cell reference such as "C12". */
    public static int columnIndex(String cellRef) {
        int col = 0;
        for (int i = 0; i < cellRef.length(); i++) {
            char c = cellRef.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            col = col * 26 + (c - 'A' + 1);
        }
        return col - 1;
    }
}
