package io.jixiao.platform.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;

/** Request parameters and download headers every service reads or writes the same way. */
public final class Requests {

    private Requests() {
    }

    /** A required fiscalYear query parameter: missing is a 400 problem naming the field, not a default. */
    public static int requireYear(Integer fiscalYear) {
        if (fiscalYear == null) {
            throw new ProblemException(400, "request.invalid", List.of(new FieldError("fiscalYear", "fiscal-year.required")));
        }
        return fiscalYear;
    }

    /**
     * A page size ({@code limit} query parameter) checked against the list's own maximum: outside
     * 1..max is a 400 problem naming the field and the bound, never silently clamped.
     */
    public static int limit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new ProblemException(400, "request.invalid", List.of(new FieldError("limit", "page.limit|" + max)));
        }
        return limit;
    }

    /**
     * Content-Disposition of a download, as RFC 6266 describes it: an ASCII-only filename for old
     * clients, and filename* with the real (often Chinese) name in UTF-8, which current browsers use.
     */
    public static String attachment(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
