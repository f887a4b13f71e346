package io.jixiao.evaluation.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The latest score of a department-year: total and grade as columns for ranking, the template that scored it. */
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

    /**
     * Only on cards scored before evaluation documents existed (V11): the card's JSON is now written once
     * per language into evaluation_document, and reads take it from there.
     */
    @Column(columnDefinition = "text")
    public String card;

    /** The same legacy card with its sentences in English (null: none kept). */
    @Column(name = "card_en", columnDefinition = "text")
    public String cardEn;

    @Column(name = "source_revision", nullable = false)
    public long sourceRevision;

    @Column(name = "computed_at", nullable = false)
    public OffsetDateTime computedAt;
}
