package io.jixiao.evaluation.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Our copy of a department-year's budget figures, as last received from budget.events. */
@Entity
@Table(name = "budget_figures")
public class BudgetFigures extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "department_id") String departmentId,
            @Column(name = "fiscal_year") int fiscalYear) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    /** 基本支出预算 (元) */
    @Column(name = "basic_budget", precision = 17, scale = 2)
    public BigDecimal basicBudget;

    /** 基本支出实际 (元) */
    @Column(name = "basic_actual", precision = 17, scale = 2)
    public BigDecimal basicActual;

    /** budget-service's row version these figures come from; older events never overwrite newer ones. */
    @Column(name = "source_version", nullable = false)
    public long sourceVersion;

    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;
}
