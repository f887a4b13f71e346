package io.jixiao.platform.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Writes the audit trail in the same transaction as the change, one row per changed field. */
@ApplicationScoped
public class AuditTrail {

    public record Change(String field, Object oldValue, Object newValue) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String entityType, String entityId, Long version, String actor, List<Change> changes) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Change c : changes) {
            String oldText = text(c.oldValue());
            String newText = text(c.newValue());
            if (Objects.equals(oldText, newText)) {
                continue;
            }
            AuditEntry e = new AuditEntry();
            e.occurredAt = now;
            e.actor = actor;
            e.entityType = entityType;
            e.entityId = entityId;
            e.entityVersion = version;
            e.field = c.field();
            e.oldValue = oldText;
            e.newValue = newText;
            e.persist();
        }
    }

    public List<AuditEntry> history(String entityType, String entityId) {
        return AuditEntry.<AuditEntry>find("entityType = ?1 and entityId = ?2 order by occurredAt, id",
                entityType, entityId).list();
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
    }
}
