package io.jixiao.platform.api;

/**
 * A page of a cursor-paginated list. Every list of the API returns one; the conventions filter adds
 * the RFC 8288 {@code Link: <...>; rel="next"} header from {@link #nextCursor()}.
 */
public interface CursorPage {

    /** Opaque position after the last item of this page; null on the last page. */
    String nextCursor();

    /** Cursor for the Link rel="next" header; null when there is no further page now. */
    default String nextLink() {
        return nextCursor();
    }
}
