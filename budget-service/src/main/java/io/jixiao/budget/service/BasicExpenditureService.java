package io.jixiao.budget.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;

import io.jixiao.budget.domain.BasicExpenditure;
import io.jixiao.budget.domain.Department;
import io.jixiao.budget.domain.FilingLock;
import io.jixiao.budget.messaging.BudgetEvents;
import io.jixiao.budget.rest.BasicExpenditureInput;
import io.jixiao.platform.api.DocumentCache;
import io.jixiao.platform.audit.AuditEntry;
import io.jixiao.platform.audit.AuditTrail;
import io.jixiao.platform.money.Money;
import io.jixiao.platform.outbox.Outbox;
import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** 基本支出: read and save, through the filing rules (department, year, lock, version, audit, events). */
@ApplicationScoped
public class BasicExpenditureService {

    static final String AUDIT_TYPE = "basic_expenditure";

    private final DepartmentService departments;
    private final FilingGuard guard;
    private final AuditTrail audit;
    private final Outbox outbox;

    private final DocumentCache cache;

    public BasicExpenditureService(DepartmentService departments, FilingGuard guard, AuditTrail audit, Outbox outbox,
            DocumentCache cache) {
        this.cache = cache;
        this.departments = departments;
        this.guard = guard;
        this.audit = audit;
        this.outbox = outbox;
    }

    @Transactional
    public BasicExpenditure get(Caller caller, String departmentId, int fiscalYear) {
        caller.checkRead(departmentId);
        Department d = departments.require(departmentId);
        departments.checkFiscalYear(d, fiscalYear);
        return BasicExpenditure.find(departmentId, fiscalYear)
                .orElseThrow(() -> ProblemException.notFound("basic-expenditure.not-found", String.valueOf(fiscalYear)));
    }

    /**
     * The 基本支出 as the API answers it ({@code render}: the entity to its JSON and ETag), kept in memory
     * with the year's sheet, which every change of these figures rewrites (SheetDocuments).
     */
    public DocumentCache.Entry document(Caller caller, String departmentId, int fiscalYear,
            Function<BasicExpenditure, DocumentCache.Entry> render) {
        caller.checkRead(departmentId);
        return cache.get(SheetDocuments.region(departmentId, fiscalYear), "basic-expenditure",
                () -> render.apply(QuarkusTransaction.requiringNew().call(() -> get(caller, departmentId, fiscalYear))));
    }

    @Transactional
    public BasicExpenditure save(Caller caller, String departmentId, int fiscalYear, BasicExpenditureInput input,
            Long ifMatchVersion) {
        FilingLock filing = guard.beginWrite(caller, departmentId, fiscalYear);
        checkParts(input);
        BasicExpenditure row = BasicExpenditure.find(departmentId, fiscalYear).orElse(null);
        FilingGuard.checkVersion(ifMatchVersion != null ? ifMatchVersion : input.version(),
                row == null ? null : row.version);
        LinkedHashMap<String, Object> before = row == null ? null : row.auditValues();
        if (row == null) {
            row = new BasicExpenditure();
            row.departmentId = departmentId;
            row.fiscalYear = fiscalYear;
        }
        row.budget = Money.yuan(input.budget());
        row.actual = Money.yuan(input.actual());
        row.personnelActual = yuanOrNull(input.personnelActual());
        row.subsidiesActual = yuanOrNull(input.subsidiesActual());
        row.publicFundsActual = yuanOrNull(input.publicFundsActual());
        row.publicFundsBudget = yuanOrNull(input.publicFundsBudget());
        if (before != null && before.equals(row.auditValues())) {
            return row; // nothing changed: no new version, no event
        }
        row.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.updatedBy = caller.name();
        row.persistAndFlush(); // flush now: a concurrent writer's commit surfaces here as a version conflict

        guard.changed(caller, filing, AUDIT_TYPE, row.auditId(), row.version, before, row.auditValues());
        // The slice's focused event (evaluation and report consume it); the full sheet follows in
        // BudgetFiguresChanged, published by the guard.
        DerivedFigures derived = DerivedFigures.of(row.budget, row.actual);
        outbox.publish(BudgetEvents.BASIC_EXPENDITURE_CHANGED, BudgetEvents.BASIC_EXPENDITURE_CHANGED_VERSION,
                departmentId, fiscalYear, caller.name(),
                new BudgetEvents.BasicExpenditureChanged(row.budget.toPlainString(), row.actual.toPlainString(),
                        derived.variance().toPlainString(),
                        derived.executionRatePercent() == null ? null : derived.executionRatePercent().toPlainString(),
                        row.version));
        return row;
    }

    /** Each part of the actual is at most the actual (their sum may differ: the sheet reports that). */
    private static void checkParts(BasicExpenditureInput input) {
        List<FieldError> errors = new ArrayList<>();
        partAtMost("personnelActual", input.personnelActual(), input.actual(), errors);
        partAtMost("subsidiesActual", input.subsidiesActual(), input.actual(), errors);
        partAtMost("publicFundsActual", input.publicFundsActual(), input.actual(), errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "request.invalid", errors);
        }
    }

    static void partAtMost(String field, BigDecimal part, BigDecimal total, List<FieldError> errors) {
        if (part != null && total != null && part.compareTo(total) > 0) {
            errors.add(new FieldError(field, "part.exceeds.total"));
        }
    }

    private static BigDecimal yuanOrNull(BigDecimal v) {
        return v == null ? null : Money.yuan(v);
    }

    @Transactional
    public List<AuditEntry> history(Caller caller, String departmentId, int fiscalYear) {
        caller.checkRead(departmentId);
        departments.require(departmentId);
        return audit.history(AUDIT_TYPE, departmentId + ":" + fiscalYear);
    }
}
