package io.jixiao.evaluation.domain;

import java.io.Serializable;

import io.jixiao.platform.api.StoredDocument;
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
public class EvaluationDocument extends StoredDocument {

    @Embeddable
    public record Key(@Column(name = "department_id") String departmentId, @Column(name = "fiscal_year") int fiscalYear,
            String lang) implements Serializable {
    }

    @EmbeddedId
    public Key key;
}
