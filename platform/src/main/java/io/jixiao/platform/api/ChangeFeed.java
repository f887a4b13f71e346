package io.jixiao.platform.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.platform.events.EventEnvelope;
import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * "Everything that changed since my last position" for incremental pulls (增量同步). Each event the
 * service publishes is also written here, in the same transaction. A position is (transaction id, row
 * id); reads stop below the oldest transaction still running, so a slow transaction that commits later
 * can never slip in behind a position a client already holds: nothing is missed, nothing repeated.
 */
@ApplicationScoped
public class ChangeFeed {

    public static final int MAX_LIMIT = 500;

    private final EntityManager em;
    private final DataSource dataSource;
    private final ObjectMapper mapper;

    public ChangeFeed(EntityManager em, DataSource dataSource, ObjectMapper mapper) {
        this.em = em;
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    public record Change(String position, UUID eventId, String type, int schemaVersion, String departmentId,
            int fiscalYear, OffsetDateTime occurredAt, String actor, JsonNode payload) {
    }

    /** {@code nextCursor} is where the next pull starts: always set, also on an empty page. */
    public record Page(List<Change> items, String nextCursor, boolean hasMore) implements CursorPage {
        @Override
        public String nextLink() {
            return hasMore ? nextCursor : null;
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(EventEnvelope e) {
        em.createNativeQuery("""
                insert into change_feed (event_id, event_type, schema_version, department_id, fiscal_year,
                                         occurred_at, actor, payload)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, e.eventId())
                .setParameter(2, e.type())
                .setParameter(3, e.schemaVersion())
                .setParameter(4, e.departmentId())
                .setParameter(5, e.fiscalYear())
                .setParameter(6, e.occurredAt())
                .setParameter(7, e.actor())
                .setParameter(8, e.payload().toString())
                .executeUpdate();
    }

    /**
     * One page after {@code cursor} (or from {@code since}, or from the beginning), scoped to the
     * caller's department unless the caller reads all departments.
     */
    public Page read(Caller caller, String cursor, String sinceText, String type, String departmentId,
            Integer fiscalYear, int limit) {
        OffsetDateTime since = parseSince(sinceText);
        Requests.limit(limit, MAX_LIMIT);
        if (cursor != null && since != null) {
            throw new ProblemException(400, "request.invalid", List.of(new FieldError("since", "feed.since-and-cursor")));
        }
        long[] after = decode(cursor);
        String scopeDepartment = caller.readsAllDepartments() ? departmentId : caller.departmentId().orElse("");
        if (!caller.readsAllDepartments() && departmentId != null && !departmentId.equals(scopeDepartment)) {
            throw ProblemException.forbidden("department.forbidden");
        }
        StringBuilder sql = new StringBuilder("""
                select tx_id::text as tx_text, id, event_id, event_type, schema_version, department_id, fiscal_year,
                       occurred_at, actor, payload
                from change_feed
                where tx_id < pg_snapshot_xmin(pg_current_snapshot())
                  and (tx_id, id) > (?::text::xid8, ?)""");
        List<Object> params = new ArrayList<>(List.of(String.valueOf(after[0]), after[1]));
        if (since != null) {
            sql.append(" and occurred_at >= ?");
            params.add(Timestamp.from(since.toInstant()));
        }
        if (type != null) {
            sql.append(" and event_type = ?");
            params.add(type);
        }
        if (scopeDepartment != null) {
            sql.append(" and department_id = ?");
            params.add(scopeDepartment);
        }
        if (fiscalYear != null) {
            sql.append(" and fiscal_year = ?");
            params.add(fiscalYear);
        }
        // Qualified: a bare "tx_id" here would name the text column of the select list (PostgreSQL
        // resolves ORDER BY names against output columns first) and sort "999" after "1000".
        sql.append(" order by change_feed.tx_id, change_feed.id limit ?");
        params.add(limit + 1);
        List<Change> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new Change(encode(Long.parseLong(rs.getString(1)), rs.getLong(2)),
                            rs.getObject(3, UUID.class), rs.getString(4), rs.getInt(5), rs.getString(6), rs.getInt(7),
                            rs.getObject(8, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                            rs.getString(9), mapper.readTree(rs.getString(10))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("change_feed holds a payload that is not JSON", e);
        }
        boolean more = items.size() > limit;
        if (more) {
            items = new ArrayList<>(items.subList(0, limit));
        }
        // An empty page keeps the caller's position: the next pull resumes where it stood.
        String next = items.isEmpty() ? (cursor == null ? encode(after[0], after[1]) : cursor)
                : items.get(items.size() - 1).position();
        return new Page(items, next, more);
    }

    static OffsetDateTime parseSince(String since) {
        return parseSinceParam("since", since);
    }

    /**
     * A point in time given as query parameter {@code name}: ISO 8601 with offset
     * ("2026-11-26T08:00:00+08:00") or a plain date (midnight UTC); null when absent.
     */
    public static OffsetDateTime parseSinceParam(String name, String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return since.length() == 10 ? java.time.LocalDate.parse(since).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(since);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ProblemException(400, "request.invalid", List.of(new FieldError(name, "feed.since")));
        }
    }

    static String encode(long txId, long id) {
        return Cursors.ofNumbers(txId, id);
    }

    /** (transaction id, row id) after which the page starts; (0, 0) from the beginning. */
    static long[] decode(String cursor) {
        long[] position = Cursors.numbers(cursor, 2);
        return position == null ? new long[] {0, 0} : position;
    }
}
