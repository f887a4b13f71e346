package io.jixiao.budget.rest;

import io.jixiao.platform.api.ChangeFeed;
import io.jixiao.platform.api.ChangeFeedResource;
import io.jixiao.platform.security.Caller;
import jakarta.ws.rs.Path;

/** The change feed of budgets (BudgetFiguresChanged, BasicExpenditureChanged). */
@Path("/api/v1/budgets/changes")
public class BudgetChangesResource extends ChangeFeedResource {

    public BudgetChangesResource(ChangeFeed feed, Caller caller) {
        super(feed, caller);
    }
}
