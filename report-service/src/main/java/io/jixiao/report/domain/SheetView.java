package io.jixiao.report.domain;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The latest sheet of a department-year (BudgetFiguresChanged), the source of the report's figures. */
@Entity
@Table(name = "sheet_view")
public class SheetView extends PanacheEntityBase {

    @EmbeddedId
    public BudgetView.Key key;

    @Column(nullable = false)
    public long revision;

    @Column(nullable = false, columnDefinition = "text")
    public String sheet;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
