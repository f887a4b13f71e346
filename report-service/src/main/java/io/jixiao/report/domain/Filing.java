package io.jixiao.report.domain;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A department-year's filing to the finance bureau; no row = still a draft. SUBMITTING: the department
 * submitted, budget-service and evaluation-service have not both confirmed their locks yet (their
 * confirmed revisions are kept here); the version is frozen and the status becomes SUBMITTED once both
 * have, and the read model holds exactly those revisions.
 */
@Entity
@Table(name = "filing")
public class Filing extends PanacheEntityBase {

    public enum Status { SUBMITTING, SUBMITTED, RETURNED, APPROVED }

    /** Statuses in which the department-year is locked: no write in any service. */
    public static final java.util.Set<Status> LOCKED = java.util.EnumSet.of(Status.SUBMITTING, Status.SUBMITTED,
            Status.APPROVED);

    @EmbeddedId
    public BasicExpenditureView.Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "latest_version", nullable = false)
    public int latestVersion;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The revisions budget-service and evaluation-service confirmed they locked for latestVersion. */
    @Column(name = "budget_revision")
    public Long budgetRevision;

    @Column(name = "evaluation_revision")
    public Long evaluationRevision;

    /**
     * Serialises the department-year's writes in report-service with its submit, whether or not the row
     * exists yet (a transaction-scoped advisory lock on the key), then reads the row fresh.
     */
    public static Filing lockYear(String departmentId, int fiscalYear) {
        getEntityManager().createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(?1), ?2)) l")
                .setParameter(1, departmentId).setParameter(2, fiscalYear).getSingleResult();
        return findById(new BasicExpenditureView.Key(departmentId, fiscalYear), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }
}
