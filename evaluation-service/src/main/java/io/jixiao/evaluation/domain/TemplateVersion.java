package io.jixiao.evaluation.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One immutable version of a template: its whole tree as JSON (the Template record). Never updated. */
@Entity
@Table(name = "indicator_template_version")
public class TemplateVersion extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "template_id") long templateId, @Column(name = "version") int version)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false, columnDefinition = "text", updatable = false)
    public String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;
}
