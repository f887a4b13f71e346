package io.jixiao.evaluation.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The evaluation of a department-year as GET answers it, in one language, written at rescoring time
 * (materialised read): its JSON body and the ETag of that body.
 */
@Entity
@Table(name = "evaluation_document")
public class EvaluationDocument extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "department_id") String departmentId, @Column(name = "fiscal_year") int fiscalYear,
            String lang) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    /** The budget revision the document was scored from. */
    @Column(nullable = false)
    public long revision;

    @Column(nullable = false)
    public String etag;

    @Column(nullable = false, columnDefinition = "text")
    public String body;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
