package io.jixiao.evaluation.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.evaluation.scoring.Formulas;
import io.jixiao.platform.api.Requests;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.rush.RushConfig;
import io.jixiao.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The district chart of the year-end rush (年底突击花钱): December's and the fourth quarter's share per
 * department, read from the indicator values the scoring stored when the figures arrived (a row per
 * department-year and share), never summed from payments on the request.
 */
@ApplicationScoped
public class YearEndRushService {

    private final EntityManager em;
    private final RushConfig rush;

    public YearEndRushService(EntityManager em, RushConfig rush) {
        this.em = em;
        this.rush = rush;
    }

    /** null shares: 数据缺失 (no complete months in either source, or a year without spending). */
    @Schema(name = "YearEndRushShare", description = "One department's December and fourth-quarter share of its year's spending, in %")
    public record Share(String departmentId, String name, String jurisdiction, BigDecimal decemberShare,
            BigDecimal q4Share, boolean aboveThreshold) {
    }

    /** The thresholds are the configured ones: templates may score with their own, the chart draws the district's. */
    @Schema(name = "YearEndRushDistrict", description = "年底突击花钱: the shares per department and the thresholds (in %)")
    public record District(int fiscalYear, String jurisdiction, BigDecimal decemberThreshold, BigDecimal q4Threshold,
            List<Share> departments) {
    }

    /** The bureau reads every department (optionally of one 区县), a department only its own row. */
    @Transactional
    public District shares(Caller caller, Integer fiscalYear, String jurisdiction) {
        int year = Requests.requireYear(fiscalYear);
        boolean all = caller.readsAllDepartments();
        String own = all ? null : caller.departmentId().orElse(null);
        boolean byDistrict = all && jurisdiction != null && !jurisdiction.isBlank();
        if (!all && own == null) {
            throw ProblemException.forbidden("access.forbidden"); // neither the bureau nor a department's user
        }
        var query = em.createNativeQuery("select v.department_id, v.code, v.value, s.jurisdiction, "
                + "cast(s.sheet as jsonb) -> 'department' ->> 'name' from indicator_value v "
                + "join budget_sheet s on s.department_id = v.department_id and s.fiscal_year = v.fiscal_year "
                + "where v.fiscal_year = ?1 and v.code in (?2, ?3)"
                + (all ? "" : " and v.department_id = ?4") + (byDistrict ? " and s.jurisdiction = ?4" : ""))
                .setParameter(1, year).setParameter(2, Formulas.DECEMBER_SHARE).setParameter(3, Formulas.Q4_SHARE);
        if (!all) {
            query.setParameter(4, own);
        }
        if (byDistrict) {
            query.setParameter(4, jurisdiction);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<String, Object[]> byDepartment = new LinkedHashMap<>();
        for (Object[] r : rows) {
            Object[] d = byDepartment.computeIfAbsent((String) r[0], k -> new Object[] {r[4], r[3], null, null});
            d[Formulas.DECEMBER_SHARE.equals(r[1]) ? 2 : 3] = r[2];
        }
        List<Share> out = new ArrayList<>();
        byDepartment.forEach((id, d) -> {
            BigDecimal december = (BigDecimal) d[2];
            BigDecimal q4 = (BigDecimal) d[3];
            out.add(new Share(id, d[0] == null ? id : (String) d[0], (String) d[1], december, q4,
                    (december != null && december.compareTo(rush.decemberShare()) > 0)
                            || (q4 != null && q4.compareTo(rush.q4Share()) > 0)));
        });
        // highest December share first; 数据缺失 last, by name
        out.sort(java.util.Comparator.comparing(Share::decemberShare,
                java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())).thenComparing(Share::name));
        return new District(year, byDistrict ? jurisdiction : null, rush.decemberShare(), rush.q4Share(), out);
    }
}
