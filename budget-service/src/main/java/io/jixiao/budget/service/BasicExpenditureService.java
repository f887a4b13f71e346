package io.jixiao.budget.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import io.jixiao.budget.domain.BasicExpenditure;
import io.jixiao.budget.domain.Department;
import io.jixiao.budget.messaging.BudgetEvents;
import io.jixiao.budget.rest.BasicExpenditureInput;
import io.jixiao.platform.audit.AuditEntry;
import io.jixiao.platform.audit.AuditTrail;
import io.jixiao.platform.money.Money;
import io.jixiao.platform.outbox.Outbox;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** 基本支出: read and save, with the department rule, version check, audit and event in one transaction. */
@ApplicationScoped
public class BasicExpenditureService {

    static final String AUDIT_TYPE = "basic_expenditure";

    private final DepartmentService departments;
    private final AuditTrail audit;
    private final Outbox outbox;

    public BasicExpenditureService(DepartmentService departments, AuditTrail audit, Outbox outbox) {
        this.departments = departments;
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

    @Transactional
    public BasicExpenditure save(Caller caller, String departmentId, int fiscalYear, BasicExpenditureInput input,
            Long ifMatchVersion) {
        caller.checkWrite(departmentId);
        Department d = departments.require(departmentId);
        departments.checkFiscalYear(d, fiscalYear);
        Long basedOn = ifMatchVersion != null ? ifMatchVersion : input.version();

        BasicExpenditure row = BasicExpenditure.find(departmentId, fiscalYear).orElse(null);
        List<AuditTrail.Change> changes;
        if (row == null) {
            if (basedOn != null) {
                throw ProblemException.conflict("version.conflict");
            }
            row = new BasicExpenditure();
            row.departmentId = departmentId;
            row.fiscalYear = fiscalYear;
            changes = List.of(new AuditTrail.Change("budget", null, Money.yuan(input.budget())),
                    new AuditTrail.Change("actual", null, Money.yuan(input.actual())));
        } else {
            // Saving over a version the user never saw would silently overwrite someone else's work.
            if (basedOn == null || basedOn != row.version) {
                throw ProblemException.conflict("version.conflict");
            }
            changes = List.of(new AuditTrail.Change("budget", row.budget, Money.yuan(input.budget())),
                    new AuditTrail.Change("actual", row.actual, Money.yuan(input.actual())));
            boolean unchanged = Objects.equals(Money.yuan(row.budget), Money.yuan(input.budget()))
                    && Objects.equals(Money.yuan(row.actual), Money.yuan(input.actual()));
            if (unchanged) {
                return row;
            }
        }
        row.budget = Money.yuan(input.budget());
        row.actual = Money.yuan(input.actual());
        row.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.updatedBy = caller.name();
        row.persistAndFlush(); // flush now: a concurrent writer's commit surfaces here as a version conflict

        audit.record(AUDIT_TYPE, departmentId + ":" + fiscalYear, row.version, caller.name(), changes);
        DerivedFigures derived = DerivedFigures.of(row.budget, row.actual);
        outbox.publish(BudgetEvents.BASIC_EXPENDITURE_CHANGED, BudgetEvents.BASIC_EXPENDITURE_CHANGED_VERSION,
                departmentId, fiscalYear, caller.name(),
                new BudgetEvents.BasicExpenditureChanged(row.budget.toPlainString(), row.actual.toPlainString(),
                        derived.variance().toPlainString(),
                        derived.executionRatePercent() == null ? null : derived.executionRatePercent().toPlainString(),
                        row.version));
        return row;
    }

    @Transactional
    public List<AuditEntry> history(Caller caller, String departmentId, int fiscalYear) {
        caller.checkRead(departmentId);
        departments.require(departmentId);
        return audit.history(AUDIT_TYPE, departmentId + ":" + fiscalYear);
    }
}
