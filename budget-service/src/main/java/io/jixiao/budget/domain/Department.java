package io.jixiao.budget.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** 预算单位: a budget unit of the district. */
@Entity
@Table(name = "department")
public class Department extends PanacheEntityBase {

    @Id
    public String id;

    /** 单位编码 */
    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    /** 所属区县 */
    @Column(nullable = false)
    public String jurisdiction;

    /** The first fiscal year the department reports; years before it are refused. */
    @Column(name = "first_fiscal_year", nullable = false)
    public int firstFiscalYear;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** 职能职责, in order (numbered in the report) */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> duties = new ArrayList<>();

    /** 内设科室 */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> divisions = new ArrayList<>();

    @Version
    public long version;
}
