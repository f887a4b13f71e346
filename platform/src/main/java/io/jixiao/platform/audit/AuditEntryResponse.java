package io.jixiao.platform.audit;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One audit entry as every service's audit endpoint answers it: who changed which field when, old and new. */
@Schema(name = "AuditEntryView", description = "Who changed which field when: the old and the new value (null: none)")
public record AuditEntryResponse(OffsetDateTime at, @Schema(example = "reviewer") String actor,
        @Schema(example = "staff-control-rate.points") String field,
        @Schema(nullable = true, description = "null when the field had no value before", example = "3") String oldValue,
        @Schema(nullable = true, description = "null when the value was removed", example = "2") String newValue,
        @Schema(nullable = true, description = "the entity's version after the change, where it has one", example = "2")
        Long version) {

    public static AuditEntryResponse of(AuditEntry e) {
        return new AuditEntryResponse(e.occurredAt, e.actor, e.field, e.oldValue, e.newValue, e.entityVersion);
    }
}
