package io.jixiao.platform.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.jixiao.platform.problem.ProblemException;

class CursorsTest {

    @Test
    void aNumericPositionComesBackAndKeepsTheFeedsStoredFormat() {
        String cursor = Cursors.ofNumbers(9, 1234);
        assertArrayEquals(new long[] {9, 1234}, Cursors.numbers(cursor, 2));
        // change-feed clients store positions: the text inside stays "tx.id"
        assertEquals("9.1234", new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
        assertArrayEquals(new long[] {77}, Cursors.numbers(Cursors.ofNumbers(77), 1));
    }

    @Test
    void aTextPositionComesBackWhateverItHolds() {
        String[] position = {"-budget", "1234.50", "名称 with \n, \" and ."};
        assertArrayEquals(position, Cursors.texts(Cursors.ofTexts(position), 3));
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertNull(Cursors.numbers(null, 2));
        assertNull(Cursors.numbers(" ", 2));
        assertNull(Cursors.texts(null, 2));
        assertNull(Cursors.texts("", 2));
    }

    @Test
    void anAlteredOrForeignCursorIsABadRequestOnTheCursorField() {
        String texts = Cursors.ofTexts("a", "b");
        String numbers = Cursors.ofNumbers(1, 2);
        String negative = Base64.getUrlEncoder().withoutPadding().encodeToString("-1.2".getBytes(StandardCharsets.US_ASCII));
        for (Runnable bad : new Runnable[] {
                () -> Cursors.numbers("not base64!", 2),
                () -> Cursors.numbers(texts, 2),
                () -> Cursors.numbers(numbers, 3),
                () -> Cursors.numbers(negative, 2),
                () -> Cursors.texts(numbers, 2),
                () -> Cursors.texts(texts, 3),
                () -> Cursors.texts(Cursors.ofNumbers(5), 1) }) {
            ProblemException e = assertThrows(ProblemException.class, bad::run);
            assertEquals(400, e.status());
            assertEquals("cursor", e.errors().get(0).field());
            assertEquals("page.cursor", e.errors().get(0).message());
        }
    }
}
