package io.jixiao.budget.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Cell rules of the importer, without a database (pure logic). */
class RowParserTest {

    static SheetRows.Row row(int n, Object... cells) {
        String[] v = new String[cells.length];
        boolean[] num = new boolean[cells.length];
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] instanceof Double d) {
                v[i] = Double.toString(d);
                num[i] = true;
            } else {
                v[i] = (String) cells[i];
            }
        }
        return new SheetRows.Row(n, v, num);
    }

    @Test
    void amountsDatesChannelsAndProjectsAreReadOrRefusedWithTheirColumn() {
        List<Object> out = new ArrayList<>();
        ImportErrors errors = new ImportErrors(10);
        RowParser p = new RowParser(ImportLayout.Kind.LINES, 2020, Set.of("普法宣传"), errors, 100, out::add, () -> {
        });
        p.row(row(1, "序号", "支付日期", "项目名称", "经济分类/用途", "支付方式", "金额(元)", "摘要"));
        p.row(row(2, "示例", "x", "x", "x", "x", "x", "x"));
        p.row(row(3, "1", 43905.0, "普法宣传", "印刷费", "单位自有", 0.1 + 0.2, null)); // 2020-03-15, float noise
        p.row(row(4, "2", "2020年12月31日", "基本支出", "办公费", "财政直付", "1,000", "x"));
        p.row(row(5, "3", "2020-02-30", "其他", null, "现金", "1e", null));
        assertEquals(3, p.dataRows(), "the example row is not data");
        assertEquals(2, out.size());
        RowParser.LineRow first = (RowParser.LineRow) out.get(0);
        assertEquals(LocalDate.of(2020, 3, 15), first.paidOn());
        assertEquals(new BigDecimal("0.30"), first.amount());
        RowParser.LineRow second = (RowParser.LineRow) out.get(1);
        assertEquals(null, second.project());
        assertEquals("DIRECT", second.channel());
        assertEquals(new BigDecimal("1000.00"), second.amount());
        assertEquals(List.of("import.date.invalid", "import.project.unknown", "import.required", "import.channel.invalid",
                "import.amount.invalid"), errors.kept().stream().map(ImportErrors.Error::code).toList());
        assertEquals(List.of("B", "C", "D", "E", "F"), errors.kept().stream().map(ImportErrors.Error::column).toList());
    }

    @Test
    void aMissingRequiredHeaderStopsTheSheetWithOneError() {
        ImportErrors errors = new ImportErrors(10);
        RowParser p = new RowParser(ImportLayout.Kind.PROJECTS, 2020, Set.of(), errors, 100, x -> {
        }, () -> {
        });
        p.row(row(1, "项目名称", "年初预算（元）"));
        assertEquals(1, errors.count());
        assertEquals("import.header.missing", errors.kept().get(0).code());
        assertEquals(List.of("单位支付（元）"), errors.kept().get(0).args());
    }

    @Test
    void columnLettersAndCsvLayoutsAreRecognised() {
        assertEquals("A", ImportLayout.columnLetter(0));
        assertEquals("AA", ImportLayout.columnLetter(26));
        assertEquals(27, ImportLayout.columnIndex("AB12"));
        assertEquals(ImportLayout.Kind.LINES, UploadedFile.detectKind(List.of("序号", "支付日期", "项目名称", "经济分类/用途",
                "支付方式", "金额(元)").stream().map(ImportLayout::normalise).toList()).orElseThrow());
        assertEquals(ImportLayout.Kind.PROJECTS, UploadedFile.detectKind(List.of("项目名称", "年初预算(元)", "单位支付(元)")
                .stream().map(ImportLayout::normalise).toList()).orElseThrow());
    }

    /** The date pattern is linear: spaces before a line break used to be tried at every split (quadratic). */
    @Test
    void theDatePatternIsLinearAndStillReadsEveryForm() {
        String spaces = "2020-03-15" + " ".repeat(100_000) + "\nx";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertFalse(RowParser.DATE.matcher(spaces).matches()));
        for (String ok : List.of("2020-03-15", "2020/3/5", "2020.03.15", "2020年3月15日", "2020 年 3 月 15 日", "2020年3月15 日",
                "2020-03-15 10:30:00", "2020-03-15T10:30", "2020年3月15日 上午")) {
            assertTrue(RowParser.DATE.matcher(ok).matches(), ok);
        }
        assertFalse(RowParser.DATE.matcher("2020-03-15x").matches());
    }

    /** A megabyte in an amount or date cell is one row error with the column, quoted back shortened. */
    @Test
    void hugeAmountAndDateCellsAreRowErrors() {
        List<Object> out = new ArrayList<>();
        ImportErrors errors = new ImportErrors(10);
        RowParser p = new RowParser(ImportLayout.Kind.LINES, 2020, Set.of(), errors, 100, out::add, () -> {
        });
        String digits = "9".repeat(1_000_000);
        String date = "2020-03-15" + " ".repeat(1_000_000) + "\nx";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            p.row(row(1, "序号", "支付日期", "项目名称", "经济分类/用途", "支付方式", "金额(元)", "摘要"));
            p.row(row(2, "1", date, "基本支出", "办公费", "单位自有", digits, null));
            p.row(row(3, "2", "2020-03-15", "基本支出", "办公费", "现金" + " ".repeat(1_000_000) + "x", "1.00", null));
        });
        assertEquals(0, out.size());
        assertEquals(List.of("import.value.too-long", "import.value.too-long", "import.channel.invalid"),
                errors.kept().stream().map(ImportErrors.Error::code).toList());
        assertEquals(List.of("B", "F", "E"), errors.kept().stream().map(ImportErrors.Error::column).toList());
        assertEquals(List.of("40"), errors.kept().get(0).args());
        assertTrue(errors.kept().get(2).args().get(0).length() <= 60, "the clerk's value is quoted back shortened");
    }
}
