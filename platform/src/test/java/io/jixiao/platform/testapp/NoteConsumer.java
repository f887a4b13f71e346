package io.jixiao.platform.testapp;

import java.util.Map;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.jixiao.platform.inbox.InboundEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Consumes the app's own topic through the inbox: each application of an event adds a row to
 * note_applied (no unique key), so a redelivery applied twice would show as two rows.
 */
@ApplicationScoped
public class NoteConsumer {

    public static final String TOPIC = "platform-test.events";

    private final InboundEvents inbound;
    private final Map<String, InboundEvents.Handler> handlers;

    public NoteConsumer(InboundEvents inbound, EntityManager em) {
        this.inbound = inbound;
        this.handlers = Map.of(NoteResource.TYPE, new InboundEvents.Handler(1, e -> em
                .createNativeQuery("insert into note_applied (event_id, note_id) values (?1, ?2)")
                .setParameter(1, e.eventId()).setParameter(2, e.payload().get("noteId").asLong()).executeUpdate()));
        inbound.register(TOPIC, handlers);
    }

    @Incoming("notes")
    @Blocking
    public void consume(String message) {
        inbound.apply(TOPIC, message, handlers);
    }
}
