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

/** The indicators of one project's self-evaluation (项目支出绩效自评) as one versioned whole. */
@Entity
@Table(name = "project_indicator_set")
public class ProjectIndicatorSet extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "department_id") String departmentId, @Column(name = "fiscal_year") int fiscalYear,
            @Column(name = "project_id") long projectId) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
