package io.jixiao.evaluation.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.evaluation.domain.BudgetSheetCopy;
import io.jixiao.evaluation.domain.FilingPin;
import io.jixiao.evaluation.domain.GoalIndicator;
import io.jixiao.evaluation.scoring.GoalOutcome;
import io.jixiao.evaluation.domain.IndicatorValue;
import io.jixiao.evaluation.domain.ProjectIndicator;
import io.jixiao.evaluation.domain.ScoreAdjustment;
import io.jixiao.evaluation.domain.ScoreCardRow;
import io.jixiao.evaluation.domain.SelfScoreRow;
import io.jixiao.evaluation.messaging.EvaluationEvents;
import io.jixiao.evaluation.scoring.Formulas;
import io.jixiao.evaluation.scoring.ProjectScorer;
import io.jixiao.evaluation.scoring.ScoreCard;
import io.jixiao.evaluation.scoring.Scorer;
import io.jixiao.evaluation.scoring.BudgetSheet;
import io.jixiao.evaluation.scoring.Template;
import io.jixiao.platform.events.EventEnvelope;
import io.jixiao.platform.outbox.Outbox;
import io.jixiao.platform.problem.Messages;
import io.jixiao.platform.rush.RushConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import io.jixiao.evaluation.scoring.IndicatorResult;

/**
 * Keeps our copy of each department-year's figures (from BudgetFiguresChanged) and rescores it:
 * every formula indicator with its explanation, the score card against the template version that
 * applies (TemplateStore), the per-project self-evaluations, and the IndicatorsComputed event. Also
 * pins the template version of a submitted filing (report.events) and unpins it on a return.
 */
@ApplicationScoped
public class ScoringService {

    private final ObjectMapper mapper;
    private final Outbox outbox;
    private final TemplateStore templates;
    private final EvaluationDocuments documents;
    private final jakarta.enterprise.event.Event<SheetReceived> sheetReceived;
    private final RushConfig rush;
    private final IndicatorValueStore values;

