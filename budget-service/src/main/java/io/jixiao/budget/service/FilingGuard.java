package io.jixiao.budget.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.jixiao.budget.domain.Department;
import io.jixiao.budget.domain.FilingLock;
import io.jixiao.budget.messaging.BudgetEvents;
import io.jixiao.budget.messaging.BudgetFiguresChangedV1;
import io.jixiao.platform.audit.AuditTrail;
import io.jixiao.platform.outbox.Outbox;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * The rules every write to a department-year's figures passes, in one place: own department only,
 * a fiscal year in the department's range, not locked by a submitted filing, based on the current
 * version; and after the write: audit, revision bump and the snapshot event, in the same transaction.
 */
@ApplicationScoped
public class FilingGuard {

    private final DepartmentService departments;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final BudgetSheetService sheets;
    private final SheetDocuments documents;

    public FilingGuard(DepartmentService departments, AuditTrail audit, Outbox outbox, BudgetSheetService sheets,
            SheetDocuments documents) {
        this.departments = departments;
        this.audit = audit;
        this.outbox = outbox;
        this.sheets = sheets;
        this.documents = documents;
    }

    /** Checks the caller may write this department-year now; locks the filing row until commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public FilingLock beginWrite(Caller caller, String departmentId, int fiscalYear) {
        caller.checkWrite(departmentId);
        Department d = departments.require(departmentId);
        departments.checkFiscalYear(d, fiscalYear);
        FilingLock filing = lockRow(new FilingLock.Key(departmentId, fiscalYear));
        if (filing.locked) {
            throw ProblemException.conflict("filing.locked", String.valueOf(fiscalYear));
        }
        return filing;
    }

    /**
     * The department-year's filing row, created if absent, held with PESSIMISTIC_WRITE until commit. Every
     * change of the row (writes, republish, the lock consumer) goes through here, so none writes back a
     * stale revision or lock flag. Created with an upsert: two first writers cannot collide on the key.
     * The row must not have been loaded earlier in the transaction (a managed entity would keep its state).
     */
    public static FilingLock lockRow(FilingLock.Key key) {
        FilingLock.getEntityManager().createNativeQuery("insert into filing (department_id, fiscal_year, revision, locked, "
                + "updated_at) values (?1, ?2, 0, false, now()) on conflict do nothing")
                .setParameter(1, key.departmentId()).setParameter(2, key.fiscalYear()).executeUpdate();
        return FilingLock.findById(key, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The version the client based its change on must be the current one (null = creating). */
    public static void checkVersion(Long basedOn, Long current) {
        io.jixiao.platform.problem.Versions.check(basedOn, current);
    }

    /**
     * A new revision of the sheet without a figure change (e.g. the profile it carries changed). The caller
     * holds the row (beginWrite or lockRow) and has checked it is not locked.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void republish(Caller caller, FilingLock filing, String section) {
        if (filing.locked) {
            throw new IllegalStateException("republish of a locked department-year " + filing.key);
        }
        filing.revision++;
        filing.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        String dept = filing.key.departmentId();
        int year = filing.key.fiscalYear();
        publish(caller, dept, year, filing.revision, section);
    }

    /** Records the change: audit rows for changed fields, a new revision, the snapshot event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Caller caller, FilingLock filing, String section, String auditId, Long version,
            Map<String, Object> before, Map<String, Object> after) {
        List<AuditTrail.Change> changes = new ArrayList<>();
        for (String field : after.keySet()) {
            changes.add(new AuditTrail.Change(field, before == null ? null : before.get(field), after.get(field)));
        }
        if (before != null) {
            for (String field : before.keySet()) {
                if (!after.containsKey(field)) {
                    changes.add(new AuditTrail.Change(field, before.get(field), null));
                }
            }
        }
        audit.record(section, auditId, version, caller.name(), changes);
        filing.revision++;
        filing.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        String dept = filing.key.departmentId();
        int year = filing.key.fiscalYear();
        publish(caller, dept, year, filing.revision, section);
    }

    /** The new sheet: its event and its stored document, in the change's transaction. */
    private void publish(Caller caller, String dept, int year, long revision, String section) {
        BudgetSheet sheet = sheets.load(dept, year);
        outbox.publish(BudgetEvents.BUDGET_FIGURES_CHANGED, BudgetEvents.BUDGET_FIGURES_CHANGED_VERSION, dept, year,
                caller.name(), BudgetFiguresChangedV1.of(revision, section, sheet));
        documents.store(sheet);
        if ("staffing".equals(section)) {
            documents.refresh(dept, year + 1); // its sheet shows this year's headcount as last year's
        }
    }
}
