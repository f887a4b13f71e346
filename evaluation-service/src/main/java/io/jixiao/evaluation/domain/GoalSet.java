package io.jixiao.evaluation.domain;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The goals of a department-year as one versioned whole (saved together, 409 on a stale version). */
@Entity
@Table(name = "goal_set")
public class GoalSet extends PanacheEntityBase {

    @EmbeddedId
    public BudgetSheetCopy.Key key;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
