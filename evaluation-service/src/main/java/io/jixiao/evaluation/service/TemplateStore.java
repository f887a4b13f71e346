package io.jixiao.evaluation.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.evaluation.domain.BudgetSheetCopy;
import io.jixiao.evaluation.domain.FilingPin;
import io.jixiao.evaluation.domain.TemplateAssignment;
import io.jixiao.evaluation.domain.TemplateRow;
import io.jixiao.evaluation.domain.TemplateVersion;
import io.jixiao.evaluation.scoring.Template;
import io.jixiao.evaluation.scoring.TemplateLoader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Stored templates and which version scores a department-year: the version pinned by its submitted
 * filing; else the latest version of the template assigned to its jurisdiction and year; else the
 * latest default. Versions are immutable, so parsed ones are cached for good.
 */
@ApplicationScoped
public class TemplateStore {

    /** The template version that scores a department-year; pinned: frozen by its submitted filing. */
    public record Resolved(long templateId, int version, Template template, boolean pinned) {
    }

    /** Advisory-lock class of "template choice of a jurisdiction-year" (objid: hash of the scope). */
    private static final int SCOPE_LOCK = 0x4A58;
    private static final String DEFAULT_SCOPE = "default-template";

    private final ObjectMapper mapper;
    private final EntityManager em;
    private final Map<TemplateVersion.Key, Parsed> cache = new ConcurrentHashMap<>();

    public TemplateStore(ObjectMapper mapper, EntityManager em) {
        this.mapper = mapper;
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Resolved resolve(String departmentId, int fiscalYear, String jurisdiction) {
        FilingPin pin = FilingPin.findById(new BudgetSheetCopy.Key(departmentId, fiscalYear));
        if (pin != null && pin.pinned && pin.templateId != null) {
            return new Resolved(pin.templateId, pin.templateVersion, load(pin.templateId, pin.templateVersion), true);
        }
        return current(jurisdiction, fiscalYear);
    }

    /** What an unsubmitted department-year of this jurisdiction and year is scored with now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Resolved current(String jurisdiction, int fiscalYear) {
        TemplateRow t = null;
        if (jurisdiction != null) {
            TemplateAssignment a = TemplateAssignment.findById(new TemplateAssignment.Key(jurisdiction, fiscalYear));
            if (a != null) {
                t = TemplateRow.findById(a.templateId);
            }
        }
        if (t == null) {
            t = defaultRow();
        }
        return new Resolved(t.id, t.currentVersion, load(t.id, t.currentVersion), false);
    }

    public Template load(long templateId, int version) {
        TemplateVersion row = TemplateVersion.findById(new TemplateVersion.Key(templateId, version));
        if (row == null) {
            throw new IllegalStateException("template " + templateId + " has no version " + version);
        }
        // Keyed by the body too: a version written by a transaction that then rolled back is never served.
        Parsed cached = cache.get(row.key);
        if (cached != null && cached.body().equals(row.body)) {
            return cached.template();
        }
        Template t = parse(row.body);
        cache.put(row.key, new Parsed(row.body, t));
        return t;
    }

    private record Parsed(String body, Template template) {
    }

    /**
     * Holds the template choice of a jurisdiction-year for the rest of the transaction: scoring takes it
     * shared before reading the choice, a template edit or assignment exclusively before rescoring. So a
     * score computed concurrently with an edit is either rescored by the edit or computed after it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockScope(String jurisdiction, int fiscalYear, boolean exclusive) {
        String scope = jurisdiction == null ? "-" : jurisdiction;
        em.createNativeQuery("select 1 from (select " + (exclusive ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared")
                + "(" + SCOPE_LOCK + ", hashtext(?1))) l").setParameter(1, scope + ":" + fiscalYear).getSingleResult();
    }

    /** The default template, seeded from templates/default.json the first time it is needed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TemplateRow defaultRow() {
        TemplateRow row = TemplateRow.find("isDefault = true").firstResult();
        if (row != null) {
            return row;
        }
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(" + SCOPE_LOCK + ", hashtext(?1))) l")
                .setParameter(1, DEFAULT_SCOPE).getSingleResult();
        row = TemplateRow.find("isDefault = true").firstResult();
        if (row != null) {
            return row;
        }
        Template t = TemplateLoader.defaultTemplate(mapper);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        row = new TemplateRow();
        row.name = t.name();
        row.isDefault = true;
        row.currentVersion = 1;
        row.createdAt = now;
        row.updatedAt = now;
        row.createdBy = "evaluation-service";
        row.updatedBy = "evaluation-service";
        row.persist();
        addVersion(row, t, "evaluation-service");
        return row;
    }

    /**
     * After a release changed templates/default.json: store it as the default's next version (earlier
     * versions stay for the scores that used them). Returns true when a new version was stored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean refreshDefault() {
        TemplateRow row = defaultRow();
        Template shipped = TemplateLoader.defaultTemplate(mapper);
        if (json(shipped).equals(json(load(row.id, row.currentVersion)))) {
            return false;
        }
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(" + SCOPE_LOCK + ", hashtext(?1))) l")
                .setParameter(1, DEFAULT_SCOPE).getSingleResult();
        em.refresh(row);
        if (json(shipped).equals(json(load(row.id, row.currentVersion)))) {
            return false;
        }
        row.currentVersion++;
        row.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.updatedBy = "evaluation-service";
        addVersion(row, shipped, "evaluation-service");
        return true;
    }

    /** Stores the row's currentVersion with this tree (never overwritten afterwards). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addVersion(TemplateRow row, Template t, String actor) {
        TemplateVersion v = new TemplateVersion();
        v.key = new TemplateVersion.Key(row.id, row.currentVersion);
        v.body = json(t);
        v.createdAt = row.updatedAt;
        v.createdBy = actor;
        v.persist();
    }

    public String json(Template t) {
        try {
            return mapper.writeValueAsString(t);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Template parse(String body) {
        try {
            return mapper.readValue(body, Template.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored template", e);
        }
    }
}
