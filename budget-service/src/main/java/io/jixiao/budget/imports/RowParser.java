package io.jixiao.budget.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DateUtil;

import io.jixiao.budget.imports.ImportLayout.Column;
import io.jixiao.budget.imports.ImportLayout.Kind;

/**
 * Turns the rows of one sheet into typed rows, checking every cell and recording each problem with
 * sheet, row, column and a message code. The first non-blank row is the header row. Pure logic: no
 * database; the caller gives the project names the 支出明细 may refer to and the fiscal year.
 */
public final class RowParser implements SheetRows.RowHandler {

    public record BasicRow(int row, BigDecimal budget, BigDecimal actual, BigDecimal personnelActual,
            BigDecimal subsidiesActual, BigDecimal publicFundsActual, BigDecimal publicFundsBudget) {
    }

    public record ProjectRow(int row, String name, BigDecimal budget, BigDecimal adjustment, String adjustmentReason,
            BigDecimal actualOwn, BigDecimal actualDirect, boolean keyProject) {
    }

    /** project null = 基本支出; channel OWN or DIRECT. */
    public record LineRow(int row, LocalDate paidOn, String project, String economicClass, String channel,
            BigDecimal amount, String description) {
    }

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999.99");
    private static final BigDecimal FLOAT_NOISE = new BigDecimal("0.000001");
    /**
     * 2020-03-15, 2020/3/15, 2020年3月15日, with an optional time after a space or T. Each run of spaces
     * sits between characters that cannot be spaces, and the one before 日 is possessive, so a match
     * is linear (a \\s* followed by an optional [ T] made long runs of spaces quadratic).
     */
    static final Pattern DATE = Pattern.compile(
            "^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?:\\s*+日)?+(?:[\\sT].*)?$");
    /** Longest cell text read as an amount or a date (the largest amount has 18 digits); longer is a row error. */
    static final int MAX_VALUE_CHARS = 40;
    private static final Pattern COMPACT_DATE = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");

    private final Kind kind;
    private final int fiscalYear;
    private final Set<String> knownProjects;
    private final ImportErrors errors;
    private final int maxRows;
    private final Consumer<Object> sink;
    private final Runnable onRow;

    private Map<String, Integer> columnOf;
    private boolean headerBroken;
    private int dataRows;
    private final Map<String, Integer> projectNameRows = new HashMap<>();

    /**
     * @param knownProjects project names a 支出明细 may name (existing and in the same file)
     * @param sink receives each valid typed row (BasicRow, ProjectRow or LineRow)
     * @param onRow called once per data row (progress)
     */
    public RowParser(Kind kind, int fiscalYear, Set<String> knownProjects, ImportErrors errors, int maxRows,
            Consumer<Object> sink, Runnable onRow) {
        this.kind = kind;
        this.fiscalYear = fiscalYear;
        this.knownProjects = knownProjects;
        this.errors = errors;
        this.maxRows = maxRows;
        this.sink = sink;
        this.onRow = onRow;
    }

    public int dataRows() {
        return dataRows;
    }

    public boolean headerFound() {
        return columnOf != null;
    }

    /** Project names seen in a 项目支出 sheet (also those of rows with errors). */
    public Set<String> projectNames() {
        return projectNameRows.keySet();
    }

    @Override
    public boolean row(SheetRows.Row row) {
        if (row.blank()) {
            return true;
        }
        if (columnOf == null) {
            header(row);
            return !headerBroken;
        }
        Integer serialCol = columnOf.get("serial");
        if (serialCol != null && ImportLayout.isMarkerRow(row.value(serialCol))) {
            return true;
        }
        dataRows++;
        if (dataRows > maxRows) {
            if (dataRows == maxRows + 1) {
                errors.add(kind, row.number(), -1, null, "import.too-many-rows", String.valueOf(maxRows));
            }
            return false;
        }
        onRow.run();
        Cells c = new Cells(row);
        switch (kind) {
            case BASIC -> basic(c);
            case PROJECTS -> project(c);
            case LINES -> line(c);
        }
        return true;
    }

