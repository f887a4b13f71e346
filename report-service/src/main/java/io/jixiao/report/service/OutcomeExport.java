package io.jixiao.report.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import io.jixiao.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import io.jixiao.report.domain.SeasonRound;
import io.jixiao.report.domain.RoundOutcome.ReviewOutcome;
import io.jixiao.report.domain.RoundOutcome.WeakProject;
import io.jixiao.report.domain.RoundOutcome.Row;
import io.jixiao.report.domain.RoundOutcome.Outcome;

/**
 * 结果应用: the list a budget section uses to cut or keep next year's money. Every department of a round with
 * its grade, its re-review outcome, and each of its projects scored 中 or 差 with the project's budgets (元).
 */
@ApplicationScoped
public class OutcomeExport {

    private final EntityManager em;
    private final ObjectMapper mapper;

    public OutcomeExport(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    @Transactional
    public Outcome rows(Caller caller, long roundId) {
        if (!caller.hasRole(Roles.FINANCE_REVIEWER)) {
            throw ProblemException.forbidden("outcome.reviewer-only");
        }
        SeasonRound round = SeasonRound.findById(roundId);
        if (round == null) {
            throw ProblemException.notFound("round.not-found", String.valueOf(roundId));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select d.department_code, d.department_name, s.total, s.grade, s.projects, "
                + "v.sheet, m.department_id, r.review_total, r.flagged from season_round_department d "
                + "left join score_view s on s.department_id = d.department_id and s.fiscal_year = d.fiscal_year "
                + "left join sheet_view v on v.department_id = d.department_id and v.fiscal_year = d.fiscal_year "
                + "left join season_sample_department m on m.round_id = d.round_id and m.department_id = d.department_id "
                + "left join season_rereview r on r.round_id = d.round_id and r.department_id = d.department_id "
                + "where d.round_id = ?1 order by d.department_code, d.department_id").setParameter(1, roundId).getResultList();
        List<Row> out = new ArrayList<>();
        for (Object[] r : rows) {
            ReviewOutcome review = r[6] == null ? ReviewOutcome.NOT_SAMPLED : r[7] == null ? ReviewOutcome.NOT_REVIEWED
                    : Boolean.TRUE.equals(r[8]) ? ReviewOutcome.FLAGGED : ReviewOutcome.CONFIRMED;
            out.add(new Row((String) r[0], (String) r[1], SampleService.text((BigDecimal) r[2]), (String) r[3], review,
                    SampleService.text((BigDecimal) r[7]), weak((String) r[4], (String) r[5])));
        }
        return new Outcome(round.fiscalYear, round.district, out);
    }

    /** The projects scored 中 or 差, with their budget and adjusted budget from the sheet (null if not found). */
    private List<WeakProject> weak(String projects, String sheet) {
        if (projects == null) {
            return List.of();
        }
        try {
            Map<Long, JsonNode> budgets = new HashMap<>();
            if (sheet != null) {
                mapper.readTree(sheet).path("projects").forEach(p -> budgets.put(p.path("id").asLong(), p));
            }
            List<WeakProject> out = new ArrayList<>();
            for (JsonNode p : mapper.readTree(projects)) {
                String grade = p.path("grade").asText();
                if (!grade.equals("中") && !grade.equals("差")) {
                    continue;
                }
                JsonNode b = budgets.get(p.path("projectId").asLong());
                out.add(new WeakProject(p.path("projectId").asLong(), p.path("name").asText(), p.path("total").asText(), grade,
                        amount(b, "budget"), amount(b, "adjustedBudget")));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored projects or sheet are not JSON", e);
        }
    }

    private static BigDecimal amount(JsonNode project, String field) {
        return project == null || project.path(field).isNull() || project.path(field).isMissingNode() ? null
                : new BigDecimal(project.path(field).asText());
    }
}
