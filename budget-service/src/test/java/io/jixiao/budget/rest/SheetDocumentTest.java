package io.jixiao.budget.rest;

import static io.jixiao.budget.rest.BasicExpenditureResourceTest.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.budget.domain.BasicExpenditure;
import io.jixiao.budget.domain.Department;
import io.jixiao.budget.domain.FilingLock;
import io.jixiao.budget.domain.Project;
import io.jixiao.budget.domain.SheetDocument;
import io.jixiao.budget.domain.Staffing;
import io.jixiao.budget.service.BudgetSheetService;
import io.jixiao.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import io.jixiao.testing.Tier2;

/**
 * The year's sheet is read from the document written with each change: the same JSON the live
 * computation gives, an ETag that changes with the data and 304 while it has not, the next year's
 * document refreshed when this year's staffing changes (it shows last year's headcount), and no
 * figure table or 支出明细 touched by a read.
 */
@Tier2
@QuarkusTest
class SheetDocumentTest {

    static final String D = "d0000000-0000-4000-8000-000000000004"; // 2021 to 2023 are written by no other test
    static final int YEAR = 2022;

    @Inject
    BudgetSheetService sheets;
    @Inject
    ObjectMapper mapper;
    @Inject
    EntityManagerFactory emf;
    @Inject
    io.jixiao.platform.api.DocumentCache cache;

    static String base(int year) {
        return "/api/v1/budgets/" + D + "/" + year;
    }

    @Test
    void theStoredSheetIsTheLiveSheetWithItsETag() throws Exception {
        String clerk = TestTokens.department(D);
        as(clerk).body("{\"budget\":\"1000.00\",\"actual\":\"900.00\",\"version\":null}")
                .put(base(YEAR) + "/basic-expenditure").then().statusCode(200);
        Response first = given().auth().oauth2(clerk).get(base(YEAR));
        assertEquals(200, first.statusCode());
        String etag = first.header("ETag");
        assertNotNull(etag);
        assertEquals(mapper.readTree(mapper.writeValueAsString(sheets.load(D, YEAR))), mapper.readTree(first.asString()));

        given().auth().oauth2(clerk).header("If-None-Match", etag).get(base(YEAR)).then().statusCode(304);
        given().auth().oauth2(TestTokens.reviewer()).header("If-None-Match", etag).get(base(YEAR)).then().statusCode(304);
        given().auth().oauth2(TestTokens.department(TestTokens.OTHER_DEPT)).get(base(YEAR)).then().statusCode(403);

        // last year's staffing changes this year's sheet (staffInPostLastYear): the stored one follows
        as(clerk).body("{\"authorizedPosts\":10,\"staffInPost\":9}").put(base(YEAR - 1) + "/staffing").then().statusCode(200);
        as(clerk).body("{\"authorizedPosts\":10,\"staffInPost\":11}").put(base(YEAR) + "/staffing").then().statusCode(200);
        Response withStaff = given().auth().oauth2(clerk).get(base(YEAR));
        assertEquals(9, withStaff.jsonPath().getInt("staffing.staffInPostLastYear"));
        String staffTag = withStaff.header("ETag");
        assertNotEquals(etag, staffTag);
        Integer lastYearVersion = given().auth().oauth2(clerk).get(base(YEAR - 1)).jsonPath().get("staffing.version");
        as(clerk).body("{\"authorizedPosts\":10,\"staffInPost\":8,\"version\":" + lastYearVersion + "}")
                .put(base(YEAR - 1) + "/staffing").then().statusCode(200);
        Response refreshed = given().auth().oauth2(clerk).header("If-None-Match", staffTag).get(base(YEAR));
        assertEquals(200, refreshed.statusCode(), "the next year's stored sheet was not refreshed");
        assertEquals(8, refreshed.jsonPath().getInt("staffing.staffInPostLastYear"));
        assertEquals(mapper.readTree(mapper.writeValueAsString(sheets.load(D, YEAR))), mapper.readTree(refreshed.asString()));

        // a read loads the document once, and nothing else; repeated reads are answered from memory
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        Map<String, Long> before = loads(stats);
        int reads = 20;
        for (int i = 0; i < reads; i++) {
            given().auth().oauth2(clerk).get(base(YEAR)).then().statusCode(200);
        }
        Map<String, Long> after = loads(stats);
        assertTrue(after.get("SheetDocument") - before.get("SheetDocument") <= 1,
                (after.get("SheetDocument") - before.get("SheetDocument")) + " document loads for " + reads + " reads");
        for (String other : new String[] { "FilingLock", "Staffing", "BasicExpenditure", "Project", "Department" }) {
            assertEquals(0L, after.get(other) - before.get(other), other + " rows loaded by " + reads + " reads");
        }
    }

    /**
     * Another instance's commit reaches this one's memory through the database's notification: the
     * row is changed here by plain SQL, past the service, as another replica's transaction would be.
     */
    @Test
    void aDocumentChangedElsewhereIsNotServedFromMemory() {
        String clerk = TestTokens.department(D);
        as(clerk).body("{\"authorizedPosts\":12,\"staffInPost\":12}").put(base(YEAR + 1) + "/staffing").then().statusCode(200);
        String etag = given().auth().oauth2(clerk).get(base(YEAR + 1)).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(clerk).get(base(YEAR + 1)).then().statusCode(200).header("ETag", etag);
        assertTrue(cache.size() > 0, "the sheet is not held in memory, so this test would prove nothing");

        QuarkusTransaction.requiringNew().run(() -> SheetDocument.getEntityManager().createNativeQuery(
                "update sheet_document set body = '{\"changed\":\"elsewhere\"}', etag = '\"elsewhere\"' "
                        + "where department_id = ?1 and fiscal_year = ?2")
                .setParameter(1, D).setParameter(2, YEAR + 1).executeUpdate());

        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        String seen;
        do {
            seen = given().auth().oauth2(clerk).get(base(YEAR + 1)).then().statusCode(200).extract().header("ETag");
        } while (!"\"elsewhere\"".equals(seen) && System.nanoTime() < deadline);
        assertEquals("\"elsewhere\"", seen, "the cached sheet outlived a committed change of its row");
        assertEquals("elsewhere", given().auth().oauth2(clerk).get(base(YEAR + 1)).jsonPath().getString("changed"));
    }

    static Map<String, Long> loads(Statistics stats) {
        Map<String, Long> n = new HashMap<>();
        for (Class<?> c : new Class<?>[] { SheetDocument.class, FilingLock.class, Staffing.class, BasicExpenditure.class,
                Project.class, Department.class }) {
            var e = stats.getEntityStatistics(c.getName());
            n.put(c.getSimpleName(), e.getLoadCount() + e.getFetchCount());
        }
        return n;
    }
}
