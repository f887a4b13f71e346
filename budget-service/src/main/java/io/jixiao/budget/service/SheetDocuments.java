package io.jixiao.budget.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.budget.domain.FilingLock;
import io.jixiao.budget.domain.SheetDocument;
import io.jixiao.platform.api.DocumentCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The stored form of each department-year's sheet: written in the transaction of every change (the
 * revision bump, the lock flag, and the next year's sheet when this year's staffing changes, since it
 * shows last year's headcount), read by GET as one primary-key lookup with its ETag.
 */
@ApplicationScoped
public class SheetDocuments {

    private static final String TABLE = "sheet_document";

    private final ObjectMapper mapper;
    private final BudgetSheetService sheets;
    private final DocumentCache cache;

    public SheetDocuments(ObjectMapper mapper, BudgetSheetService sheets, DocumentCache cache) {
        this.mapper = mapper;
        this.sheets = sheets;
        this.cache = cache;
    }

    /**
     * The cache region of a department-year's sheet. Every change of the year's figures rewrites its
     * sheet document, so reads derived from the same figures (基本支出) may be cached in it too.
     */
    public static String region(String departmentId, int fiscalYear) {
        return DocumentCache.region(TABLE, fiscalYear, departmentId);
    }

    /** The sheet as it is now, stored (after a change of the lock flag). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rewrite(String departmentId, int fiscalYear) {
        store(sheets.load(departmentId, fiscalYear));
    }

    /** Null when the year has had no change since documents are kept (the caller computes it then). */
    public DocumentCache.Entry find(String departmentId, int fiscalYear) {
        return cache.get(region(departmentId, fiscalYear), "", () -> {
            SheetDocument d = SheetDocument.findById(new FilingLock.Key(departmentId, fiscalYear));
            return d == null ? null : new DocumentCache.Entry(d.etag, d.body);
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void store(BudgetSheet sheet) {
        FilingLock.Key key = new FilingLock.Key(sheet.departmentId(), sheet.fiscalYear());
        SheetDocument d = SheetDocument.findById(key);
        if (d == null) {
            d = new SheetDocument();
            d.key = key;
        }
        try {
            d.write(mapper.writeValueAsString(sheet), sheet.revision());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sheet " + key + " cannot be serialised", e);
        }
        d.persist();
        cache.invalidateAfterCommit(region(key.departmentId(), key.fiscalYear()));
    }

    /**
     * Rewrites a stored document from the data as it is now (a year whose sheet shows another year's
     * figures); a locked year keeps the sheet it was submitted with.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(String departmentId, int fiscalYear) {
        FilingLock.Key key = new FilingLock.Key(departmentId, fiscalYear);
        FilingLock filing = FilingLock.findById(key);
        if ((filing == null || !filing.locked) && SheetDocument.findById(key) != null) {
            store(sheets.load(departmentId, fiscalYear));
        }
    }
}
