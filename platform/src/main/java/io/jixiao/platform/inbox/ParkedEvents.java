package io.jixiao.platform.inbox;

import java.time.OffsetDateTime;
import java.util.List;

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

    public record ParkedEventResponse(long id, String topic, String eventId, String eventType, Integer schemaVersion, String key,
            String reason, OffsetDateTime parkedAt, int replays) {
    }

    public record ReplayResponse(long id, InboundEvents.Outcome outcome) {
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
