package io.jixiao.report.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The score card of a department-year as evaluation-service last published it (自评表). */
@Entity
@Table(name = "score_view")
public class ScoreView extends PanacheEntityBase {

    @EmbeddedId
    public BasicExpenditureView.Key key;

    @Column(nullable = false)
    public long revision;

    /** evaluation-service's own data revision of this card (null: published before it was sent). */
    @Column(name = "evaluation_revision")
    public Long evaluationRevision;

    @Column(nullable = false, precision = 6, scale = 2)
    public BigDecimal total;

    @Column(nullable = false)
    public String grade;

    /** JSON array of ReportEvents.ScoredItem. */
    @Column(nullable = false, columnDefinition = "text")
    public String items;

    /** JSON array of ReportEvents.ProjectScore (null: published before projects were scored). */
    @Column(columnDefinition = "text")
    public String projects;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
