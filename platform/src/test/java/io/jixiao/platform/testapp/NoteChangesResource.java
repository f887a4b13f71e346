package io.jixiao.platform.testapp;

import io.jixiao.platform.api.ChangeFeed;
import io.jixiao.platform.api.ChangeFeedResource;
import io.jixiao.platform.security.Caller;
import jakarta.ws.rs.Path;

/** The platform's change feed, mounted as a service mounts it. */
@Path("/api/v1/notes/changes")
public class NoteChangesResource extends ChangeFeedResource {

    public NoteChangesResource(ChangeFeed feed, Caller caller) {
        super(feed, caller);
    }
}
