package io.jixiao.evaluation.service;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.evaluation.domain.BudgetSheetCopy;
import io.jixiao.evaluation.domain.FilingPin;
import io.jixiao.evaluation.domain.GoalSet;
import io.jixiao.evaluation.domain.ProjectIndicator;
import io.jixiao.evaluation.domain.ScoreAdjustment;
import io.jixiao.evaluation.domain.SelfScoreRow;
import io.jixiao.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Demo goals (绩效目标 with indicators and actuals) and self-scores with evidence (定性指标) for the local run
 * (JIXIAO_DEMO=true), from demo/evaluations.json: the department-years whose figures budget-service's demo
 * loads (its demo/departments.json). They go through GoalService and EvaluationService as a department's
 * own input would, so they are validated, audited, rescored and published.
 * <p>
 * A self-score needs the department-year's figures, which arrive as budget.events in any order and at any
 * time, so a year is loaded once its copy of the figures is here: at start for the copies already held,
 * and after every commit that stores a newer copy (SheetReceived) for the rest. A department-year already
 * touched (goals, self-scores, adjustments, project indicators or a filing step, by a user or an earlier
 * start) is left alone; the check runs under the lock of the copy, so two triggers cannot both load it.
 * Loads run one at a time on a thread of their own: they never hold up the start or the event consumer.
 */
@ApplicationScoped
public class DemoEvaluations {

    private static final Logger LOG = Logger.getLogger(DemoEvaluations.class);

    /** The actor of every demo write (audit trail, updatedBy), as in budget-service's demo loader. */
    static final String ACTOR = "demo-data";

    @ConfigMapping(prefix = "jixiao.demo")
    public interface DemoConfig {
        @WithDefault("false")
        boolean enabled();
    }

    /** One demo department-year: its goals and its self-scores, in the order of the file. */
    public record Year(String departmentId, int fiscalYear, GoalService.GoalsInput goals, List<SelfScore> selfScores) {
    }

    public record SelfScore(String code, EvaluationService.Tier tier, BigDecimal score, String evidence) {
    }

    private final DemoConfig config;
    private final ObjectMapper mapper;
    private final ScoringService scoring;
    private final GoalService goals;
    private final EvaluationService evaluations;
    private volatile Map<BudgetSheetCopy.Key, Year> years = Map.of();
    private volatile ExecutorService worker;

    public DemoEvaluations(DemoConfig config, ObjectMapper mapper, ScoringService scoring, GoalService goals,
            EvaluationService evaluations) {
        this.config = config;
        this.mapper = mapper;
        this.scoring = scoring;
        this.goals = goals;
        this.evaluations = evaluations;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        if (!config.enabled()) {
            return;
        }
        years = read(mapper);
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "demo-evaluations");
            t.setDaemon(true);
            return t;
        });
        worker.submit(() -> {
            int loaded = 0;
            for (BudgetSheetCopy.Key key : years.keySet()) {
                loaded += load(key) ? 1 : 0;
            }
            LOG.infof("demo data: goals and self-scores of %d of %d department-year(s) loaded at start; the rest "
                    + "follow their figures", loaded, years.size());
        });
    }

    void onShutdown(@Observes ShutdownEvent event) throws InterruptedException {
        ExecutorService w = worker;
        if (w != null) {
            w.shutdownNow();
            w.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** Figures of a department-year were stored (committed): a demo year not loaded yet is loaded now. */
    void onSheet(@Observes(during = TransactionPhase.AFTER_SUCCESS) SheetReceived event) {
        ExecutorService w = worker;
        BudgetSheetCopy.Key key = new BudgetSheetCopy.Key(event.departmentId(), event.fiscalYear());
        if (w != null && years.containsKey(key) && !w.isShutdown()) {
            w.submit(() -> load(key));
        }
    }

    /** The demo department-years of the file, keyed by department and year. */
    public Map<BudgetSheetCopy.Key, Year> years() {
        return years;
    }

    /**
     * Loads one demo department-year in a transaction of its own when its figures are here and nobody touched
     * it; true when it was loaded now. Never throws: demo data must not stop the service.
     */
    public boolean load(BudgetSheetCopy.Key key) {
        Year year = years.get(key);
        if (year == null) {
            return false;
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> loadNow(year));
        } catch (RuntimeException e) {
            LOG.warnf("demo data: goals and self-scores of %s %d left as they are (%s)", key.departmentId(),
                    key.fiscalYear(), e.getMessage());
            return false;
        }
    }

    private boolean loadNow(Year year) {
        BudgetSheetCopy.Key key = new BudgetSheetCopy.Key(year.departmentId(), year.fiscalYear());
        if (scoring.lockedCopy(key) == null) {
            return false; // no figures yet: SheetReceived brings it back here
        }
        if (touched(key)) {
            return false;
        }
        Caller loader = Caller.system(ACTOR, year.departmentId());
        goals.save(loader, year.departmentId(), year.fiscalYear(), year.goals());
        for (SelfScore s : year.selfScores()) {
            evaluations.selfScore(loader, year.departmentId(), year.fiscalYear(), s.code(), s.tier(), s.score(),
                    s.evidence(), null, Locale.SIMPLIFIED_CHINESE);
        }
        LOG.infof("demo data: goals and %d self-score(s) of %s %d loaded", year.selfScores().size(),
                year.departmentId(), year.fiscalYear());
        return true;
    }

    /** Anything a department or the bureau enters for the year, or a filing step: then the demo keeps out. */
    static boolean touched(BudgetSheetCopy.Key key) {
        String d = key.departmentId();
        int y = key.fiscalYear();
        return GoalSet.findById(key) != null
                || SelfScoreRow.count("departmentId = ?1 and fiscalYear = ?2", d, y) > 0
                || ScoreAdjustment.count("departmentId = ?1 and fiscalYear = ?2", d, y) > 0
                || ProjectIndicator.count("departmentId = ?1 and fiscalYear = ?2", d, y) > 0
                || FilingPin.everFiled(key);
    }

    /** demo/evaluations.json as department-years (goals as GoalService takes them, version null: first save). */
    public static Map<BudgetSheetCopy.Key, Year> read(ObjectMapper mapper) throws IOException {
        JsonNode root;
        try (InputStream in = DemoEvaluations.class.getResourceAsStream("/demo/evaluations.json")) {
            root = mapper.readTree(in);
        }
        Map<BudgetSheetCopy.Key, Year> out = new LinkedHashMap<>();
        for (JsonNode d : root.get("departments")) {
            String id = d.get("id").asText();
            var it = d.get("years").fields();
            while (it.hasNext()) {
                var y = it.next();
                int fiscalYear = Integer.parseInt(y.getKey());
                List<GoalService.GoalInput> goalInputs = mapper.convertValue(y.getValue().get("goals"),
                        mapper.getTypeFactory().constructCollectionType(List.class, GoalService.GoalInput.class));
                List<SelfScore> selfScores = mapper.convertValue(y.getValue().get("selfScores"),
                        mapper.getTypeFactory().constructCollectionType(List.class, SelfScore.class));
                out.put(new BudgetSheetCopy.Key(id, fiscalYear),
                        new Year(id, fiscalYear, new GoalService.GoalsInput(goalInputs, null), selfScores));
            }
        }
        return out;
    }
}
