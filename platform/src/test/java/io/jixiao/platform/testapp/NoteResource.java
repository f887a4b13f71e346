package io.jixiao.platform.testapp;

import java.util.List;
import java.util.Map;

import io.jixiao.platform.audit.AuditTrail;
import io.jixiao.platform.outbox.Outbox;
import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A write as every service does one: the row, its audit entry and its event in one transaction. With
 * failAfterPublish the request fails after the event was written, so the whole transaction rolls back.
 */
@Path("/api/v1/notes/{departmentId}/{fiscalYear}")
@Authenticated
public class NoteResource {

    public static final String TYPE = "NoteWritten";

    public record NoteInput(String text, boolean failAfterPublish) {
    }

    private final Caller caller;
    private final Outbox outbox;
    private final AuditTrail audit;

    public NoteResource(Caller caller, Outbox outbox, AuditTrail audit) {
        this.caller = caller;
        this.outbox = outbox;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Map<String, Object> write(@PathParam("departmentId") String departmentId, @PathParam("fiscalYear") int fiscalYear,
            NoteInput input) {
        caller.checkWrite(departmentId);
        Note note = new Note();
        note.departmentId = departmentId;
        note.fiscalYear = fiscalYear;
        note.text = input.text();
        note.persist();
        audit.record("note", String.valueOf(note.id), 0L, caller.name(),
                List.of(new AuditTrail.Change("text", null, input.text())));
        outbox.publish(TYPE, 1, departmentId, fiscalYear, caller.name(), Map.of("noteId", note.id, "text", input.text()));
        if (input.failAfterPublish()) {
            throw new ProblemException(400, "request.invalid", List.of(new FieldError("failAfterPublish", "field.unreadable")));
        }
        return Map.of("id", note.id);
    }
}
