package io.jixiao.budget.domain;

import java.math.BigDecimal;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 差异原因: one reason for the gap between a line's actual and its budget, with the amount it explains. */
@Entity
@Table(name = "variance_reason")
public class VarianceReason extends PanacheEntityBase {

    /** Which budget line the reason explains. */
    public enum Line { BASIC, PROJECTS, PROJECT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "department_id", nullable = false)
    public String departmentId;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Line line;

    /** Set when line = PROJECT. */
    @Column(name = "project_id")
    public Long projectId;

    /** Signed: + explains spending above budget, − below. */
    @Column(nullable = false, precision = 17, scale = 2)
    public BigDecimal amount;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public int position;

    public static List<VarianceReason> of(String departmentId, int fiscalYear) {
        return list("departmentId = ?1 and fiscalYear = ?2 order by position", departmentId, fiscalYear);
    }
}
