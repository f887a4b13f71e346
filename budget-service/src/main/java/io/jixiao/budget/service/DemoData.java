package io.jixiao.budget.service;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.budget.domain.Department;
import io.jixiao.budget.domain.FilingLock;
import io.jixiao.budget.domain.Project;
import io.jixiao.budget.domain.VarianceReason;
import io.jixiao.budget.rest.BasicExpenditureInput;
import io.jixiao.budget.rest.FigureInputs;
import io.jixiao.budget.service.BasicExpenditureService;
import io.jixiao.budget.service.FiguresService;
import io.jixiao.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Demo data for the local run (JIXIAO_DEMO=true) and the tests, from demo/departments.json: seven
 * departments of 望城区 (ids match the demo users' department_id in the realm). Figures go through the
 * same services as a user's input, so they are audited and reach the other services as events. A
 * department-year already touched (by a user or an earlier start) is left alone.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @ConfigMapping(prefix = "jixiao.demo")
    public interface DemoConfig {
        @WithDefault("false")
        boolean enabled();

        /** Load the departments only, not their figures (tests that start from empty years). */
        @WithDefault("true")
        boolean figures();
    }

    private final DemoConfig config;
    private final ObjectMapper mapper;
    private final BasicExpenditureService basic;
    private final FiguresService figures;

    public DemoData(DemoConfig config, ObjectMapper mapper, BasicExpenditureService basic, FiguresService figures) {
        this.config = config;
        this.mapper = mapper;
        this.basic = basic;
        this.figures = figures;
    }

    void onStart(@Observes StartupEvent event) throws Exception {
        if (!config.enabled()) {
            return;
        }
        JsonNode root;
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/departments.json")) {
            root = mapper.readTree(in);
        }
        int departments = 0;
        int years = 0;
        for (JsonNode d : root.get("departments")) {
            if (QuarkusTransaction.requiringNew().call(() -> ensureDepartment(d))) {
                departments++;
            }
            if (!config.figures()) {
                continue;
            }
            var it = d.get("years").fields();
            while (it.hasNext()) {
                var year = it.next();
                int fiscalYear = Integer.parseInt(year.getKey());
                String id = d.get("id").asText();
                try {
                    boolean loaded = QuarkusTransaction.requiringNew().call(() -> loadYear(id, fiscalYear, year.getValue()));
                    years += loaded ? 1 : 0;
                } catch (RuntimeException e) {
                    // demo data must never stop the service: a year a user already worked on stays as it is
                    LOG.warnf("demo data: %s %d left as it is (%s)", id, fiscalYear, e.getMessage());
                }
            }
        }
        LOG.infof("demo data: %d department(s) and %d department-year(s) loaded", departments, years);
    }

    private boolean ensureDepartment(JsonNode d) {
        if (Department.findById(d.get("id").asText()) != null) {
            return false;
        }
        Department dept = new Department();
        dept.id = d.get("id").asText();
        dept.code = d.get("code").asText();
        dept.name = d.get("name").asText();
        dept.jurisdiction = "望城区";
        dept.firstFiscalYear = 2018;
        dept.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        dept.duties = texts(d.get("duties"));
        dept.divisions = texts(d.get("divisions"));
        dept.persist();
        return true;
    }

    private boolean loadYear(String departmentId, int fiscalYear, JsonNode y) {
        if (FilingLock.findById(new FilingLock.Key(departmentId, fiscalYear)) != null
                || io.jixiao.budget.domain.BasicExpenditure.find(departmentId, fiscalYear).isPresent()
                || io.jixiao.budget.domain.Staffing.find(departmentId, fiscalYear).isPresent()
                || Project.count("departmentId = ?1 and fiscalYear = ?2", departmentId, fiscalYear) > 0) {
            return false; // touched before (by a user, or data from before the filing table existed)
        }
        Caller loader = Caller.system("demo-data", departmentId);
        if (y.has("staffing")) {
            figures.saveStaffing(loader, departmentId, fiscalYear,
                    mapper.convertValue(y.get("staffing"), FigureInputs.StaffingInput.class));
        }
        if (y.has("basic")) {
            basic.save(loader, departmentId, fiscalYear, mapper.convertValue(y.get("basic"), BasicExpenditureInput.class),
                    null);
        }
        Map<String, Long> projectIds = new HashMap<>();
        for (JsonNode p : iterable(y.get("projects"))) {
            figures.saveProject(loader, departmentId, fiscalYear, null,
                    mapper.convertValue(p, FigureInputs.ProjectInput.class));
            Project saved = Project.find("departmentId = ?1 and fiscalYear = ?2 and name = ?3", departmentId,
                    fiscalYear, p.get("name").asText()).firstResult();
            projectIds.put(saved.name, saved.id);
        }
        if (y.has("other")) {
            figures.saveOtherFigures(loader, departmentId, fiscalYear,
                    mapper.convertValue(y.get("other"), FigureInputs.OtherFiguresInput.class));
        }
        if (y.has("reasons")) {
            List<FigureInputs.ReasonInput> reasons = new ArrayList<>();
            for (JsonNode r : y.get("reasons")) {
                reasons.add(new FigureInputs.ReasonInput(VarianceReason.Line.valueOf(r.get("line").asText()),
                        r.has("project") ? projectIds.get(r.get("project").asText()) : null,
                        new java.math.BigDecimal(r.get("amount").asText()), r.get("reason").asText()));
            }
            long revision = FilingLock.<FilingLock>findById(new FilingLock.Key(departmentId, fiscalYear)).revision;
            figures.saveReasons(loader, departmentId, fiscalYear, new FigureInputs.VarianceReasonsInput(reasons, revision));
        }
        return true;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        iterable(array).forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        return array == null ? List.of() : array::elements;
    }
}
