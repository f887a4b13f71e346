package io.jixiao.bench.bare;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The benchmark's anchor for API reads: what Quarkus REST + Jackson answer per second on this machine
 * when a request costs nothing (no token check, no database). The body is shaped like a small
 * department-year read (基本支出) so serialisation is of the same kind.
 */
@Path("/bare")
public class BareResource {

    public record Figures(String departmentId, int fiscalYear, String budget, String actual, String variance,
            String executionRate, long version) {
    }

    private static final Figures FIGURES = new Figures("d0000000-0000-4000-8000-000000000001", 2020, "6378800.00",
            "6991300.00", "612500.00", "109.60", 1);

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Figures get() {
        return FIGURES;
    }
}
