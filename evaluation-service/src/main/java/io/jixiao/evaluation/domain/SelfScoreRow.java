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

/** A department's self-score of one qualitative indicator, with the evidence it must give. */
@Entity
@Table(name = "self_score")
public class SelfScoreRow extends PanacheEntityBase {

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
    public String evidence;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public static List<SelfScoreRow> of(String departmentId, int fiscalYear) {
        return list("departmentId = ?1 and fiscalYear = ?2", departmentId, fiscalYear);
    }
}
