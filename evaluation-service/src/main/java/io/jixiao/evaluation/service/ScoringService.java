package io.jixiao.evaluation.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.evaluation.domain.BudgetSheetCopy;
import io.jixiao.evaluation.domain.IndicatorValue;
import io.jixiao.evaluation.domain.ScoreCardRow;
import io.jixiao.evaluation.domain.SelfScoreRow;
import io.jixiao.evaluation.messaging.EvaluationEvents;
import io.jixiao.evaluation.scoring.Formulas;
import io.jixiao.evaluation.scoring.ScoreCard;
import io.jixiao.evaluation.scoring.Scorer;
import io.jixiao.evaluation.scoring.Sheet;
import io.jixiao.evaluation.scoring.Template;
import io.jixiao.evaluation.scoring.TemplateLoader;
import io.jixiao.platform.events.EventEnvelope;
import io.jixiao.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Keeps our copy of each department-year's figures (from BudgetFiguresChanged) and rescores it:
 * every formula indicator with its explanation, the score card against the template, and the
 * IndicatorsComputed event. Runs in the consumer's transaction, with the inbox row.
 */
@ApplicationScoped
public class ScoringService {

    private final ObjectMapper mapper;
    private final Outbox outbox;
    private final Template template;

    public ScoringService(ObjectMapper mapper, Outbox outbox) {
        this.mapper = mapper;
        this.outbox = outbox;
        this.template = TemplateLoader.defaultTemplate(mapper);
    }

    public Template template() {
        return template;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onBudgetFiguresChanged(EventEnvelope event) {
        JsonNode payload = event.payload();
        long revision = payload.get("revision").asLong();
        BudgetSheetCopy.Key key = new BudgetSheetCopy.Key(event.departmentId(), event.fiscalYear());
        BudgetSheetCopy copy = BudgetSheetCopy.findById(key);
        if (copy != null && copy.revision >= revision) {
            return; // an older state arriving late: what we hold is newer
        }
        if (copy == null) {
            copy = new BudgetSheetCopy();
            copy.key = key;
        }
        JsonNode sheet = payload.get("sheet");
        JsonNode basic = sheet.get("basic");
        copy.revision = revision;
        copy.basicVersion = basic == null || basic.isNull() ? null : basic.get("version").asLong();
        copy.sheet = sheet.toString();
        copy.sourceEventId = event.eventId();
        copy.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        copy.persist();
        rescore(copy, "budget.events " + event.type() + " v" + event.schemaVersion() + " r" + revision + " "
                + event.eventId());
    }

    /** Recomputes everything of a department-year from our copy and the self-scores. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ScoreCard rescore(BudgetSheetCopy copy, String source) {
        Sheet sheet = read(copy.sheet);
        String dept = copy.key.departmentId();
        int year = copy.key.fiscalYear();
        Map<String, Scorer.SelfScore> selfScores = new HashMap<>();
        for (SelfScoreRow s : SelfScoreRow.of(dept, year)) {
            selfScores.put(s.code, new Scorer.SelfScore(s.score, s.evidence));
        }
        Map<String, Scorer.Adjustment> adjustments = new HashMap<>();
        for (io.jixiao.evaluation.domain.ScoreAdjustment a : io.jixiao.evaluation.domain.ScoreAdjustment.of(dept, year)) {
            adjustments.put(a.code, new Scorer.Adjustment(a.score, a.comment));
        }
        ScoreCard card = Scorer.score(template, sheet, selfScores, adjustments,
                io.jixiao.evaluation.domain.GoalIndicator.of(dept, year), source);

        List<IndicatorResult> computed = new ArrayList<>();
        computed.add(Formulas.compute(Formulas.BASIC_COMPLETION_RATE, sheet, source));
        card.items().stream().filter(i -> i.calculation() != null).forEach(i -> computed.add(i.calculation()));
        for (IndicatorResult r : computed) {
            IndicatorValue v = IndicatorValue.<IndicatorValue>find("departmentId = ?1 and fiscalYear = ?2 and code = ?3",
                    dept, year, r.code()).firstResultOptional().orElseGet(IndicatorValue::new);
            v.departmentId = dept;
            v.fiscalYear = year;
            v.code = r.code();
            v.value = r.value();
            v.unit = r.unit();
            v.missing = r.missing();
            v.explanation = json(r);
            v.sourceVersion = copy.revision;
            v.computedAt = OffsetDateTime.now(ZoneOffset.UTC);
            v.persist();
        }
        ScoreCardRow row = ScoreCardRow.findById(copy.key);
        if (row == null) {
            row = new ScoreCardRow();
            row.key = copy.key;
        }
        row.templateCode = card.templateCode();
        row.total = card.total();
        row.grade = card.grade();
        row.card = json(card);
        row.sourceRevision = copy.revision;
        row.computedAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.persist();

        outbox.publish(EvaluationEvents.INDICATORS_COMPUTED, EvaluationEvents.INDICATORS_COMPUTED_VERSION, dept, year,
                "evaluation-service", new EvaluationEvents.IndicatorsComputed(
                        copy.basicVersion == null ? -1 : copy.basicVersion, copy.revision, card.total().toPlainString(),
                        card.grade(), computed.stream().map(r -> new EvaluationEvents.Indicator(r.code(), r.name(),
                                r.value() == null ? null : r.value().toPlainString(), r.unit(), r.missing())).toList(),
                        card.items().stream().map(i -> new EvaluationEvents.ScoredItem(i.level1(), i.level2(), i.code(),
                                i.name(), i.points().toPlainString(), i.value() == null ? null : i.value().toPlainString(),
                                i.finalScore().toPlainString(), i.status())).toList()));
        return card;
    }

    public Sheet read(String sheetJson) {
        try {
            return mapper.readValue(sheetJson, Sheet.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable sheet", e);
        }
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
