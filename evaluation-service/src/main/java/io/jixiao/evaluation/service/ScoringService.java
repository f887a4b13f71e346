package io.jixiao.evaluation.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.evaluation.domain.BudgetFigures;
import io.jixiao.evaluation.domain.IndicatorValue;
import io.jixiao.evaluation.messaging.EvaluationEvents;
import io.jixiao.platform.events.EventEnvelope;
import io.jixiao.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Applies budget figures from events and rescores; runs in the consumer's transaction (with the inbox row). */
@ApplicationScoped
public class ScoringService {

    private final ObjectMapper mapper;
    private final Outbox outbox;

    public ScoringService(ObjectMapper mapper, Outbox outbox) {
        this.mapper = mapper;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onBasicExpenditureChanged(EventEnvelope event) {
        EvaluationEvents.BasicExpenditureChanged p = mapper.convertValue(event.payload(),
                EvaluationEvents.BasicExpenditureChanged.class);
        BudgetFigures.Key key = new BudgetFigures.Key(event.departmentId(), event.fiscalYear());
        BudgetFigures figures = BudgetFigures.findById(key);
        if (figures != null && figures.sourceVersion >= p.version()) {
            return; // an older state arriving late: what we hold is newer
        }
        if (figures == null) {
            figures = new BudgetFigures();
            figures.key = key;
        }
        figures.basicBudget = new BigDecimal(p.budget());
        figures.basicActual = new BigDecimal(p.actual());
        figures.sourceVersion = p.version();
        figures.sourceEventId = event.eventId();
        figures.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        figures.persist();
        rescore(figures, "budget.events " + event.type() + " v" + event.schemaVersion() + " " + event.eventId());
    }

    private void rescore(BudgetFigures figures, String source) {
        List<IndicatorResult> results = List.of(IndicatorCalculator.budgetCompletionRate(figures, source));
        String dept = figures.key.departmentId();
        int year = figures.key.fiscalYear();
        for (IndicatorResult r : results) {
            IndicatorValue v = IndicatorValue.<IndicatorValue>find("departmentId = ?1 and fiscalYear = ?2 and code = ?3",
                    dept, year, r.code()).firstResultOptional().orElseGet(IndicatorValue::new);
            v.departmentId = dept;
            v.fiscalYear = year;
            v.code = r.code();
            v.value = r.value();
            v.unit = r.unit();
            v.missing = r.missing();
            v.explanation = json(r);
            v.sourceVersion = figures.sourceVersion;
            v.computedAt = OffsetDateTime.now(ZoneOffset.UTC);
            v.persist();
        }
        outbox.publish(EvaluationEvents.INDICATORS_COMPUTED, EvaluationEvents.INDICATORS_COMPUTED_VERSION, dept, year,
                "evaluation-service", new EvaluationEvents.IndicatorsComputed(figures.sourceVersion, results.stream()
                        .map(r -> new EvaluationEvents.Indicator(r.code(), r.name(),
                                r.value() == null ? null : r.value().toPlainString(), r.unit(), r.missing()))
                        .toList()));
    }

    private String json(IndicatorResult r) {
        try {
            return mapper.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
