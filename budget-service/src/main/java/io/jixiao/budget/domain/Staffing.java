package io.jixiao.budget.domain;

import java.util.LinkedHashMap;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 人员情况 at year end; last year's values are last year's row. */
@Entity
@Table(name = "staffing")
public class Staffing extends DepartmentYearSection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** 编制数 */
    @Column(name = "authorized_posts")
    public Integer authorizedPosts;

    /** 实有在职在编 */
    @Column(name = "staff_in_post")
    public Integer staffInPost;

    /** 退役士官 */
    @Column(name = "retired_soldiers")
    public Integer retiredSoldiers;

    /** 临聘人员 */
    @Column(name = "temporary_staff")
    public Integer temporaryStaff;

    /** 派驻人员 */
    @Column(name = "seconded_staff")
    public Integer secondedStaff;

    /** 离退休人员 */
    public Integer retirees;

    public static Optional<Staffing> find(String departmentId, int fiscalYear) {
        return find("departmentId = ?1 and fiscalYear = ?2", departmentId, fiscalYear).firstResultOptional();
    }

    @Override
    public LinkedHashMap<String, Object> auditValues() {
        LinkedHashMap<String, Object> v = new LinkedHashMap<>();
        v.put("authorizedPosts", authorizedPosts);
        v.put("staffInPost", staffInPost);
        v.put("retiredSoldiers", retiredSoldiers);
        v.put("temporaryStaff", temporaryStaff);
        v.put("secondedStaff", secondedStaff);
        v.put("retirees", retirees);
        return v;
    }

    @Override
    public String auditId() {
        return departmentId + ":" + fiscalYear;
    }
}
