package io.jixiao.evaluation.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The latest score card of a department-year (JSON of ScoreCard), with total and grade as columns for ranking. */
@Entity
@Table(name = "score_card")
public class ScoreCardRow extends PanacheEntityBase {

    @EmbeddedId
    public BudgetSheetCopy.Key key;

    @Column(name = "template_code", nullable = false)
    public String templateCode;

    /** The template version that scored this card (null on cards computed before templates were stored). */
    @Column(name = "template_id")
    public Long templateId;

    @Column(name = "template_version")
    public Integer templateVersion;

    public String jurisdiction;

    @Column(nullable = false, precision = 6, scale = 2)
    public BigDecimal total;

    @Column(nullable = false)
    public String grade;

    @Column(nullable = false, columnDefinition = "text")
    public String card;

    /** The same card with its sentences in English; null on cards scored before English was kept. */
    @Column(name = "card_en", columnDefinition = "text")
    public String cardEn;

    @Column(name = "source_revision", nullable = false)
    public long sourceRevision;

    @Column(name = "computed_at", nullable = false)
    public OffsetDateTime computedAt;
}
