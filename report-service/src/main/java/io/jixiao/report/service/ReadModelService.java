package io.jixiao.report.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.platform.events.EventEnvelope;
import io.jixiao.report.domain.BasicExpenditureView;
import io.jixiao.report.domain.IndicatorView;
import io.jixiao.report.domain.ScoreView;
import io.jixiao.report.domain.BudgetSheetCopy;
import io.jixiao.report.messaging.ReportEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Keeps the report's read model current; runs in the consumer's transaction (with the inbox row). */
@ApplicationScoped
public class ReadModelService {

    private final ObjectMapper mapper;

    private final SummaryRefresher summaries;

    public ReadModelService(ObjectMapper mapper, SummaryRefresher summaries) {
        this.mapper = mapper;
        this.summaries = summaries;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onBasicExpenditureChanged(EventEnvelope event) {
        ReportEvents.BasicExpenditureChanged p = mapper.convertValue(event.payload(),
                ReportEvents.BasicExpenditureChanged.class);
        BasicExpenditureView.Key key = new BasicExpenditureView.Key(event.departmentId(), event.fiscalYear());
        BasicExpenditureView view = BasicExpenditureView.findById(key);
        if (view != null && view.budgetVersion >= p.version()) {
            return; // late arrival of an older state
        }
        if (view == null) {
            view = new BasicExpenditureView();
            view.key = key;
        }
        view.basicBudget = new BigDecimal(p.budget());
        view.basicActual = new BigDecimal(p.actual());
        view.basicVariance = new BigDecimal(p.variance());
        view.budgetVersion = p.version();
        view.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        view.persist();
        // No summary refresh here: the summary row is built from the sheet, not from this slice, and
        // budget-service publishes BudgetFiguresChanged with the whole sheet in the same transaction as
        // this event, which refreshes it. A refresh assembles and checks the report, so a redundant one
        // cost every 基本支出 save a third of report-service's CPU.
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onBudgetFiguresChanged(EventEnvelope event) {
        long revision = event.payload().get("revision").asLong();
        BasicExpenditureView.Key key = new BasicExpenditureView.Key(event.departmentId(), event.fiscalYear());
        BudgetSheetCopy view = BudgetSheetCopy.findById(key);
        if (view != null && view.revision >= revision) {
            return;
        }
        if (view == null) {
            view = new BudgetSheetCopy();
            view.key = key;
        }
        view.revision = revision;
        com.fasterxml.jackson.databind.JsonNode sheet = event.payload().get("sheet");
        view.sheet = sheet.toString();
        com.fasterxml.jackson.databind.JsonNode profile = sheet.path("department");
        view.departmentCode = profile.hasNonNull("code") ? profile.get("code").asText() : event.departmentId();
        view.departmentName = profile.hasNonNull("name") ? profile.get("name").asText() : event.departmentId();
        view.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        view.persist();
        summaries.requestInTransaction(key); // the summary row follows, coalesced with the score that comes next
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onIndicatorsComputed(EventEnvelope event) {
        ReportEvents.IndicatorsComputed p = mapper.convertValue(event.payload(), ReportEvents.IndicatorsComputed.class);
        if (p.items() != null && p.total() != null) {
            BasicExpenditureView.Key key = new BasicExpenditureView.Key(event.departmentId(), event.fiscalYear());
            ScoreView score = ScoreView.findById(key);
            // evaluation-service's own revision orders its scores: a later score is its state now, whatever
            // budget revision it was computed from (a submission confirms that revision and waits for it here).
            // Events without one (before it existed) are ordered by the budget revision.
            boolean newer = score == null || (score.evaluationRevision != null && p.evaluationRevision() != null
                    ? p.evaluationRevision() >= score.evaluationRevision
                    : score.revision <= p.revision());
            if (newer) {
                if (score == null) {
                    score = new ScoreView();
                    score.key = key;
                }
                score.revision = p.revision();
                score.evaluationRevision = p.evaluationRevision();
                score.total = new BigDecimal(p.total());
                score.grade = p.grade();
                score.items = mapper.valueToTree(p.items()).toString();
                score.projects = p.projects() == null ? null : mapper.valueToTree(p.projects()).toString();
                score.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                score.persist();
            }
        }
        for (ReportEvents.Indicator i : p.indicators()) {
            IndicatorView.Key key = new IndicatorView.Key(event.departmentId(), event.fiscalYear(), i.code());
            IndicatorView view = IndicatorView.findById(key);
            if (view != null && view.sourceVersion > p.sourceVersion()) {
                continue;
            }
            if (view == null) {
                view = new IndicatorView();
                view.key = key;
            }
            view.name = i.name();
            view.value = i.value() == null ? null : new BigDecimal(i.value());
            view.unit = i.unit();
            view.missing = i.missing();
            view.sourceVersion = p.sourceVersion();
            view.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            view.persist();
        }
        summaries.requestInTransaction(new BasicExpenditureView.Key(event.departmentId(), event.fiscalYear()));
    }
}
