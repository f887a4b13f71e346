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

/** A computed indicator value of one department-year, with the explanation of how it came about. */
@Entity
@Table(name = "indicator_value")
public class IndicatorValue extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "department_id", nullable = false)
    public String departmentId;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Column(nullable = false)
    public String code;

    /** Null when an input is missing (数据缺失): never guessed. */
    @Column(precision = 12, scale = 2)
    public BigDecimal value;

    @Column(nullable = false)
    public String unit;

    @Column(nullable = false)
    public boolean missing;

    /** JSON: formula, inputs with values and sources. */
    @Column(nullable = false, columnDefinition = "text")
    public String explanation;

    /** The same in English; null on values computed before English was kept. */
    @Column(name = "explanation_en", columnDefinition = "text")
    public String explanationEn;

    /** The explanation JSON in the caller's language (Chinese where no English one is stored yet). */
    public String explanation(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && explanationEn != null ? explanationEn : explanation;
    }

    @Column(name = "source_version", nullable = false)
    public long sourceVersion;

    @Column(name = "computed_at", nullable = false)
    public OffsetDateTime computedAt;

    public static List<IndicatorValue> of(String departmentId, int fiscalYear) {
        return list("departmentId = ?1 and fiscalYear = ?2 order by code", departmentId, fiscalYear);
    }
}
