package io.jixiao.report.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The 基本支出 figures of a department-year as the report shows them (from budget.events). */
@Entity
@Table(name = "budget_view")
public class BasicExpenditureView extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "department_id") String departmentId,
            @Column(name = "fiscal_year") int fiscalYear) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "basic_budget", nullable = false, precision = 17, scale = 2)
    public BigDecimal basicBudget;

    @Column(name = "basic_actual", nullable = false, precision = 17, scale = 2)
    public BigDecimal basicActual;

    /** Computed by budget-service (the one code path for derived figures), carried in its event. */
    @Column(name = "basic_variance", nullable = false, precision = 17, scale = 2)
    public BigDecimal basicVariance;

    @Column(name = "budget_version", nullable = false)
    public long budgetVersion;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
