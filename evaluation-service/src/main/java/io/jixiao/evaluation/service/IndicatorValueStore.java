package io.jixiao.evaluation.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.evaluation.domain.BudgetSheetCopy;
import io.jixiao.evaluation.domain.IndicatorValue;
import io.jixiao.evaluation.scoring.IndicatorResult;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes one computed indicator of a department-year with its explanation in both languages. */
@ApplicationScoped
public class IndicatorValueStore {

    private final ObjectMapper mapper;

    public IndicatorValueStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** {@code zh} and {@code en} are the same computation; only their sentences differ. */
    void store(IndicatorValue v, BudgetSheetCopy copy, IndicatorResult zh, IndicatorResult en) {
        v.departmentId = copy.key.departmentId();
        v.fiscalYear = copy.key.fiscalYear();
        v.code = zh.code();
        v.value = zh.value();
        v.unit = zh.unit();
        v.missing = zh.missing();
        v.explanation = json(zh);
        v.explanationEn = json(en);
        v.sourceVersion = copy.revision;
        v.computedAt = OffsetDateTime.now(ZoneOffset.UTC);
        v.persist();
    }

    private String json(IndicatorResult r) {
        try {
            return mapper.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
