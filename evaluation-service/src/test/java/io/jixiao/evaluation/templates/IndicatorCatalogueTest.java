package io.jixiao.evaluation.templates;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jixiao.testing.ContractAssert;
import io.jixiao.testing.TestTokens;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import io.jixiao.testing.Tier2;

/**
 * The template editor's list of computable indicators: readable by every signed-in role, the rush
 * indicators with the configured defaults, and every listed code the template lacks accepted by the edit
 * with the kind the editor starts it with.
 */
@Tier2
@QuarkusTest
class IndicatorCatalogueTest {

    static final String URL = "/api/v1/templates/indicators";

    @Test
    void everyListedIndicatorCanBeAddedWithTheKindTheEditorStartsWith() throws Exception {
        given().get(URL).then().statusCode(401);
        String catalogue = given().auth().oauth2(TestTokens.department(TestTokens.SAMPLE_DEPT)).get(URL).then().statusCode(200)
                .body("find { it.code == 'december-share' }.kinds[0]", equalTo("rush"))
                .body("find { it.code == 'december-share' }.threshold", equalTo(15))
                .body("find { it.code == 'december-share' }.deductPerPoint", equalTo(0.10f))
                .body("find { it.code == 'q4-share' }.threshold", equalTo(40))
                .body("find { it.code == 'q4-share' }.name", equalTo("第四季度支出占比"))
                .body("find { it.code == 'payment-progress-rate' }.kinds", not(hasItem("rush")))
                .body("find { it.code == 'payment-progress-rate' }.threshold", nullValue())
                .body("find { it.code == 'task-quality-rate' }.source", equalTo("goals"))
                // informational, shown in the report's 二(一), never scored
                .body("code", not(hasItem("basic-completion-rate"))).extract().asString();
        // each one is the contract's KnownIndicatorResponse, field for field (rush defaults and nulls alike)
        ContractAssert.assertEachMatches("KnownIndicatorResponse", catalogue);
        List<Map<String, Object>> listed = given().auth().oauth2(TestTokens.reviewer()).get(URL).then().statusCode(200)
                .extract().path("$");

        int defaultId = given().auth().oauth2(TestTokens.reviewer()).get("/api/v1/templates").then().statusCode(200)
                .extract().path("find { it.defaultTemplate }.id");
        int copyId = given().auth().oauth2(TestTokens.reviewer()).contentType(ContentType.JSON)
                .body("{\"name\":\"指标目录 2044\",\"jurisdiction\":\"望城区\",\"fiscalYear\":2044}")
                .post("/api/v1/templates/" + defaultId + "/copies").then().statusCode(201).extract().path("template.id");
        ObjectNode body = TemplateVersioningTest.body(copyId);
        Set<String> inTemplate = new HashSet<>();
        body.get("levels").forEach(l1 -> l1.get("children").forEach(l2 -> l2.get("children")
                .forEach(i -> inTemplate.add(i.get("code").asText()))));
        List<String> missing = new ArrayList<>();
        listed.forEach(k -> {
            if (!inTemplate.contains((String) k.get("code"))) {
                missing.add((String) k.get("code"));
            }
        });
        assertFalse(missing.isEmpty(), "the shipped template lacks at least the rush indicators");

        // each one in the place of 支付进度率 (same points), as the editor sends it: the names listed, the
        // first kind, no parameters (a rush rule then scores with the configured defaults)
        int version = 1;
        for (String code : missing) {
            Map<String, Object> k = listed.stream().filter(x -> code.equals(x.get("code"))).findFirst().orElseThrow();
            ObjectNode edit = body.deepCopy();
            ObjectNode ind = TemplateVersioningTest.indicator(edit, "payment-progress-rate");
            ind.put("code", code).put("name", (String) k.get("name")).put("nameEn", (String) k.get("nameEn"));
            ((ObjectNode) ind.get("rule")).removeAll().put("kind", ((List<?>) k.get("kinds")).get(0).toString());
            TemplateVersioningTest.put(copyId, edit, version).statusCode(200).body("template.version", equalTo(version + 1));
            version++;
            JsonNode saved = TemplateVersioningTest.indicator(TemplateVersioningTest.body(copyId), code);
            assertEquals(((List<?>) k.get("kinds")).get(0), saved.get("rule").get("kind").asText(), code);
        }
    }
}
