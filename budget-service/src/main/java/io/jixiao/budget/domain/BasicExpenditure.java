package io.jixiao.budget.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** 基本支出: budget and actual of one department in one fiscal year, in 元. */
@Entity
@Table(name = "basic_expenditure")
public class BasicExpenditure extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "department_id", nullable = false)
    public String departmentId;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    /** 预算数 */
    @Column(nullable = false, precision = 17, scale = 2)
    public BigDecimal budget;

    /** 实际支出 */
    @Column(nullable = false, precision = 17, scale = 2)
    public BigDecimal actual;

    /** Optimistic lock: a save based on an older version is refused with 409. */
    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public static Optional<BasicExpenditure> find(String departmentId, int fiscalYear) {
        return find("departmentId = ?1 and fiscalYear = ?2", departmentId, fiscalYear).firstResultOptional();
    }
}
