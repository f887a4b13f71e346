package io.jixiao.evaluation.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The template a jurisdiction (区县) scores a fiscal year with; it follows the template's latest version. */
@Entity
@Table(name = "template_assignment")
public class TemplateAssignment extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "jurisdiction") String jurisdiction, @Column(name = "fiscal_year") int fiscalYear)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "template_id", nullable = false)
    public long templateId;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
