package io.jixiao.evaluation.service;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;


/**
 * budget-service's demo department-years (budget-service/src/main/resources/demo/departments.json, read from the
 * source tree) as that service publishes them: BudgetFiguresChanged v1 with the whole sheet, its derived totals
 * computed as BudgetSheetService does (project totals, 三公 totals, pairs), each event checked against the
 * producer's schema. So the demo test scores exactly the figures up.sh loads.
 */
final class DemoSheets {

    static final Path FILE = Path.of("..", "budget-service", "src", "main", "resources", "demo", "departments.json");
    static final ObjectMapper JSON = new ObjectMapper();

    private DemoSheets() {
    }

    /** Every demo department-year with figures, keyed "departmentId:year", in the order of the file. */
    static Map<String, JsonNode> years() throws IOException {
        JsonNode root = JSON.readTree(Files.readString(FILE));
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode d : root.get("departments")) {
            var it = d.get("years").fields();
            while (it.hasNext()) {
                var y = it.next();
                if (y.getValue().has("basic")) {
                    ObjectNode year = (ObjectNode) y.getValue().deepCopy();
                    year.put("_departmentId", d.get("id").asText());
                    year.put("_code", d.get("code").asText());
                    year.put("_name", d.get("name").asText());
                    year.set("_duties", d.get("duties"));
                    year.set("_divisions", d.get("divisions"));
                    out.put(d.get("id").asText() + ":" + y.getKey(), year);
                }
            }
        }
        return out;
    }

    /** The BudgetFiguresChanged event of a demo year at a revision, valid against budget-service's schema. */
    static String event(JsonNode year, int fiscalYear, long revision) {
        String departmentId = year.get("_departmentId").asText();
        ObjectNode sheet = JSON.createObjectNode();
        sheet.put("departmentId", departmentId);
        sheet.put("fiscalYear", fiscalYear);
        sheet.put("revision", revision);
        sheet.put("locked", false);
        ObjectNode dept = sheet.putObject("department");
        dept.put("code", year.get("_code").asText());
        dept.put("name", year.get("_name").asText());
        dept.put("jurisdiction", "望城区");
        dept.set("duties", year.get("_duties").deepCopy());
        dept.set("divisions", year.get("_divisions").deepCopy());
        JsonNode st = year.get("staffing");
        ObjectNode staffing = st == null ? null : (ObjectNode) st.deepCopy();
        if (staffing != null) {
            staffing.put("version", 0);
        }
        sheet.set("staffing", staffing);
        JsonNode b = year.get("basic");
        ObjectNode basic = sheet.putObject("basic");
        basic.put("budget", b.get("budget").asText());
        basic.put("actual", b.get("actual").asText());
        basic.put("variance", money(dec(b, "actual").subtract(dec(b, "budget"))));
        for (String f : List.of("personnelActual", "subsidiesActual", "publicFundsActual", "publicFundsBudget")) {
            basic.put(f, b.has(f) ? b.get(f).asText() : null);
        }
        basic.put("version", 0);
        ArrayNode projects = sheet.putArray("projects");
        BigDecimal budget = BigDecimal.ZERO;
        BigDecimal adjustment = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        BigDecimal key = BigDecimal.ZERO;
        long id = 1;
        for (JsonNode p : iterable(year.get("projects"))) {
            BigDecimal pb = dec(p, "budget");
            BigDecimal adj = p.has("adjustment") ? dec(p, "adjustment") : BigDecimal.ZERO;
            BigDecimal direct = p.has("actualDirect") ? dec(p, "actualDirect") : BigDecimal.ZERO;
            BigDecimal pa = dec(p, "actualOwn").add(direct);
            ObjectNode o = projects.addObject();
            o.put("id", id++);
            o.put("name", p.get("name").asText());
            o.put("budget", money(pb));
            o.put("adjustment", money(adj));
            o.put("adjustedBudget", money(pb.add(adj)));
            o.put("actualOwn", p.get("actualOwn").asText());
            o.put("actualDirect", money(direct));
            o.put("actual", money(pa));
            o.put("keyProject", p.path("keyProject").asBoolean(false));
            o.put("version", 0);
            budget = budget.add(pb);
            adjustment = adjustment.add(adj);
            actual = actual.add(pa);
            key = p.path("keyProject").asBoolean(false) ? key.add(pa) : key;
        }
        if (projects.isEmpty()) {
            sheet.putNull("projectTotals");
        } else {
            ObjectNode t = sheet.putObject("projectTotals");
            t.put("count", projects.size());
            t.put("budget", money(budget));
            t.put("adjustment", money(adjustment));
            t.put("actual", money(actual));
            t.put("keyProjectsActual", money(key));
        }
        JsonNode o = year.get("other");
        if (o == null) {
            for (String f : List.of("threePublic", "procurement", "carryOver", "assets", "monthlyPayments")) {
                sheet.putNull(f);
            }
        } else {
            ObjectNode tp = sheet.putObject("threePublic");
            tp.put("totalBudget", sum(o, "overseasBudget", "carsBudget", "receptionBudget"));
            tp.put("totalActual", sum(o, "overseasActual", "carsActual", "receptionActual"));
            tp.put("budgetLastYear", text(o, "threePublicBudgetLastYear"));
            sheet.set("procurement", pair(text(o, "procurementBudget"), text(o, "procurementActual")));
            sheet.set("carryOver", pair(text(o, "carryOver"), text(o, "carryOverLastYear")));
            ObjectNode assets = sheet.putObject("assets");
            assets.put("total", text(o, "fixedAssetsTotal"));
            assets.put("inUse", text(o, "fixedAssetsInUse"));
            sheet.set("monthlyPayments", o.has("monthlyPayments") ? o.get("monthlyPayments").deepCopy() : null);
        }
        sheet.putArray("varianceReasons");
        sheet.putArray("reasonChecks");
        return io.jixiao.testing.TestEvents.budgetFigures(departmentId, fiscalYear, "demo-data", revision, "variance_reasons",
                sheet.toString());
    }

    private static ObjectNode pair(String a, String b) {
        ObjectNode p = JSON.createObjectNode();
        p.put("budgetOrCurrent", a);
        p.put("actualOrPrevious", b);
        return p;
    }

    /** Null when any part is absent (as BudgetSheetService's sumOrNull). */
    private static String sum(JsonNode o, String... fields) {
        BigDecimal s = BigDecimal.ZERO;
        for (String f : fields) {
            if (!o.has(f)) {
                return null;
            }
            s = s.add(dec(o, f));
        }
        return money(s);
    }

    private static String text(JsonNode o, String f) {
        return o.has(f) ? o.get(f).asText() : null;
    }

    private static BigDecimal dec(JsonNode o, String f) {
        return new BigDecimal(o.get(f).asText());
    }

    private static String money(BigDecimal v) {
        return v.setScale(2).toPlainString();
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null) {
            array.forEach(out::add);
        }
        return out;
    }
}
