package io.jixiao.evaluation.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jboss.logging.Logger;

import io.jixiao.evaluation.domain.TemplateAssignment;
import io.jixiao.evaluation.domain.TemplateRow;
import io.jixiao.evaluation.domain.TemplateVersion;
import io.jixiao.evaluation.scoring.Template;
import io.jixiao.evaluation.scoring.TemplateLoader;
import io.jixiao.platform.audit.AuditEntry;
import io.jixiao.platform.audit.AuditTrail;
import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.problem.Versions;
import io.jixiao.platform.security.Caller;
import io.jixiao.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * The bureau's work on templates: copy one for a jurisdiction and fiscal year, edit its weights and
 * rule parameters (validated as a whole, every problem with its field path), assign it. Every edit
 * stores a new immutable version and is audited; an edit of an assigned template, and an assignment,
 * rescore the unsubmitted department-years of that jurisdiction and year in the same transaction.
 * The default template is read-only (it is what the shipped default.json says).
 */
@ApplicationScoped
public class TemplateService {

    private static final Logger LOG = Logger.getLogger(TemplateService.class);

    public record Summary(long id, String name, String code, String jurisdiction, Integer fiscalYear, boolean defaultTemplate,
            int version, Long copiedFromId, Integer copiedFromVersion, OffsetDateTime updatedAt, String updatedBy,
            List<AssignmentResponse> assignments) {
    }

    public record Detail(Summary template, Template body) {
    }

    public record VersionInfo(int version, OffsetDateTime createdAt, String createdBy) {
    }

    public record AssignmentResponse(String jurisdiction, int fiscalYear, long templateId, String templateName,
            int templateVersion, long version, OffsetDateTime updatedAt, String updatedBy) {
    }

    public record CopyInput(String name, String jurisdiction, Integer fiscalYear) {
    }

    /** An edit: the whole tree (weights, rules and their parameters) on the version read. */
    public record EditInput(Integer version, String name, String description, List<Template.Level1> levels,
            Template.ProjectWeights project) {
    }

    private final TemplateStore store;
    private final ScoringService scoring;
    private final AuditTrail audit;

    public TemplateService(TemplateStore store, ScoringService scoring, AuditTrail audit) {
        this.store = store;
        this.scoring = scoring;
        this.audit = audit;
    }

