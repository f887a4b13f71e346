package io.jixiao.budget.domain;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * A part of what a department reports for one fiscal year. Every section is versioned (a save
 * based on an older version gets 409) and lists its values for the audit trail.
 */
@MappedSuperclass
public abstract class DepartmentYearSection extends PanacheEntityBase {

    @Column(name = "department_id", nullable = false)
    public String departmentId;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    /** Field name → value, in a stable order: the audit trail records the ones that changed. */
    public abstract LinkedHashMap<String, Object> auditValues();

    /** Identity of this section in the audit trail. */
    public abstract String auditId();
}
