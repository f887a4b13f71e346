package io.jixiao.budget.service;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * PostgreSQL's {@code COPY ... TO STDOUT} into a response, leaving its pooled connection usable whichever
 * way the response ends. The driver's cancelCopy() (which its own copyOut(sql, stream) calls when the
 * stream fails) only sends the server a cancel request: the rows already sent stay unread in the connection,
 * and the next statement of whoever borrows it reads them ("No results were returned by the query") or is
 * cancelled by the late request. An export that ends early reads the rest and drops it instead; a
 * department-year holds at most 200,000 lines.
 */
public final class CopyStreams {

    /** COPY takes no parameters: a department id written into its text must be an id and nothing else. */
    public static final Pattern DEPARTMENT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private CopyStreams() {
    }

    /** What takes each row of a COPY, as PostgreSQL sent it (its newline included). */
    @FunctionalInterface
    public interface RowSink {
        void row(byte[] row) throws IOException;
    }

    /** Runs the COPY on {@code c}, handing each row to {@code sink}; returns the rows handed over. */
    public static long copyOut(Connection c, String sql, RowSink sink) throws SQLException, IOException {
        CopyOut copy = c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
        long rows = 0;
        try {
            for (byte[] row = copy.readFromCopy(); row != null; row = copy.readFromCopy()) {
                sink.row(row);
                rows++;
            }
            return rows;
        } finally {
            dropRest(copy);
        }
    }

    /** Reads what is left of a COPY that ended early and drops it, so that its connection is idle again. */
    public static void dropRest(CopyOut copy) throws SQLException {
        while (copy.isActive() && copy.readFromCopy() != null) {
            // dropped
        }
    }
}
