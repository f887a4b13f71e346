package io.jixiao.report.rest;

import io.jixiao.platform.api.ChangeFeed;
import io.jixiao.platform.api.ChangeFeedResource;
import io.jixiao.platform.security.Caller;
import jakarta.ws.rs.Path;

/**
 * The change feed of filings (FilingSubmitted, FilingReturned, FilingApproved); its example is in
 * META-INF/openapi-examples.yaml.
 */
@Path("/api/v1/filings/changes")
public class FilingChangesResource extends ChangeFeedResource {

    public FilingChangesResource(ChangeFeed feed, Caller caller) {
        super(feed, caller);
    }
}
