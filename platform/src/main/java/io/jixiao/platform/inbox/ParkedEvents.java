package io.jixiao.platform.inbox;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Parked inbound events, for an admin: list them and replay one through its consumer's handlers. */
@ApplicationScoped
public class ParkedEvents {

    private final InboundEvents inbound;

    public ParkedEvents(InboundEvents inbound) {
        this.inbound = inbound;
    }

    /** The envelope's fields are null when the message could not be read as an event at all. */
    @Schema(name = "ParkedEvent", description = "An incoming event this service could not apply")
    public record ParkedEventResponse(@Schema(example = "7") long id, @Schema(example = "report.events") String topic,
            @Schema(nullable = true, example = "0b7e9c1a-2f3d-4e5a-8b6c-7d8e9f0a1b2c") String eventId,
            @Schema(nullable = true, example = "FilingSubmitted") String eventType,
            @Schema(nullable = true, example = "2") Integer schemaVersion,
            @Schema(nullable = true, example = "d0000000-0000-4000-8000-000000000001:2020") String key,
            String reason, OffsetDateTime parkedAt, @Schema(description = "times replayed so far", example = "0") int replays) {
    }

    @Schema(name = "ParkedReplay", description = "What replaying a parked event did: APPLIED, DUPLICATE (applied before), "
            + "IGNORED or PARKED (again)")
    public record ReplayResponse(@Schema(example = "7") long id, InboundEvents.Outcome outcome) {
    }

    @Transactional
    public List<ParkedEventResponse> list() {
        return ParkedEvent.<ParkedEvent>find("order by id").page(0, 500).list().stream()
                .map(p -> new ParkedEventResponse(p.id, p.topic, p.eventId, p.eventType, p.schemaVersion, p.eventKey, p.reason,
                        p.parkedAt, p.replays))
                .toList();
    }

    /**
     * Applies the parked message again, exactly as the live consumer would (the inbox still drops it if
     * it was applied meanwhile). The old row goes only after the attempt returned: if it is parked again,
     * the new row carries the new reason and the replay count.
     */
    public ReplayResponse replay(long id) {
        ParkedEvent parked = QuarkusTransaction.requiringNew().call(() -> ParkedEvent.<ParkedEvent>findById(id));
        if (parked == null) {
            throw ProblemException.notFound("parked.not-found", id);
        }
        var handlers = inbound.handlers(parked.topic);
        if (handlers == null) {
            throw new ProblemException(409, "parked.no-consumer", parked.topic);
        }
        InboundEvents.Outcome outcome = inbound.apply(parked.topic, parked.message, handlers);
        QuarkusTransaction.requiringNew().run(() -> {
            ParkedEvent.deleteById(id);
            if (outcome == InboundEvents.Outcome.PARKED) {
                ParkedEvent.update("replays = ?1 where id = (select max(p.id) from ParkedEvent p where p.topic = ?2)",
                        parked.replays + 1, parked.topic);
            }
        });
        return new ReplayResponse(id, outcome);
    }
}
