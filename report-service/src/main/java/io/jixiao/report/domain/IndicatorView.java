package io.jixiao.report.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An indicator value as evaluation-service computed it (from evaluation.events). */
@Entity
@Table(name = "indicator_view")
public class IndicatorView extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "department_id") String departmentId,
            @Column(name = "fiscal_year") int fiscalYear, @Column(name = "code") String code) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String name;

    @Column(precision = 12, scale = 2)
    public BigDecimal value;

    @Column(nullable = false)
    public String unit;

    @Column(nullable = false)
    public boolean missing;

    @Column(name = "source_version", nullable = false)
    public long sourceVersion;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
