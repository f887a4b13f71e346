package io.jixiao.report.domain;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The copy of a department-year's latest budget sheet (BudgetFiguresChanged), the source of the report's figures. */
@Entity
@Table(name = "sheet_view")
public class BudgetSheetCopy extends PanacheEntityBase {

    @EmbeddedId
    public BasicExpenditureView.Key key;

    @Column(nullable = false)
    public long revision;

    @Column(nullable = false, columnDefinition = "text")
    public String sheet;

    /** From the sheet's profile: the district summary pages by unit code. */
    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    @Column(name = "department_name", nullable = false)
    public String departmentName;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