    private void header(SheetRows.Row row) {
        Map<String, Integer> found = new HashMap<>();
        for (int i = 0; i < row.values().length; i++) {
            String v = row.value(i);
            if (v != null) {
                found.putIfAbsent(ImportLayout.normalise(v), i);
            }
        }
        columnOf = new LinkedHashMap<>();
        for (Column col : ImportLayout.columns(kind)) {
            Integer index = found.get(ImportLayout.normalise(col.header()));
            if (index != null) {
                columnOf.put(col.key(), index);
            } else if (col.required()) {
                errors.add(kind, row.number(), -1, col.header(), "import.header.missing", col.header());
                headerBroken = true;
            }
        }
    }

    /** Reads the cells of one row by column key, recording errors with the column's position. */
    private final class Cells {
        final SheetRows.Row row;
        boolean ok = true;

        Cells(SheetRows.Row row) {
            this.row = row;
        }

        int col(String key) {
            Integer i = columnOf.get(key);
            return i == null ? -1 : i;
        }

        String header(String key) {
            for (Column c : ImportLayout.columns(kind)) {
                if (c.key().equals(key)) {
                    return c.header();
                }
            }
            return key;
        }

        void error(String key, String code, String... args) {
            ok = false;
            errors.add(kind, row.number(), col(key), header(key), code, args);
        }

        String raw(String key) {
            String v = row.value(col(key));
            return v == null || v.isBlank() ? null : v.strip();
        }

        String text(String key, boolean required, int max) {
            String v = raw(key);
            if (v != null && row.isNumeric(col(key))) {
                v = plainNumber(v);
            }
            if (v == null) {
                if (required) {
                    error(key, "import.required");
                }
                return null;
            }
            if (v.length() > max) {
                error(key, "import.text.too-long", String.valueOf(max));
                return null;
            }
            return v;
        }

        BigDecimal amount(String key, boolean required, boolean signed) {
            String v = raw(key);
            if (v == null) {
                if (required) {
                    error(key, "import.required");
                }
                return null;
            }
            if (v.length() > MAX_VALUE_CHARS) {
                error(key, "import.value.too-long", String.valueOf(MAX_VALUE_CHARS));
                return null;
            }
            BigDecimal d;
            try {
                if (row.isNumeric(col(key))) {
                    // a binary double: 2-decimal amounts come back with float noise after formulas
                    BigDecimal exact = BigDecimal.valueOf(Double.parseDouble(v));
                    BigDecimal cents = exact.setScale(2, RoundingMode.HALF_UP);
                    d = exact.subtract(cents).abs().compareTo(FLOAT_NOISE) < 0 ? cents : exact;
                } else {
                    d = new BigDecimal(v.replace(",", "").replace("，", "").replace("¥", "").replace("￥", "").strip());
                }
            } catch (NumberFormatException e) {
                error(key, "import.amount.invalid", v);
                return null;
            }
            if (!signed && d.signum() < 0) {
                error(key, "import.amount.negative");
                return null;
            }
            if (d.stripTrailingZeros().scale() > 2) {
                error(key, "import.amount.decimals");
                return null;
            }
            if (d.abs().compareTo(MAX_AMOUNT) > 0) {
                error(key, "import.amount.too-large");
                return null;
            }
            return d.setScale(2, RoundingMode.UNNECESSARY);
        }

