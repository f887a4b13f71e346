package io.jixiao.platform.inbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Remembers processed event ids, in the same transaction as the consumer's effect. */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;

    public Inbox(EntityManager em) {
        this.em = em;
    }

    /**
     * Records the event as processed. Returns false if it was processed before (a redelivery): the
     * caller then skips its effect. A concurrent duplicate waits on the primary key and sees false.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId, String topic, String type) {
        return em.createNativeQuery("insert into inbox_event (event_id, topic, event_type, processed_at) "
                + "values (?1, ?2, ?3, now()) on conflict (event_id) do nothing")
                .setParameter(1, eventId).setParameter(2, topic).setParameter(3, type)
                .executeUpdate() == 1;
    }
}
