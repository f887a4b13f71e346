package io.jixiao.evaluation.domain;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A department-year's lock row (one per department-year, created on first use) and the template version a
 * submitted filing was scored with (from report.events). pinned: submitted or approved, so locked against
 * every write; false after a return. filingVersion: the filing step last applied, so a late older step
 * never undoes a newer one. revision: evaluation's data revision (every rescoring bumps it).
 */
@Entity
@Table(name = "filing_pin")
public class FilingPin extends PanacheEntityBase {

    @EmbeddedId
    public BudgetSheetCopy.Key key;

    @Column(nullable = false)
    public boolean pinned;

    @Column(name = "template_id")
    public Long templateId;

    @Column(name = "template_version")
    public Integer templateVersion;

    @Column(name = "filing_version", nullable = false)
    public int filingVersion;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(nullable = false)
    public long revision;

    /** The submission budget-service confirmed it locked, and the budget revision it locked. */
    @Column(name = "budget_confirmed_version")
    public Integer budgetConfirmedVersion;

    @Column(name = "budget_revision")
    public Long budgetRevision;

    /** The submission this service has confirmed (FilingLockConfirmed sent). */
    @Column(name = "confirmed_version")
    public Integer confirmedVersion;

    /**
     * The row, created if absent, held with PESSIMISTIC_WRITE until commit: the one lock every write and
     * filing step takes (after the scope and the sheet copy: one lock order everywhere). Upsert, so two
     * first writers cannot collide on the key.
     */
    public static FilingPin lock(BudgetSheetCopy.Key key) {
        getEntityManager().createNativeQuery("insert into filing_pin (department_id, fiscal_year, pinned, filing_version, "
                + "updated_at) values (?1, ?2, false, 0, now()) on conflict do nothing")
                .setParameter(1, key.departmentId()).setParameter(2, key.fiscalYear()).executeUpdate();
        return findById(key, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    /** Locks the row and refuses the write (409 filing.locked) while the year is submitted or approved. */
    public static FilingPin checkWritable(BudgetSheetCopy.Key key) {
        FilingPin pin = lock(key);
        if (pin.pinned) {
            throw io.jixiao.platform.problem.ProblemException.conflict("filing.locked", String.valueOf(key.fiscalYear()));
        }
        return pin;
    }

    /**
     * Whether the year is submitted or approved, without loading the row: a row this transaction has loaded
     * keeps that state when {@link #lock} later takes the lock, so an unlocked read of the entity before the
     * lock would make the lock holder work on (and write back) what it read before, not what was committed.
     */
    public static boolean isPinned(String departmentId, int fiscalYear) {
        return getEntityManager().createQuery("select p.pinned from FilingPin p "
                + "where p.key.departmentId = ?1 and p.key.fiscalYear = ?2", Boolean.class)
                .setParameter(1, departmentId).setParameter(2, fiscalYear)
                .getResultStream().findFirst().orElse(false);
    }

    /** Whether a filing step was ever applied to the year (pinned now, or submitted and returned before). */
    public static boolean everFiled(BudgetSheetCopy.Key key) {
        return getEntityManager().createQuery("select count(p) from FilingPin p where p.key.departmentId = ?1 "
                + "and p.key.fiscalYear = ?2 and (p.pinned = true or p.filingVersion > 0)", Long.class)
                .setParameter(1, key.departmentId()).setParameter(2, key.fiscalYear()).getSingleResult() > 0;
    }
}
