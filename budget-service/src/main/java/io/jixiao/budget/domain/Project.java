package io.jixiao.budget.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 项目支出: one project of a department-year, its budget, adjustment and actual by payment channel. */
@Entity
@Table(name = "project")
public class Project extends DepartmentYearSection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    /** 年初预算 (0 for a project added during the year: 年初无预算) */
    @Column(nullable = false, precision = 17, scale = 2)
    public BigDecimal budget;

    /** 预算调整: 追加 (+) or 调减 (−) during the year */
    @Column(nullable = false, precision = 17, scale = 2)
    public BigDecimal adjustment;

    @Column(name = "adjustment_reason")
    public String adjustmentReason;

    /** 通过单位支付系统支付 */
    @Column(name = "actual_own", nullable = false, precision = 17, scale = 2)
    public BigDecimal actualOwn;

    /** 财政直接支付/下拨 (never passed the unit's books) */
    @Column(name = "actual_direct", nullable = false, precision = 17, scale = 2)
    public BigDecimal actualDirect;

    /** 重点项目 */
    @Column(name = "key_project", nullable = false)
    public boolean keyProject;

    public BigDecimal actual() {
        return actualOwn.add(actualDirect);
    }

    public static List<Project> of(String departmentId, int fiscalYear) {
        return list("departmentId = ?1 and fiscalYear = ?2 order by id", departmentId, fiscalYear);
    }

    @Override
    public LinkedHashMap<String, Object> auditValues() {
        LinkedHashMap<String, Object> v = new LinkedHashMap<>();
        v.put("name", name);
        v.put("budget", budget);
        v.put("adjustment", adjustment);
        v.put("adjustmentReason", adjustmentReason);
        v.put("actualOwn", actualOwn);
        v.put("actualDirect", actualDirect);
        v.put("keyProject", keyProject);
        return v;
    }

    @Override
    public String auditId() {
        return departmentId + ":" + fiscalYear + ":project:" + id;
    }
}
