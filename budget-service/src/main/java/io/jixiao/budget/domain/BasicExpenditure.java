package io.jixiao.budget.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 基本支出: budget and actual of one department in one fiscal year, in 元. */
@Entity
@Table(name = "basic_expenditure")
public class BasicExpenditure extends DepartmentYearSection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** 预算数 */
    @Column(nullable = false, precision = 17, scale = 2)
    public BigDecimal budget;

    /** 实际支出 */
    @Column(nullable = false, precision = 17, scale = 2)
    public BigDecimal actual;

    /** 工资福利 (in-service staff) */
    @Column(name = "personnel_actual", precision = 17, scale = 2)
    public BigDecimal personnelActual;

    /** 对个人和家庭的补助 (retirees, family subsidies) */
    @Column(name = "subsidies_actual", precision = 17, scale = 2)
    public BigDecimal subsidiesActual;

    /** 公用经费 actual */
    @Column(name = "public_funds_actual", precision = 17, scale = 2)
    public BigDecimal publicFundsActual;

    /** 公用经费 budget */
    @Column(name = "public_funds_budget", precision = 17, scale = 2)
    public BigDecimal publicFundsBudget;

    @Override
    public LinkedHashMap<String, Object> auditValues() {
        LinkedHashMap<String, Object> v = new LinkedHashMap<>();
        v.put("budget", budget);
        v.put("actual", actual);
        v.put("personnelActual", personnelActual);
        v.put("subsidiesActual", subsidiesActual);
        v.put("publicFundsActual", publicFundsActual);
        v.put("publicFundsBudget", publicFundsBudget);
        return v;
    }

    @Override
    public String auditId() {
        return departmentId + ":" + fiscalYear;
    }

    public static Optional<BasicExpenditure> find(String departmentId, int fiscalYear) {
        return find("departmentId = ?1 and fiscalYear = ?2", departmentId, fiscalYear).firstResultOptional();
    }
}
