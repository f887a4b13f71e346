package io.jixiao.evaluation.rest;

import io.jixiao.platform.api.ChangeFeed;
import io.jixiao.platform.api.ChangeFeedResource;
import io.jixiao.platform.security.Caller;
import jakarta.ws.rs.Path;

/** The change feed of scores (IndicatorsComputed). */
@Path("/api/v1/evaluations/changes")
public class EvaluationChangesResource extends ChangeFeedResource {

    public EvaluationChangesResource(ChangeFeed feed, Caller caller) {
        super(feed, caller);
    }
}