    public ScoringService(ObjectMapper mapper, Outbox outbox, TemplateStore templates, EvaluationDocuments documents,
            jakarta.enterprise.event.Event<SheetReceived> sheetReceived, RushConfig rush, IndicatorValueStore values) {
        this.rush = rush;
        this.values = values;
        this.mapper = mapper;
        this.outbox = outbox;
        this.templates = templates;
        this.documents = documents;
        this.sheetReceived = sheetReceived;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onBudgetFiguresChanged(EventEnvelope event) {
        JsonNode payload = event.payload();
        long revision = payload.get("revision").asLong();
        BudgetSheetCopy.Key key = new BudgetSheetCopy.Key(event.departmentId(), event.fiscalYear());
        JsonNode department = payload.path("sheet").get("department");
        String jurisdiction = department == null || department.isNull() || department.path("jurisdiction").isNull()
                ? null : department.path("jurisdiction").asText(null);
        templates.lockScope(jurisdiction, event.fiscalYear(), false); // scope before row: one lock order everywhere
        BudgetSheetCopy copy = BudgetSheetCopy.findById(key, LockModeType.PESSIMISTIC_WRITE);
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
        copy.jurisdiction = jurisdiction;
        copy.sheet = sheet.toString();
        copy.sourceEventId = event.eventId();
        copy.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        copy.persist();
        rescore(copy, "budget.events " + event.type() + " v" + event.schemaVersion() + " r" + revision + " "
                + event.eventId());
        confirmLockIfReady(key); // the copy may have been the last thing a pending confirmation waited for
        sheetReceived.fire(new SheetReceived(key.departmentId(), key.fiscalYear(), revision));
    }

    /**
     * FilingLockConfirmed from budget-service: it locked the department-year at a revision. Recorded on our
     * lock row; our own confirmation waits for it, so the evaluation confirmed is scored on exactly the
     * budget data that stays locked.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onBudgetLockConfirmed(EventEnvelope event) {
        int filingVersion = event.payload().path("filingVersion").asInt();
        BudgetSheetCopy.Key key = new BudgetSheetCopy.Key(event.departmentId(), event.fiscalYear());
        lockedCopy(key);
        FilingPin pin = FilingPin.lock(key);
        if (pin.filingVersion > filingVersion) {
            return; // the confirmation of an older submission
        }
        pin.budgetConfirmedVersion = filingVersion;
        pin.budgetRevision = event.payload().path("revision").asLong();
        pin.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        confirmLockIfReady(key);
    }

    /**
     * Publishes FilingLockConfirmed once the year is locked for a submission, budget-service has confirmed
     * the same submission, and our copy holds the budget revision it locked. The revision sent is our data
     * revision now; nothing changes it until a return (writes refused, template edits skip pinned years,
     * no newer budget data can come).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void confirmLockIfReady(BudgetSheetCopy.Key key) {
        FilingPin pin = FilingPin.lock(key);
        if (!pin.pinned || pin.budgetConfirmedVersion == null || pin.budgetConfirmedVersion != pin.filingVersion
                || (pin.confirmedVersion != null && pin.confirmedVersion == pin.filingVersion)) {
            return;
        }
        BudgetSheetCopy copy = BudgetSheetCopy.findById(key);
        long budgetRevision = copy == null ? 0 : copy.revision;
        if (budgetRevision < pin.budgetRevision) {
            return; // the figures budget locked have not reached us yet
        }
        pin.confirmedVersion = pin.filingVersion;
        pin.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        outbox.publish(EvaluationEvents.FILING_LOCK_CONFIRMED, EvaluationEvents.FILING_LOCK_CONFIRMED_VERSION,
                key.departmentId(), key.fiscalYear(), "evaluation-service",
                new EvaluationEvents.FilingLockConfirmed(pin.filingVersion, "evaluation", pin.revision, budgetRevision));
    }

    /**
     * FilingSubmitted / FilingApproved: freeze the template version the filing was scored with, so no
     * template edit changes a submitted score. A step older than the one already applied is ignored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onFilingSubmitted(EventEnvelope event) {
        int filingVersion = event.payload().path("filingVersion").asInt();
        BudgetSheetCopy.Key key = new BudgetSheetCopy.Key(event.departmentId(), event.fiscalYear());
        BudgetSheetCopy copy = lockedCopy(key);
        FilingPin pin = FilingPin.lock(key);
        if (pin.filingVersion > filingVersion) {
            return;
        }
        if (pin.pinned && pin.templateId != null) {
            pin.filingVersion = filingVersion; // approval after submission: stays on the same version
            pin.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return;
        }
        ScoreCardRow card = ScoreCardRow.findById(key);
        if (card != null && card.templateId != null) {
            pin.templateId = card.templateId; // exactly what the department saw when it submitted
            pin.templateVersion = card.templateVersion;
        } else {
            TemplateStore.Resolved now = templates.current(copy == null ? null : copy.jurisdiction, event.fiscalYear());
            pin.templateId = now.templateId();
            pin.templateVersion = now.version();
        }
        pin.pinned = true;
        pin.filingVersion = filingVersion;
        pin.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (copy != null) {
            rescore(copy, "report.events " + event.type() + " v" + filingVersion + " " + event.eventId());
        }
        confirmLockIfReady(key); // budget's confirmation may have arrived first
    }

    /** FilingReturned: unpinned; rescored with the template the jurisdiction and year have now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onFilingReturned(EventEnvelope event) {
        int filingVersion = event.payload().path("filingVersion").asInt();
        BudgetSheetCopy.Key key = new BudgetSheetCopy.Key(event.departmentId(), event.fiscalYear());
        BudgetSheetCopy copy = lockedCopy(key);
        FilingPin pin = FilingPin.lock(key);
        if (pin.filingVersion > filingVersion) {
            return;
        }
        pin.pinned = false;
        pin.templateId = null;
        pin.templateVersion = null;
        pin.filingVersion = filingVersion;
        pin.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (copy != null) {
            rescore(copy, "report.events " + event.type() + " v" + filingVersion + " " + event.eventId());
        }
    }

    /**
     * A department-year's copy, locked for a rescoring: the template choice of its scope first (shared),
     * then the row, the order every path takes, so a concurrent template edit cannot deadlock with it.
     * Null when no figures arrived yet.
     *
     * <p>The row is read again once locked. A find with a lock on an entity already loaded (the peek, or an
     * earlier read of this transaction) only locks it and keeps the state read before; a budget revision
     * committed in between was then lost: a self-score scored the older figures after the newer ones and
     * its evaluation revision, confirmed for a submission, never reached report-service's read model,
     * which ignores a score of an older budget revision (the filing stayed SUBMITTING).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BudgetSheetCopy lockedCopy(BudgetSheetCopy.Key key) {
        BudgetSheetCopy peek = BudgetSheetCopy.findById(key);
        if (peek == null) {
            return null;
        }
        templates.lockScope(peek.jurisdiction, key.fiscalYear(), false);
        BudgetSheetCopy.getEntityManager().refresh(peek, LockModeType.PESSIMISTIC_WRITE);
        return peek;
    }

    /** Rescores every unpinned department-year of a jurisdiction and year (after a template change). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int rescoreScope(String jurisdiction, int fiscalYear, String source) {
        templates.lockScope(jurisdiction, fiscalYear, true);
        List<BudgetSheetCopy> copies = BudgetSheetCopy.<BudgetSheetCopy>find(
                "key.fiscalYear = ?1 and jurisdiction = ?2 order by key.departmentId", fiscalYear, jurisdiction)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        int n = 0;
        for (BudgetSheetCopy copy : copies) {
            if (!FilingPin.isPinned(copy.key.departmentId(), fiscalYear)) {
                rescore(copy, source);
                n++;
            }
        }
        return n;
    }

    /** Rescores the unpinned department-years scored with the default template (after a new default version). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rescoreDefaultUsers(long defaultTemplateId, String source) {
        List<ScoreCardRow> rows = ScoreCardRow.list("templateId = ?1", defaultTemplateId);
        for (ScoreCardRow r : rows) {
            BudgetSheetCopy copy = lockedCopy(r.key);
            if (copy != null && !FilingPin.isPinned(r.key.departmentId(), r.key.fiscalYear())) {
                rescore(copy, source);
            }
        }
    }

    /** Recomputes everything of a department-year from our copy, the department's entries and its template. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ScoreCard rescore(BudgetSheetCopy copy, String source) {
        String dept = copy.key.departmentId();
        int year = copy.key.fiscalYear();
        templates.lockScope(copy.jurisdiction, year, false); // already held by the caller; taken again for safety
        FilingPin pin = FilingPin.lock(copy.key); // after the copy (held by the caller): the one lock order
        pin.revision++;
        TemplateStore.Resolved template = templates.resolve(dept, year, copy.jurisdiction);
        BudgetSheet sheet = read(copy.sheet);
        Map<String, Scorer.SelfScore> selfScores = new HashMap<>();
        for (SelfScoreRow s : SelfScoreRow.of(dept, year)) {
            selfScores.put(s.code, new Scorer.SelfScore(s.score, s.evidence, s.version));
        }
        Map<String, Scorer.Adjustment> adjustments = new HashMap<>();
        for (ScoreAdjustment a : ScoreAdjustment.of(dept, year)) {
            adjustments.put(a.code, new Scorer.Adjustment(a.score, a.comment, a.version));
        }
        List<GoalOutcome> goals = GoalIndicator.of(dept, year).stream().map(GoalIndicator::outcome).toList();
        Map<Long, List<ProjectScorer.Indicator>> projectIndicators = sheet.projects() == null || sheet.projects().isEmpty()
                ? Map.of() : projectIndicators(dept, year);
        // Scored once per language: the same numbers, the sentences in 中文 (stored, published) and English (stored).
        ScoreCard card = card(template, sheet, selfScores, adjustments, goals, projectIndicators, source, Messages.ZH);
        ScoreCard cardEn = card(template, sheet, selfScores, adjustments, goals, projectIndicators, source, Locale.ENGLISH);

        List<IndicatorResult> computed = computed(card, sheet, source, Messages.ZH);
        Map<String, IndicatorResult> computedZh = new HashMap<>();
        computed.forEach(r -> computedZh.put(r.code(), r));
        Map<String, IndicatorResult> computedEn = new HashMap<>();
        computed(cardEn, sheet, source, Locale.ENGLISH).forEach(r -> computedEn.put(r.code(), r));
        // one read of the year's values, then updates the session flushes as one JDBC batch (was a select per indicator)
        Map<String, IndicatorValue> stored = new HashMap<>();
        for (IndicatorValue v : IndicatorValue.of(dept, year)) {
            stored.put(v.code, v);
        }
        for (IndicatorResult r : computed) {
            IndicatorValue v = stored.getOrDefault(r.code(), new IndicatorValue());
            values.store(v, copy, r, computedEn.get(r.code()));
            stored.put(v.code, v);
        }
        ScoreCardRow row = ScoreCardRow.findById(copy.key);
        if (row == null) {
            row = new ScoreCardRow();
            row.key = copy.key;
        }
        row.templateCode = card.templateCode() == null ? "-" : card.templateCode();
        row.templateId = template.templateId();
        row.templateVersion = template.version();
        row.jurisdiction = copy.jurisdiction;
        row.total = card.total();
        row.grade = card.grade();
        row.card = null; // the card's JSON is the documents' (below), written once per language
        row.cardEn = null;
        row.sourceRevision = copy.revision;
        row.computedAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.persist();
        documents.store(copy, stored.values(), card, computedZh, cardEn, computedEn);

        outbox.publish(EvaluationEvents.INDICATORS_COMPUTED, EvaluationEvents.INDICATORS_COMPUTED_VERSION, dept, year,
                "evaluation-service", EvaluationEvents.IndicatorsComputed.of(copy, card, computed, pin.revision));
        return card;
    }

    private ScoreCard card(TemplateStore.Resolved template, BudgetSheet sheet, Map<String, Scorer.SelfScore> selfScores,
            Map<String, Scorer.Adjustment> adjustments, List<GoalOutcome> goals,
            Map<Long, List<ProjectScorer.Indicator>> projectIndicators, String source, Locale locale) {
        return Scorer.score(template.template().withRushDefaults(
                new Template.RushDefaults(rush.decemberShare(), rush.q4Share(), rush.deductPerPoint())), sheet, selfScores, adjustments, goals,
                source, locale)
                .withTemplate(template.templateId(), template.version(), template.pinned())
                .withProjects(projects(template, sheet, projectIndicators, source, locale));
    }

    /**
     * The informational 基本支出 rate, every indicator the card computed, with their explanations, and the
     * year-end rush shares the card has not (kept for every department-year: the district chart reads them).
     */
    private static List<IndicatorResult> computed(ScoreCard card, BudgetSheet sheet, String source, Locale locale) {
        List<IndicatorResult> computed = new ArrayList<>();
        computed.add(Formulas.compute(Formulas.BASIC_COMPLETION_RATE, sheet, source, locale));
        card.items().stream().filter(i -> i.calculation() != null).forEach(i -> computed.add(i.calculation()));
        for (String code : Formulas.RUSH) {
            if (computed.stream().noneMatch(r -> r.code().equals(code))) {
                computed.add(Formulas.compute(code, sheet, source, locale));
            }
        }
        return computed;
    }

    /** 项目支出绩效自评 of every project in the sheet, with the weights of the template version. */
    private static List<ProjectScorer.ProjectCard> projects(TemplateStore.Resolved template, BudgetSheet sheet,
            Map<Long, List<ProjectScorer.Indicator>> byProject, String source, Locale locale) {
        if (sheet.projects() == null || sheet.projects().isEmpty()) {
            return List.of();
        }
        return sheet.projects().stream().filter(p -> p.id() != null)
                .map(p -> ProjectScorer.score(template.template().projectWeights(), p,
                        byProject.getOrDefault(p.id(), List.of()), source, locale))
                .toList();
    }

    /** The entered indicators of every project of the year, read once for both languages. */
    private static Map<Long, List<ProjectScorer.Indicator>> projectIndicators(String dept, int year) {
        Map<Long, List<ProjectScorer.Indicator>> byProject = new HashMap<>();
        for (ProjectIndicator r : ProjectIndicator.of(dept, year)) {
            byProject.computeIfAbsent(r.projectId, k -> new ArrayList<>()).add(r.toInput());
        }
        return byProject;
    }

    public BudgetSheet read(String sheetJson) {
        try {
            return mapper.readValue(sheetJson, BudgetSheet.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable sheet", e);
        }
    }
}