        LocalDate date(String key) {
            String v = raw(key);
            if (v == null) {
                error(key, "import.required");
                return null;
            }
            if (v.length() > MAX_VALUE_CHARS) {
                error(key, "import.value.too-long", String.valueOf(MAX_VALUE_CHARS));
                return null;
            }
            LocalDate date = null;
            try {
                if (row.isNumeric(col(key))) {
                    double serial = Double.parseDouble(v);
                    if (DateUtil.isValidExcelDate(serial) && serial >= 1) {
                        date = DateUtil.getLocalDateTime(serial).toLocalDate();
                    }
                } else {
                    Matcher m = DATE.matcher(v);
                    Matcher compact = COMPACT_DATE.matcher(v);
                    if (m.matches()) {
                        date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3)));
                    } else if (compact.matches()) {
                        date = LocalDate.of(Integer.parseInt(compact.group(1)), Integer.parseInt(compact.group(2)),
                                Integer.parseInt(compact.group(3)));
                    }
                }
            } catch (NumberFormatException | DateTimeException e) {
                date = null;
            }
            if (date == null) {
                error(key, "import.date.invalid", v);
                return null;
            }
            if (date.getYear() != fiscalYear) {
                error(key, "import.date.outside-year", date.toString(), String.valueOf(fiscalYear));
                return null;
            }
            return date;
        }
    }

    private void basic(Cells c) {
        if (dataRows > 1) {
            c.error("budget", "import.basic.one-row");
            return;
        }
        BigDecimal budget = c.amount("budget", true, false);
        BigDecimal actual = c.amount("actual", true, false);
        BigDecimal personnel = c.amount("personnelActual", false, false);
        BigDecimal subsidies = c.amount("subsidiesActual", false, false);
        BigDecimal publicFunds = c.amount("publicFundsActual", false, false);
        BigDecimal publicBudget = c.amount("publicFundsBudget", false, false);
        partAtMost(c, "personnelActual", personnel, actual);
        partAtMost(c, "subsidiesActual", subsidies, actual);
        partAtMost(c, "publicFundsActual", publicFunds, actual);
        if (c.ok) {
            sink.accept(new BasicRow(c.row.number(), budget, actual, personnel, subsidies, publicFunds, publicBudget));
        }
    }

    private static void partAtMost(Cells c, String key, BigDecimal part, BigDecimal total) {
        if (part != null && total != null && part.compareTo(total) > 0) {
            c.error(key, "part.exceeds.total");
        }
    }

    private void project(Cells c) {
        String name = c.text("name", true, 200);
        if (name != null) {
            Integer first = projectNameRows.putIfAbsent(name, c.row.number());
            if (first != null) {
                c.error("name", "import.project.duplicate", String.valueOf(first));
            }
        }
        BigDecimal budget = c.amount("budget", true, false);
        BigDecimal adjustment = c.amount("adjustment", false, true);
        String reason = c.text("adjustmentReason", false, 1000);
        BigDecimal own = c.amount("actualOwn", true, false);
        BigDecimal direct = c.amount("actualDirect", false, false);
        Boolean key = flag(c, "keyProject");
        if (c.ok) {
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            sink.accept(new ProjectRow(c.row.number(), name, budget, adjustment == null ? zero : adjustment, reason, own,
                    direct == null ? zero : direct, Boolean.TRUE.equals(key)));
        }
    }

    private static Boolean flag(Cells c, String key) {
        String v = c.raw(key);
        if (v == null) {
            return false;
        }
        switch (v.toUpperCase(java.util.Locale.ROOT)) {
            case "是", "Y", "YES", "TRUE", "1", "√" -> {
                return true;
            }
            case "否", "N", "NO", "FALSE", "0" -> {
                return false;
            }
            default -> {
                c.error(key, "import.flag.invalid", v);
                return null;
            }
        }
    }

    private void line(Cells c) {
        LocalDate paidOn = c.date("paidOn");
        String project = c.text("project", true, 200);
        if (project != null) {
            if (ImportLayout.BASIC_LINE.equals(project)) {
                project = null;
            } else if (!knownProjects.contains(project)) {
                c.error("project", "import.project.unknown", project);
            }
        }
        String economicClass = c.text("economicClass", true, 100);
        String channel = channel(c);
        BigDecimal amount = c.amount("amount", true, false);
        String description = c.text("description", false, 500);
        if (c.ok) {
            sink.accept(new LineRow(c.row.number(), paidOn, project, economicClass, channel, amount, description));
        }
    }

    private static String channel(Cells c) {
        String v = c.raw("channel");
        if (v == null) {
            c.error("channel", "import.required");
            return null;
        }
        return switch (v) {
            case ImportLayout.CHANNEL_OWN, "单位支付", "单位自有资金", "单位支付系统" -> "OWN";
            case ImportLayout.CHANNEL_DIRECT, "财政直付", "直接支付", "财政直接支付/下拨" -> "DIRECT";
            default -> {
                c.error("channel", "import.channel.invalid", v);
                yield null;
            }
        };
    }

    /** "6378800.0" (a number cell used as text) → "6378800". */
    static String plainNumber(String raw) {
        try {
            return BigDecimal.valueOf(Double.parseDouble(raw)).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }
}
