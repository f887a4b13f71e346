package io.jixiao.evaluation.templates;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jixiao.evaluation.Events;
import io.jixiao.platform.inbox.ParkedEvent;
import io.jixiao.testing.ContractAssert;
import io.jixiao.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.jixiao.testing.Tier2;

/**
 * Templates as versioned data on the real stack: copy, edit (validated, audited, 409 on a stale
 * version), assign, and a submitted filing pinned to the version it was scored with while the template
 * moves on; a return rescores it with the current version.
 */
@Tier2
@QuarkusTest
class TemplateVersioningTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String A = TestTokens.SAMPLE_DEPT;
    static final String B = TestTokens.OTHER_DEPT;
    static final int YEAR = 2030;
    static final String SCOPE = "望城区";

    static ValidatableResponse evaluation(String dept) {
        return given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/evaluations/" + dept + "/" + YEAR).then().statusCode(200);
    }

    static void awaitCard(String dept, Consumer<ValidatableResponse> check) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> check.accept(evaluation(dept)));
    }

    static ObjectNode body(long id) throws Exception {
        String json = given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/templates/" + id).then().statusCode(200)
                .extract().asString();
        return (ObjectNode) JSON.readTree(json).get("body");
    }

    /** The indicator node with this code in a template body. */
    static ObjectNode indicator(JsonNode body, String code) {
        for (JsonNode l1 : body.get("levels")) {
            for (JsonNode l2 : l1.get("children")) {
                for (JsonNode i : l2.get("children")) {
                    if (i.get("code").asText().equals(code)) {
                        return (ObjectNode) i;
                    }
                }
            }
        }
        throw new AssertionError(code);
    }

    static ValidatableResponse put(long id, ObjectNode body, Object version) {
        body.putPOJO("version", version);
        return given().auth().oauth2(TestTokens.reviewer()).contentType(ContentType.JSON).body(body.toString())
                .put("/api/v1/templates/" + id).then();
    }

    @Test
    void aSubmittedScoreKeepsItsTemplateVersionWhileTheTemplateIsEditedAndReassigned() throws Exception {
        Events.publishBudget(A, YEAR, Events.budget(A, YEAR, 1, "6991300.00"));
        Events.publishBudget(B, YEAR, Events.budget(B, YEAR, 1, "6991300.00"));
        int defaultId = given().auth().oauth2(TestTokens.department(A)).get("/api/v1/templates").then().statusCode(200)
                .extract().path("find { it.defaultTemplate }.id");
        awaitCard(A, r -> r.body("revision", equalTo(1)).body("score.templateId", equalTo(defaultId)).body("score.total", equalTo(6.82f)));
        awaitCard(B, r -> r.body("revision", equalTo(1)));

        // only the bureau copies; the copy starts at version 1
        given().auth().oauth2(TestTokens.department(A)).contentType(ContentType.JSON)
                .body("{\"jurisdiction\":\"望城区\",\"fiscalYear\":2030}").post("/api/v1/templates/" + defaultId + "/copies")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.reviewer()).contentType(ContentType.JSON).body("{\"fiscalYear\":2030}")
                .post("/api/v1/templates/" + defaultId + "/copies").then().statusCode(400)
                .body("errors.field", contains("jurisdiction"));
        String copied = given().auth().oauth2(TestTokens.reviewer()).contentType(ContentType.JSON)
                .body("{\"name\":\"望城区 2030 指标体系\",\"jurisdiction\":\"望城区\",\"fiscalYear\":2030}")
                .post("/api/v1/templates/" + defaultId + "/copies").then().statusCode(201)
                .body("template.version", equalTo(1)).body("template.copiedFromId", equalTo(defaultId))
                .extract().asString();
        // the copy with its whole tree (rules with unused parameters null) is the contract's TemplateDetailResponse
        ContractAssert.assertMatches("TemplateDetailResponse", copied);
        int copyId = io.restassured.path.json.JsonPath.from(copied).getInt("template.id");
        // the default itself is read-only
        put(defaultId, body(defaultId), 1).statusCode(409).body("code", equalTo("template.default-read-only"));

        // weights that do not total 100: refused with the field path, nothing stored
        ObjectNode bad = body(copyId);
        indicator(bad, "staff-control-rate").put("points", 4);
        put(copyId, bad, 1).statusCode(400).body("code", equalTo("template.invalid"))
                .body("errors.field", contains("levels[0].points"));
        ((ObjectNode) bad.get("levels").get(0)).put("points", 16);
        put(copyId, bad, 1).statusCode(400).body("errors.field", contains("levels"))
                .body("errors[0].message", equalTo("一级指标分值合计须为 100 分。"));
        given().auth().oauth2(TestTokens.reviewer()).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(bad.toString()).put("/api/v1/templates/" + copyId).then().statusCode(400)
                .body("errors[0].message", equalTo("The first-level points must total 100."));
        // bands out of order
        ObjectNode unordered = body(copyId);
        ArrayNode bands = (ArrayNode) indicator(unordered, "budget-adjustment-rate").get("rule").get("bands");
        ((ObjectNode) bands.get(2)).put("upTo", "5");
        put(copyId, unordered, 1).statusCode(400)
                .body("errors.field", contains("levels[1].children[0].children[1].rule.bands[2].upTo"));
        given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/templates/" + copyId).then()
                .body("template.version", equalTo(1));

        // a valid edit: one point from 在职人员控制率 to 重点支出安排率 → version 2, audited
        ObjectNode v2 = body(copyId);
        indicator(v2, "staff-control-rate").put("points", 2);
        indicator(v2, "key-spending-rate").put("points", 5);
        ContractAssert.assertMatches("TemplateDetailResponse",
                put(copyId, v2, 1).statusCode(200).body("template.version", equalTo(2)).extract().asString());
        put(copyId, v2, 1).statusCode(409).body("code", equalTo("version.conflict"));
        // the copy's creation (no old value) and the edit: the contract's AuditEntryView each
        ContractAssert.assertEachMatches("AuditEntryView", given().auth().oauth2(TestTokens.reviewer())
                .get("/api/v1/templates/" + copyId + "/audit").then()
                .body("find { it.field == 'staff-control-rate.points' }.oldValue", equalTo("3"))
                .body("find { it.field == 'staff-control-rate.points' }.newValue", equalTo("2"))
                .body("find { it.field == 'staff-control-rate.points' }.actor", equalTo("reviewer")).extract().asString());
        // not assigned yet: nobody is scored with it
        evaluation(A).body("score.templateId", equalTo(defaultId));

        // assigned to 望城区 2030: both departments rescored at once with version 2
        given().auth().oauth2(TestTokens.reviewer()).contentType(ContentType.JSON)
                .body("{\"templateId\":" + defaultId + ",\"version\":null}")
                .put("/api/v1/templates/assignments/望城区/2030").then().statusCode(400)
                .body("errors.field", contains("templateId"));
        ContractAssert.assertMatches("TemplateAssignmentResponse", given().auth().oauth2(TestTokens.reviewer())
                .contentType(ContentType.JSON).body("{\"templateId\":" + copyId + ",\"version\":null}")
                .put("/api/v1/templates/assignments/望城区/2030").then().statusCode(200).body("templateVersion", equalTo(2))
                .extract().asString());
        // 重点支出安排率 92.51% × 5 = 4.63 instead of 3.70; 在职人员控制率 still 0
        evaluation(A).body("score.templateId", equalTo(copyId)).body("score.templateVersion", equalTo(2))
                .body("score.items.find { it.code == 'key-spending-rate' }.score", equalTo(4.63f))
                .body("score.total", equalTo(7.75f)).body("score.templatePinned", equalTo(false));
        evaluation(B).body("score.total", equalTo(7.75f));

        // A submits: its card is pinned to version 2
        Events.publishFiling(A, YEAR, Events.filing("FilingSubmitted", 1, A, YEAR, 1));
        awaitCard(A, r -> r.body("score.templatePinned", equalTo(true)).body("score.templateVersion", equalTo(2)));

        // the template is edited again (version 3): B follows, A does not
        ObjectNode v3 = body(copyId);
        indicator(v3, "staff-control-rate").put("points", 1);
        indicator(v3, "key-spending-rate").put("points", 6);
        put(copyId, v3, 2).statusCode(200).body("template.version", equalTo(3));
        evaluation(B).body("score.templateVersion", equalTo(3))
                .body("score.items.find { it.code == 'key-spending-rate' }.score", equalTo(5.55f))
                .body("score.total", equalTo(8.67f));
        evaluation(A).body("score.templateVersion", equalTo(2)).body("score.total", equalTo(7.75f));
        // a budget event for the submitted year (e.g. a profile change) rescores it, still with version 2
        Events.publishBudget(A, YEAR, Events.budget(A, YEAR, 2, "6991300.00"));
        awaitCard(A, r -> r.body("revision", equalTo(2)));
        evaluation(A).body("score.templateVersion", equalTo(2)).body("score.total", equalTo(7.75f));
        // and its department cannot change self-scores of a submitted filing
        given().auth().oauth2(TestTokens.department(A)).contentType(ContentType.JSON)
                .body("{\"tier\":\"GOOD\",\"score\":\"7.20\",\"evidence\":\"调处矛盾纠纷\"}")
                .put("/api/v1/evaluations/" + A + "/" + YEAR + "/self-scores/social-benefit").then().statusCode(409)
                .body("code", equalTo("filing.locked"));

        // a filing event of an unknown schema version is parked and changes nothing
        String future = Events.filing("FilingReturned", 2, A, YEAR, 1);
        Events.publishFiling(A, YEAR, future);
        String futureId = JSON.readTree(future).get("eventId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ParkedEvent.count("eventId = ?1 and topic = 'report.events'", futureId)) == 1);
        evaluation(A).body("score.templatePinned", equalTo(true)).body("score.templateVersion", equalTo(2));

        // returned: unpinned, rescored with the current assignment (version 3)
        Events.publishFiling(A, YEAR, Events.filing("FilingReturned", 1, A, YEAR, 1));
        awaitCard(A, r -> r.body("score.templatePinned", equalTo(false)).body("score.templateVersion", equalTo(3))
                .body("score.total", equalTo(8.67f)));

        // the bureau's views: grade distribution and each department's history
        String grades = given().auth().oauth2(TestTokens.financeApi()).get("/api/v1/evaluations/grades?fiscalYear=2030&jurisdiction=望城区").then()
                .statusCode(200).body("departments", equalTo(2))
                .body("grades.grade", contains("优", "良", "中", "差"))
                .body("grades.find { it.grade == '差' }.count", equalTo(2)).extract().asString();
        ContractAssert.assertMatches("GradeDistribution", grades);
        // every 区县: jurisdiction null
        ContractAssert.assertMatches("GradeDistribution", given().auth().oauth2(TestTokens.reviewer())
                .get("/api/v1/evaluations/grades?fiscalYear=2030").then().statusCode(200)
                .body("jurisdiction", nullValue()).extract().asString());
        given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/evaluations/grades?fiscalYear=2030&jurisdiction=其他区").then()
                .body("departments", equalTo(0));
        given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/evaluations/grades").then().statusCode(400)
                .body("errors.field", contains("fiscalYear"));
        given().auth().oauth2(TestTokens.department(A)).get("/api/v1/evaluations/grades?fiscalYear=2030").then().statusCode(403);
        String history = given().auth().oauth2(TestTokens.department(A)).get("/api/v1/evaluations/" + A + "/history").then().statusCode(200)
                .body("years.find { it.fiscalYear == 2030 }.total", equalTo(8.67f))
                .body("years.find { it.fiscalYear == 2030 }.grade", equalTo("差"))
                .body("years.find { it.fiscalYear == 2030 }.templateVersion", equalTo(3)).extract().asString();
        ContractAssert.assertMatches("EvaluationHistory", history);
        given().auth().oauth2(TestTokens.department(B)).get("/api/v1/evaluations/" + A + "/history").then().statusCode(403);
        given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/evaluations/ranking?fiscalYear=2030&jurisdiction=望城区").then()
                .statusCode(200).body("departmentId", hasItem(A));
        // every version stays readable
        ContractAssert.assertMatches("TemplateDetailResponse", given().auth().oauth2(TestTokens.department(A))
                .get("/api/v1/templates/" + copyId + "?version=2").then()
                .body("template.version", equalTo(3))
                .body("body.levels[0].children[1].children.find { it.code == 'key-spending-rate' }.points", equalTo(5))
                .extract().asString());
        // the versions and the assignments are the contract's, field for field
        ContractAssert.assertEachMatches("TemplateVersionResponse", given().auth().oauth2(TestTokens.reviewer())
                .get("/api/v1/templates/" + copyId + "/versions").then().body("version", contains(1, 2, 3)).extract().asString());
        ContractAssert.assertEachMatches("TemplateAssignmentResponse", given().auth().oauth2(TestTokens.reviewer())
                .get("/api/v1/templates/assignments?fiscalYear=2030").then()
                .body("[0].templateId", equalTo(copyId)).body("[0].jurisdiction", equalTo(SCOPE)).extract().asString());
        // the list: the default (no scope, no origin) and the copy with its assignment
        ContractAssert.assertEachMatches("TemplateSummaryResponse", given().auth().oauth2(TestTokens.reviewer())
                .get("/api/v1/templates?jurisdiction=" + SCOPE + "&fiscalYear=2030").then().statusCode(200)
                .body("find { it.id == " + copyId + " }.assignments[0].fiscalYear", equalTo(2030))
                .body("find { it.defaultTemplate }.copiedFromId", nullValue()).extract().asString());
        given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/templates/999999").then().statusCode(404)
                .body("detail", org.hamcrest.Matchers.containsString("999999"))
                .body("errors", nullValue());

        // the assignment removed: only by the bureau, with the version read; both unsubmitted years go back to the default
        String assignment = "/api/v1/templates/assignments/望城区/2030";
        given().auth().oauth2(TestTokens.department(A)).delete(assignment + "?version=0").then().statusCode(403);
        given().auth().oauth2(TestTokens.reviewer()).delete(assignment + "?version=7").then().statusCode(409)
                .body("code", equalTo("version.conflict"));
        given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/templates/assignments?fiscalYear=2030").then()
                .body("[0].templateId", equalTo(copyId));
        given().auth().oauth2(TestTokens.reviewer()).delete(assignment + "?version=0").then().statusCode(204);
        given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/templates/assignments?fiscalYear=2030").then()
                .statusCode(200).body("size()", equalTo(0));
        for (String dept : new String[] {A, B}) {
            awaitCard(dept, r -> r.body("score.templateId", equalTo(defaultId)).body("score.total", equalTo(6.82f)));
        }
        given().auth().oauth2(TestTokens.reviewer()).delete(assignment + "?version=0").then().statusCode(404);
        // equal totals share a rank
        String ranking = given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/evaluations/ranking?fiscalYear=2030&jurisdiction=望城区")
                .then().statusCode(200).body("rank", contains(1, 1)).body("departmentId", contains(A, B)).extract().asString();
        ContractAssert.assertEachMatches("RankingEntryResponse", ranking);
    }
}
