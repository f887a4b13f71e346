package io.jixiao.evaluation.domain;

import java.math.BigDecimal;
import java.util.List;

import io.jixiao.evaluation.scoring.ProjectScorer;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One indicator of a project's self-evaluation, as the department entered it. */
@Entity
@Table(name = "project_indicator")
public class ProjectIndicator extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "department_id", nullable = false)
    public String departmentId;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Column(name = "project_id", nullable = false)
    public long projectId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String category;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String kind;

    public String unit;

    public String direction;

    @Column(precision = 17, scale = 4)
    public BigDecimal target;

    @Column(precision = 17, scale = 4)
    public BigDecimal actual;

    public String tier;

    @Column(name = "self_score_percent", precision = 5, scale = 2)
    public BigDecimal selfScorePercent;

    @Column(columnDefinition = "text")
    public String evidence;

    public ProjectScorer.Indicator toInput() {
        return new ProjectScorer.Indicator(category, name, kind, unit, direction, target, actual, tier, selfScorePercent,
                evidence);
    }

    public static List<ProjectIndicator> of(String departmentId, int fiscalYear) {
        return list("departmentId = ?1 and fiscalYear = ?2 order by projectId, position", departmentId, fiscalYear);
    }
}
