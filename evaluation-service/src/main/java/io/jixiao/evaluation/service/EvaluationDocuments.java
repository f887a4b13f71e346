package io.jixiao.evaluation.service;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.evaluation.domain.BudgetSheetCopy;
import io.jixiao.evaluation.domain.EvaluationDocument;
import io.jixiao.evaluation.domain.IndicatorValue;
import io.jixiao.evaluation.domain.ScoreCardRow;
import io.jixiao.evaluation.scoring.ScoreCard;
import io.jixiao.platform.api.DocumentCache;
import io.jixiao.platform.problem.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import io.jixiao.evaluation.scoring.IndicatorResult;

/**
 * The evaluation of a department-year as the API shows it, built once per rescoring in both languages
 * and stored (evaluation_document) with the ETag of its body: a read is then one primary-key lookup,
 * and a client holding the current ETag gets 304.
 */
@ApplicationScoped
public class EvaluationDocuments {

    @Schema(name = "Evaluation")
    public record EvaluationResponse(String departmentId, int fiscalYear,
            @Schema(description = "version of the 基本支出 the values were computed from (-1: none entered)") long sourceVersion,
            @Schema(description = "budget-service revision of the department-year scored") long revision,
            List<IndicatorResponse> indicators,
            // described on ScoreCard: a description here would keep "type": "object" beside the anyOf, refusing null
            @Schema(nullable = true) ScoreCard score) {
    }

    @Schema(name = "Indicator", description = "A computed indicator and how it came about")
    public record IndicatorResponse(@Schema(example = "basic-completion-rate") String code,
            @Schema(example = "基本支出预算完成率") String name, @Schema(nullable = true) String nameEn,
            @Schema(example = "109.60", nullable = true) String value, @Schema(example = "%") String unit,
            String formula, List<IndicatorResult.Input> inputs,
            @Schema(description = "true: 数据缺失 (an input is absent), value is null") boolean missing,
            long sourceVersion) {
    }

    private static final String TABLE = "evaluation_document";

    private final ObjectMapper mapper;
    private final DocumentCache cache;

    public EvaluationDocuments(ObjectMapper mapper, DocumentCache cache) {
        this.mapper = mapper;
        this.cache = cache;
    }

    static String lang(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "zh";
    }

    /** The cache region of a department-year's documents (both languages): what a long poll waits on. */
    public static String region(String departmentId, int fiscalYear) {
        return DocumentCache.region(TABLE, fiscalYear, departmentId);
    }

    /** The stored document in the caller's language; null when the year was not scored since documents exist. */
    public DocumentCache.Entry find(String departmentId, int fiscalYear, Locale locale) {
        String lang = lang(locale);
        return cache.get(region(departmentId, fiscalYear), lang, () -> {
            EvaluationDocument d = EvaluationDocument.findById(new EvaluationDocument.Key(departmentId, fiscalYear, lang));
            return d == null ? null : new DocumentCache.Entry(d.etag, d.body);
        });
    }

    /**
     * Writes both languages' documents of a rescoring, in its transaction, from the results it just
     * computed (an indicator the template no longer has keeps its stored explanation).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void store(BudgetSheetCopy copy, Collection<IndicatorValue> values, ScoreCard zh, Map<String, IndicatorResult> resultsZh,
            ScoreCard en, Map<String, IndicatorResult> resultsEn) {
        List<IndicatorValue> sorted = values.stream().sorted(Comparator.comparing(v -> v.code)).toList();
        long sourceVersion = copy.basicVersion == null ? -1 : copy.basicVersion;
        String dept = copy.key.departmentId();
        int year = copy.key.fiscalYear();
        // both languages' rows in one read
        Map<String, EvaluationDocument> existing = new java.util.HashMap<>();
        EvaluationDocument.<EvaluationDocument>list("key.departmentId = ?1 and key.fiscalYear = ?2", dept, year)
                .forEach(d -> existing.put(d.key.lang(), d));
        write(copy, existing, Messages.ZH, new EvaluationResponse(dept, year, sourceVersion, copy.revision,
                sorted.stream().map(v -> view(v, resultsZh.get(v.code), Messages.ZH)).toList(), zh));
        write(copy, existing, Locale.ENGLISH, new EvaluationResponse(dept, year, sourceVersion, copy.revision,
                sorted.stream().map(v -> view(v, resultsEn.get(v.code), Locale.ENGLISH)).toList(), en));
    }

    private void write(BudgetSheetCopy copy, Map<String, EvaluationDocument> existing, Locale locale, EvaluationResponse view) {
        EvaluationDocument.Key key = new EvaluationDocument.Key(copy.key.departmentId(), copy.key.fiscalYear(), lang(locale));
        EvaluationDocument d = existing.get(key.lang());
        if (d == null) {
            d = new EvaluationDocument();
            d.key = key;
        }
        d.write(json(view), copy.revision);
        d.persist();
        cache.invalidateAfterCommit(DocumentCache.region(TABLE, key.fiscalYear(), key.departmentId()));
    }

    /**
     * The evaluation as the last rescoring stored it (this transaction's own, if it rescored) in the locale's
     * language; for a year scored before documents were kept, built from its values and legacy card.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EvaluationResponse stored(BudgetSheetCopy copy, Locale locale) {
        EvaluationDocument d = EvaluationDocument.findById(
                new EvaluationDocument.Key(copy.key.departmentId(), copy.key.fiscalYear(), lang(locale)));
        if (d != null) {
            return parse(d.body, EvaluationResponse.class);
        }
        ScoreCardRow row = ScoreCardRow.findById(copy.key);
        String legacy = row == null ? null : legacyCard(row, locale);
        return view(copy.key.departmentId(), copy.key.fiscalYear(), copy.basicVersion == null ? -1 : copy.basicVersion,
                copy.revision, IndicatorValue.of(copy.key.departmentId(), copy.key.fiscalYear()),
                legacy == null ? null : parse(legacy, ScoreCard.class), locale);
    }

    /** The stored score card in the locale's language (null: not scored). */
    @Transactional(Transactional.TxType.MANDATORY)
    public ScoreCard card(BudgetSheetCopy copy, Locale locale) {
        return stored(copy, locale).score();
    }

    /** A card kept in score_card before V11: English when asked for and kept, else 中文. */
    private static String legacyCard(ScoreCardRow row, Locale locale) {
        return "en".equals(locale.getLanguage()) && row.cardEn != null ? row.cardEn : row.card;
    }

    private <T> T parse(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored " + type.getSimpleName(), e);
        }
    }

    /** The evaluation as the API shows it, from the stored values and card. */
    public EvaluationResponse view(String departmentId, int fiscalYear, long sourceVersion, long revision,
            List<IndicatorValue> values, ScoreCard card, Locale locale) {
        List<IndicatorResponse> indicators = values.stream().map(v -> view(v, locale)).toList();
        return new EvaluationResponse(departmentId, fiscalYear, sourceVersion, revision, indicators, card);
    }

    private IndicatorResponse view(IndicatorValue v, Locale locale) {
        try {
            return view(v, mapper.readValue(v.explanation(locale), IndicatorResult.class), locale);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("unreadable explanation of indicator " + v.code, ex);
        }
    }

    /** The row's value with the explanation's words (parsed from the row when none was just computed). */
    private IndicatorResponse view(IndicatorValue v, IndicatorResult r, Locale locale) {
        if (r == null) {
            return view(v, locale);
        }
        return new IndicatorResponse(v.code, r.name(), r.nameEn(), v.value == null ? null : v.value.toPlainString(),
                v.unit, r.formula(), r.inputs(), v.missing, v.sourceVersion);
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
