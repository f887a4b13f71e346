package io.jixiao.budget.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A department-year as a whole: its revision (bumped by every change; events and incremental reads
 * use it) and its lock while the filing is submitted to the finance bureau.
 */
@Entity
@Table(name = "filing")
public class FilingLock extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "department_id") String departmentId,
            @Column(name = "fiscal_year") int fiscalYear) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public long revision;

    @Column(nullable = false)
    public boolean locked;

    @Column(name = "locked_at")
    public OffsetDateTime lockedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