    /** Seeds the default template; a changed default.json becomes its next version and rescores its users. */
    void seed(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (store.refreshDefault()) {
                TemplateRow row = store.defaultRow();
                LOG.infof("default template updated to version %d from templates/default.json", row.currentVersion);
                scoring.rescoreDefaultUsers(row.id, "default template v" + row.currentVersion);
            }
        });
    }

    @Transactional
    public List<Summary> list(String jurisdiction, Integer fiscalYear) {
        store.defaultRow();
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> p = new LinkedHashMap<>();
        if (jurisdiction != null && !jurisdiction.isBlank()) {
            q.append(" and (isDefault = true or jurisdiction = :j)");
            p.put("j", jurisdiction);
        }
        if (fiscalYear != null) {
            q.append(" and (isDefault = true or fiscalYear = :y)");
            p.put("y", fiscalYear);
        }
        q.append(" order by isDefault desc, fiscalYear desc, jurisdiction, id");
        List<TemplateRow> rows = TemplateRow.list(q.toString(), p);
        return rows.stream().map(this::summary).toList();
    }

    @Transactional
    public Detail get(long id, Integer version) {
        TemplateRow row = row(id);
        int v = version == null ? row.currentVersion : version;
        if (v < 1 || v > row.currentVersion) {
            throw ProblemException.notFound("template.version-not-found", String.valueOf(v));
        }
        return new Detail(summary(row), store.load(id, v));
    }

    @Transactional
    public List<VersionInfo> versions(long id) {
        row(id);
        return TemplateVersion.<TemplateVersion>list("key.templateId = ?1 order by key.version", id).stream()
                .map(v -> new VersionInfo(v.key.version(), v.createdAt, v.createdBy)).toList();
    }

    @Transactional
    public List<AuditEntry> audit(long id) {
        row(id);
        List<AuditEntry> out = new ArrayList<>(audit.history("template", String.valueOf(id)));
        return out;
    }

    /** A copy of a template's latest version for one jurisdiction and fiscal year (finance reviewer). */
    @Transactional
    public Detail copy(Caller caller, long sourceId, CopyInput in) {
        reviewerOnly(caller);
        List<FieldError> errors = new ArrayList<>();
        if (in == null || in.jurisdiction() == null || in.jurisdiction().isBlank() || in.jurisdiction().length() > 100) {
            errors.add(new FieldError("jurisdiction", "template.jurisdiction-required"));
        }
        if (in == null || in.fiscalYear() == null || in.fiscalYear() < 2000 || in.fiscalYear() > 2100) {
            errors.add(new FieldError("fiscalYear", "template.fiscal-year-invalid"));
        }
        if (in != null && in.name() != null && in.name().length() > 200) {
            errors.add(new FieldError("name", "template.name-too-long"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "template.invalid", errors, errors.size());
        }
        TemplateRow source = row(sourceId);
        Template body = store.load(source.id, source.currentVersion);
        String name = in.name() == null || in.name().isBlank()
                ? body.name() + "（" + in.jurisdiction().strip() + " " + in.fiscalYear() + "）" : in.name().strip();
        Template copy = new Template(code(name), name, body.description(), body.levels(), body.projectWeights());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        TemplateRow row = new TemplateRow();
        row.name = name;
        row.jurisdiction = in.jurisdiction().strip();
        row.fiscalYear = in.fiscalYear();
        row.currentVersion = 1;
        row.copiedFromId = source.id;
        row.copiedFromVersion = source.currentVersion;
        row.createdAt = now;
        row.createdBy = caller.name();
        row.updatedAt = now;
        row.updatedBy = caller.name();
        row.persist();
        store.addVersion(row, copy, caller.name());
        audit.record("template", String.valueOf(row.id), 1L, caller.name(), List.of(
                new AuditTrail.Change("copiedFrom", null, "#" + source.id + " v" + source.currentVersion),
                new AuditTrail.Change("scope", null, row.jurisdiction + " " + row.fiscalYear)));
        return new Detail(summary(row), copy);
    }

    /**
     * A new version with the edited tree, on the version read (409 otherwise). Invalid trees change
     * nothing. When the template is assigned, that jurisdiction-year is rescored (submitted filings keep
     * their pinned version).
     */
    @Transactional
    public Detail edit(Caller caller, long id, EditInput in) {
        reviewerOnly(caller);
        TemplateRow row = TemplateRow.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw ProblemException.notFound("template.not-found", String.valueOf(id));
        }
        if (row.isDefault) {
            throw ProblemException.conflict("template.default-read-only");
        }
        Versions.check(in.version() == null ? null : in.version().longValue(), (long) row.currentVersion);
        Template before = store.load(row.id, row.currentVersion);
        String name = in.name() == null ? before.name() : in.name().strip();
        Template after = new Template(before.code(), name,
                in.description() == null ? before.description() : in.description(), in.levels(),
                in.project() == null ? before.projectWeights() : in.project());
        List<FieldError> errors = TemplateLoader.validate(after);
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "template.invalid", errors, errors.size());
        }
        List<AuditTrail.Change> changes = diff(before, after);
        if (changes.isEmpty()) {
            return new Detail(summary(row), before); // nothing changed: no new version
        }
        TemplateAssignment assignment = TemplateAssignment.find("templateId", row.id).firstResult();
        if (assignment != null) {
            store.lockScope(assignment.key.jurisdiction(), assignment.key.fiscalYear(), true);
        }
        row.currentVersion++;
        row.name = name;
        row.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.updatedBy = caller.name();
        store.addVersion(row, after, caller.name());
        audit.record("template", String.valueOf(row.id), (long) row.currentVersion, caller.name(), changes);
        if (assignment != null) {
            int n = scoring.rescoreScope(assignment.key.jurisdiction(), assignment.key.fiscalYear(),
                    "template #" + row.id + " v" + row.currentVersion + " by " + caller.name());
            LOG.infof("template %d v%d: %d department-years rescored", row.id, row.currentVersion, n);
        }
        return new Detail(summary(row), after);
    }

    @Transactional
    public List<AssignmentResponse> assignments(Integer fiscalYear) {
        List<TemplateAssignment> list = fiscalYear == null
                ? TemplateAssignment.list("order by key.fiscalYear desc, key.jurisdiction")
                : TemplateAssignment.list("key.fiscalYear = ?1 order by key.jurisdiction", fiscalYear);
        return list.stream().map(TemplateService::view).toList();
    }

    /**
     * Assigns a template to a jurisdiction and year (it must have been copied for them): every
     * unsubmitted department-year there is rescored with its latest version. version: the assignment's
     * version read (null when there is none yet).
     */
    @Transactional
    public AssignmentResponse assign(Caller caller, String jurisdiction, int fiscalYear, Long templateId, Long version) {
        reviewerOnly(caller);
        if (templateId == null) {
            throw new ProblemException(400, "template.invalid", List.of(new FieldError("templateId", "template.id-required")), 1);
        }
        TemplateRow t = row(templateId);
        if (t.isDefault || !Objects.equals(t.jurisdiction, jurisdiction) || !Objects.equals(t.fiscalYear, fiscalYear)) {
            throw new ProblemException(400, "template.invalid",
                    List.of(new FieldError("templateId", "template.assignment-scope")), 1);
        }
        store.lockScope(jurisdiction, fiscalYear, true);
        TemplateAssignment.Key key = new TemplateAssignment.Key(jurisdiction, fiscalYear);
        TemplateAssignment a = TemplateAssignment.findById(key, LockModeType.PESSIMISTIC_WRITE);
        Versions.check(version, a == null ? null : a.version);
        Long old = a == null ? null : a.templateId;
        if (a == null) {
            a = new TemplateAssignment();
            a.key = key;
        }
        a.templateId = t.id;
        a.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        a.updatedBy = caller.name();
        a.persistAndFlush();
        audit.record("template_assignment", jurisdiction + ":" + fiscalYear, a.version, caller.name(),
                List.of(new AuditTrail.Change("templateId", old, t.id)));
        scoring.rescoreScope(jurisdiction, fiscalYear, "assignment of template #" + t.id + " by " + caller.name());
        return view(a);
    }

    /** Removes an assignment: that jurisdiction-year is scored with the default again. */
    @Transactional
    public void unassign(Caller caller, String jurisdiction, int fiscalYear, Long version) {
        reviewerOnly(caller);
        store.lockScope(jurisdiction, fiscalYear, true);
        TemplateAssignment a = TemplateAssignment.findById(new TemplateAssignment.Key(jurisdiction, fiscalYear),
                LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ProblemException.notFound("template.assignment-not-found", jurisdiction, String.valueOf(fiscalYear));
        }
        Versions.check(version, a.version);
        audit.record("template_assignment", jurisdiction + ":" + fiscalYear, a.version + 1, caller.name(),
                List.of(new AuditTrail.Change("templateId", a.templateId, null)));
        a.delete();
        scoring.rescoreScope(jurisdiction, fiscalYear, "assignment removed by " + caller.name());
    }

    /** One audit change per changed field, named by indicator code (points, rule, name) or part. */
    static List<AuditTrail.Change> diff(Template before, Template after) {
        List<AuditTrail.Change> changes = new ArrayList<>();
        changes.add(new AuditTrail.Change("name", before.name(), after.name()));
        changes.add(new AuditTrail.Change("description", before.description(), after.description()));
        Map<String, String> b = flatten(before);
        Map<String, String> a = flatten(after);
        for (Map.Entry<String, String> e : b.entrySet()) {
            if (!Objects.equals(e.getValue(), a.get(e.getKey()))) {
                changes.add(new AuditTrail.Change(e.getKey(), e.getValue(), a.get(e.getKey())));
            }
        }
        for (Map.Entry<String, String> e : a.entrySet()) {
            if (!b.containsKey(e.getKey())) {
                changes.add(new AuditTrail.Change(e.getKey(), null, e.getValue()));
            }
        }
        changes.removeIf(c -> Objects.equals(c.oldValue(), c.newValue()));
        return changes;
    }

    private static Map<String, String> flatten(Template t) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Template.Level1 l1 : t.levels()) {
            m.put("level:" + l1.name() + ".points", plain(l1.points()));
            for (Template.Level2 l2 : l1.children()) {
                for (Template.Indicator i : l2.children()) {
                    m.put(i.code() + ".place", l1.name() + "/" + l2.name());
                    m.put(i.code() + ".name", i.name());
                    m.put(i.code() + ".points", plain(i.points()));
                    m.put(i.code() + ".rule", ruleText(i.rule()));
                }
            }
        }
        Template.ProjectWeights w = t.projectWeights();
        m.put("project", plain(w.budgetExecution()) + "/" + plain(w.output()) + "/" + plain(w.benefit()) + "/"
                + plain(w.satisfaction()));
        return m;
    }

    private static String ruleText(Template.Rule r) {
        StringBuilder s = new StringBuilder(r.kind());
        if (r.target() != null) {
            s.append(" target=").append(plain(r.target()));
        }
        if (r.threshold() != null) {
            s.append(" threshold=").append(plain(r.threshold()));
        }
        if (r.deductPerPoint() != null) {
            s.append(" deductPerPoint=").append(plain(r.deductPerPoint()));
        }
        if (r.bands() != null && !r.bands().isEmpty()) {
            s.append(" bands=").append(String.join(",", r.bands().stream()
                    .map(x -> "≤" + plain(x.upTo()) + ":" + plain(x.share())).toList()));
        }
        return s.toString();
    }

    private static String plain(java.math.BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().toPlainString();
    }

    private static String code(String name) {
        return "copy-" + Integer.toHexString(name.hashCode());
    }

    private Summary summary(TemplateRow row) {
        Template body = store.load(row.id, row.currentVersion);
        List<AssignmentResponse> assigned = TemplateAssignment.<TemplateAssignment>list("templateId", row.id).stream()
                .map(TemplateService::view).toList();
        return new Summary(row.id, row.name, body.code(), row.jurisdiction, row.fiscalYear, row.isDefault,
                row.currentVersion, row.copiedFromId, row.copiedFromVersion, row.updatedAt, row.updatedBy, assigned);
    }

    private static AssignmentResponse view(TemplateAssignment a) {
        TemplateRow t = TemplateRow.findById(a.templateId);
        return new AssignmentResponse(a.key.jurisdiction(), a.key.fiscalYear(), a.templateId, t.name, t.currentVersion,
                a.version, a.updatedAt, a.updatedBy);
    }

    private static TemplateRow row(long id) {
        TemplateRow row = TemplateRow.findById(id);
        if (row == null) {
            throw ProblemException.notFound("template.not-found", String.valueOf(id));
        }
        return row;
    }

    private static void reviewerOnly(Caller caller) {
        if (!caller.hasRole(Roles.FINANCE_REVIEWER)) {
            throw ProblemException.forbidden("template.reviewer-only");
        }
    }
}
