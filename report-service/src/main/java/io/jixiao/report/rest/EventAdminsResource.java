package io.jixiao.report.rest;

import io.jixiao.platform.inbox.ParkedEvents;
import io.jixiao.platform.outbox.EventAdminResource;
import io.jixiao.platform.outbox.OutboxDeadLetters;
import io.jixiao.platform.outbox.OutboxRelay;
import jakarta.ws.rs.Path;

/** Dead letters of this service's outbox and its parked inbound events (admin). */
@Path("/api/v1/reports/admin/events")
public class EventAdminsResource extends EventAdminResource {

    public EventAdminsResource(OutboxDeadLetters deadLetters, OutboxRelay relay, ParkedEvents parked) {
        super(deadLetters, relay, parked);
    }
}
