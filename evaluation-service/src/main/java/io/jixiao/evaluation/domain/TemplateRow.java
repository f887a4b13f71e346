package io.jixiao.evaluation.domain;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An indicator template (指标体系): the default, or a copy for one jurisdiction and fiscal year.
 * currentVersion is the latest of its immutable versions and the version a client edits on (409 otherwise).
 */
@Entity
@Table(name = "indicator_template")
public class TemplateRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    public String jurisdiction;

    @Column(name = "fiscal_year")
    public Integer fiscalYear;

    @Column(name = "is_default", nullable = false)
    public boolean isDefault;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    @Column(name = "copied_from_id")
    public Long copiedFromId;

    @Column(name = "copied_from_version")
    public Integer copiedFromVersion;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
