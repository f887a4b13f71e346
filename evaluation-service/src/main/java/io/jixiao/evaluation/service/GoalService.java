package io.jixiao.evaluation.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.jixiao.evaluation.domain.BudgetSheetCopy;
import io.jixiao.evaluation.domain.GoalIndicator;
import io.jixiao.evaluation.scoring.GoalOutcome;
import io.jixiao.evaluation.domain.GoalSet;
import io.jixiao.platform.audit.AuditTrail;
import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.Bounds;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** 绩效目标: the goals of a department-year with their indicators, saved as one versioned whole. */
@ApplicationScoped
public class GoalService {

    /** Units a target may be stated in; a percentage cannot exceed 100 when it is a share. */
    public static final Set<String> UNITS = Set.of("%", "个", "件", "次", "人", "人次", "户", "天", "项", "场", "万元", "元", "分", "所", "平方米");

    /** Bounds that fit the columns (varchar(300)) and a real 绩效目标表; beyond them the save is refused. */
    static final int MAX_GOALS = 50;
    static final int MAX_INDICATORS_PER_GOAL = 50;
    static final int MAX_TEXT = 300;

    public record IndicatorInput(String category, String name, String unit, String direction, BigDecimal target,
            BigDecimal actual, boolean keyTask) {
    }

    public record GoalInput(String goal, List<IndicatorInput> indicators) {
    }

    public record GoalsInput(List<GoalInput> goals, Long version) {
    }

    private final ScoringService scoring;
    private final AuditTrail audit;

    public GoalService(ScoringService scoring, AuditTrail audit) {
        this.scoring = scoring;
        this.audit = audit;
    }

    @Transactional
    public List<GoalIndicator> get(Caller caller, String departmentId, int fiscalYear) {
        caller.checkRead(departmentId);
        return GoalIndicator.of(departmentId, fiscalYear);
    }

    @Transactional
    public Long version(String departmentId, int fiscalYear) {
        GoalSet set = GoalSet.findById(new BudgetSheetCopy.Key(departmentId, fiscalYear));
        return set == null ? null : set.version;
    }

    @Transactional
    public List<GoalIndicator> save(Caller caller, String departmentId, int fiscalYear, GoalsInput in) {
        caller.checkWrite(departmentId);
        List<FieldError> errors = validate(in);
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "request.invalid", errors);
        }
        BudgetSheetCopy.Key key = new BudgetSheetCopy.Key(departmentId, fiscalYear);
        BudgetSheetCopy copy = scoring.lockedCopy(key);
        io.jixiao.evaluation.domain.FilingPin.checkWritable(key);
        GoalSet set = GoalSet.findById(key);
        io.jixiao.platform.problem.Versions.check(in.version(), set == null ? null : set.version);
        String before = GoalIndicator.of(departmentId, fiscalYear).stream().map(GoalService::describe).toList().toString();
        if (set == null) {
            set = new GoalSet();
            set.key = key;
        }
        set.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        set.updatedBy = caller.name();
        GoalIndicator.delete("departmentId = ?1 and fiscalYear = ?2", departmentId, fiscalYear);
        set.persistAndFlush();
        int position = 0;
        for (GoalInput g : in.goals()) {
            for (IndicatorInput i : g.indicators()) {
                GoalIndicator row = new GoalIndicator();
                row.departmentId = departmentId;
                row.fiscalYear = fiscalYear;
                row.goal = g.goal().strip();
                row.category = GoalOutcome.Category.valueOf(i.category());
                row.name = i.name().strip();
                row.unit = i.unit();
                row.direction = GoalIndicator.Direction.valueOf(i.direction());
                row.target = i.target();
                row.actual = i.actual();
                row.keyTask = i.keyTask();
                row.position = position++;
                row.persist();
            }
        }
        String after = GoalIndicator.of(departmentId, fiscalYear).stream().map(GoalService::describe).toList().toString();
        audit.record("goals", departmentId + ":" + fiscalYear, set.version, caller.name(),
                List.of(new AuditTrail.Change("goals", before, after)));
        if (copy != null) {
            scoring.rescore(copy, "goals changed by " + caller.name());
        }
        return GoalIndicator.of(departmentId, fiscalYear);
    }

    /** Every problem of the goals, with the path of the field; empty when all is well. */
    static List<FieldError> validate(GoalsInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.goals() == null) {
            errors.add(new FieldError("goals", "goal.required"));
            return errors;
        }
        if (!Bounds.list(errors, "goals", in.goals(), MAX_GOALS)) {
            return errors;
        }
        for (int g = 0; g < in.goals().size(); g++) {
            GoalInput goal = in.goals().get(g);
            String gp = "goals[" + g + "]";
            if (goal == null) {
                errors.add(new FieldError(gp, "goal.name-required"));
                continue;
            }
            if (goal.goal() == null || goal.goal().isBlank()) {
                errors.add(new FieldError(gp + ".goal", "goal.name-required"));
            }
            Bounds.text(errors, gp + ".goal", goal.goal(), MAX_TEXT);
            if (goal.indicators() == null || goal.indicators().isEmpty()) {
                errors.add(new FieldError(gp + ".indicators", "goal.indicators-required"));
                continue;
            }
            if (!Bounds.list(errors, gp + ".indicators", goal.indicators(), MAX_INDICATORS_PER_GOAL)) {
                continue;
            }
            for (int i = 0; i < goal.indicators().size(); i++) {
                IndicatorInput ind = goal.indicators().get(i);
                String ip = gp + ".indicators[" + i + "]";
                if (ind == null) {
                    errors.add(new FieldError(ip, "goal.indicator-name-required"));
                    continue;
                }
                if (ind.name() == null || ind.name().isBlank()) {
                    errors.add(new FieldError(ip + ".name", "goal.indicator-name-required"));
                }
                Bounds.text(errors, ip + ".name", ind.name(), MAX_TEXT);
                // numeric(17,4) columns: 13 digits before the point, 4 after
                if (!Bounds.number(errors, ip + ".target", ind.target(), 13, 4)
                        | !Bounds.number(errors, ip + ".actual", ind.actual(), 13, 4)) {
                    continue;
                }
                if (!enumOk(GoalOutcome.Category.class, ind.category())) {
                    errors.add(new FieldError(ip + ".category", "goal.category-invalid"));
                }
                if (!enumOk(GoalIndicator.Direction.class, ind.direction())) {
                    errors.add(new FieldError(ip + ".direction", "goal.direction-invalid"));
                }
                if (ind.unit() == null || !UNITS.contains(ind.unit())) {
                    errors.add(new FieldError(ip + ".unit", "goal.unit-invalid"));
                }
                if (ind.target() == null || ind.target().signum() < 0) {
                    errors.add(new FieldError(ip + ".target", "goal.target-invalid"));
                } else if ("%".equals(ind.unit()) && ind.target().compareTo(BigDecimal.valueOf(100)) > 0) {
                    errors.add(new FieldError(ip + ".target", "goal.target-percent"));
                }
                if (ind.actual() != null && ind.actual().signum() < 0) {
                    errors.add(new FieldError(ip + ".actual", "goal.actual-invalid"));
                }
            }
        }
        return errors;
    }

    private static <E extends Enum<E>> boolean enumOk(Class<E> type, String value) {
        try {
            Enum.valueOf(type, String.valueOf(value));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String describe(GoalIndicator g) {
        return g.goal + "/" + g.name + " " + g.direction + " " + g.target.stripTrailingZeros().toPlainString() + g.unit
                + " 实际 " + (g.actual == null ? "-" : g.actual.stripTrailingZeros().toPlainString());
    }
}
