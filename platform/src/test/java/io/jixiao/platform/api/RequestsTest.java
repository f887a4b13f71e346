package io.jixiao.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.jixiao.platform.problem.ProblemException;

class RequestsTest {

    @Test
    void aDownloadNameHasAnAsciiFallbackAndItsUtf8Name() {
        assertEquals("attachment; filename=\"budget-lines-2020.csv\"; filename*=UTF-8''budget-lines-2020.csv",
                Requests.attachment("budget-lines-2020.csv"));
        // 预算支出导入模板.xlsx: every byte of the Chinese name percent-encoded, a space as %20 (not +)
        assertEquals("attachment; filename=\"_________a.xlsx\"; filename*=UTF-8''%E9%A2%84%E7%AE%97%E6%94%AF%E5%87%BA%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF%20a.xlsx",
                Requests.attachment("预算支出导入模板 a.xlsx"));
        // no quote or semicolon of a name can end the header value early
        assertEquals("attachment; filename=\"a__b.pdf\"; filename*=UTF-8''a%22%3Bb.pdf", Requests.attachment("a\";b.pdf"));
    }

    @Test
    void aMissingYearIsRefusedWithItsField() {
        assertEquals(2020, Requests.requireYear(2020));
        ProblemException e = assertThrows(ProblemException.class, () -> Requests.requireYear(null));
        assertEquals(400, e.status());
        assertEquals("fiscalYear", e.errors().get(0).field());
    }

    @Test
    void aPageSizeOutsideItsListsBoundIsRefusedNamingTheBound() {
        assertEquals(1, Requests.limit(1, 200));
        assertEquals(200, Requests.limit(200, 200));
        for (int bad : new int[] {0, -1, 201}) {
            ProblemException e = assertThrows(ProblemException.class, () -> Requests.limit(bad, 200));
            assertEquals(400, e.status());
            assertEquals("limit", e.errors().get(0).field());
            // the bound travels with the message code, so "1 到 200" is said, not the 500 of another list
            assertEquals("page.limit|200", e.errors().get(0).message());
        }
    }
}
