package io.jixiao.evaluation.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A finance reviewer's adjusted score of one indicator, with the required comment. */
@Entity
@Table(name = "score_adjustment")
public class ScoreAdjustment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "department_id", nullable = false)
    public String departmentId;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false, precision = 6, scale = 2)
    public BigDecimal score;

    @Column(nullable = false, columnDefinition = "text")
    public String comment;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public static List<ScoreAdjustment> of(String departmentId, int fiscalYear) {
        return list("departmentId = ?1 and fiscalYear = ?2", departmentId, fiscalYear);
    }
}
