package io.jixiao.evaluation.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.jixiao.evaluation.Events;
import io.jixiao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.jixiao.testing.Tier2;

/**
 * The score card speaks the caller's language (Accept-Language): English sentences for "en", Chinese for
 * zh-CN and by default; the numbers are the same. Names stay data (the 中文 name, nameEn beside it).
 */
@Tier2
@QuarkusTest
class ScoreCardLanguageTest {

    static final String A = TestTokens.SAMPLE_DEPT;
    static final int YEAR = 2034;
    static final String URL = "/api/v1/evaluations/" + A + "/" + YEAR;
    static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    static JsonPath read(String language) {
        var request = given().auth().oauth2(TestTokens.department(A));
        if (language != null) {
            request = request.header("Accept-Language", language);
        }
        return request.get(URL).then().statusCode(200).extract().jsonPath();
    }

    /** Every generated sentence of the card and of the indicator list (not names, not the department's evidence). */
    @SuppressWarnings("unchecked")
    static List<String> sentences(JsonPath card) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> item : card.<Map<String, Object>>getList("score.items")) {
            out.add((String) item.get("ruleText"));
            if (!"SELF_SCORED".equals(item.get("status"))) {
                out.add((String) item.get("explanation"));
            }
            Map<String, Object> calc = (Map<String, Object>) item.get("calculation");
            if (calc != null) {
                out.add((String) calc.get("formula"));
                for (Map<String, Object> in : (List<Map<String, Object>>) calc.get("inputs")) {
                    out.add((String) in.get("name"));
                    out.add((String) in.get("source"));
                }
            }
        }
        for (Map<String, Object> v : card.<Map<String, Object>>getList("indicators")) {
            out.add((String) v.get("formula"));
            for (Map<String, Object> in : (List<Map<String, Object>>) v.get("inputs")) {
                out.add((String) in.get("name"));
            }
        }
        for (Map<String, Object> project : card.<Map<String, Object>>getList("score.projects")) {
            for (Map<String, Object> part : (List<Map<String, Object>>) project.get("parts")) {
                out.add((String) part.get("name"));
                out.add((String) part.get("formula"));
                out.add((String) part.get("explanation"));
            }
        }
        return out;
    }

    static List<String> chinese(List<String> texts) {
        return texts.stream().filter(t -> t != null && HAN.matcher(t).find()).toList();
    }

    @Test
    void englishCallersReadEnglishExplanationsAndChineseCallersChinese() {
        Events.publishBudget(A, YEAR, Events.budget(A, YEAR, 1, "6991300.00"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.department(A))
                .get(URL).then().statusCode(200).body("revision", equalTo(1)));

        JsonPath en = read("en");
        List<String> english = sentences(en);
        assertTrue(english.size() > 80, "sentences checked: " + english.size());
        assertEquals(List.of(), chinese(english));
        assertEquals(List.of(), chinese(en.getList("score.missing")), "missing indicators by their English names");
        assertEquals("在职人员控制率", en.getString("score.items.find { it.code == 'staff-control-rate' }.name"));
        assertEquals("Staff control rate", en.getString("score.items.find { it.code == 'staff-control-rate' }.nameEn"));
        assertEquals("110.00% exceeds the ceiling of 100%: each percentage point above deducts 10% of the points; 3.00 points deducted",
                en.getString("score.items.find { it.code == 'staff-control-rate' }.explanation"));
        assertEquals("Not self-scored yet: counts as 0",
                en.getString("score.items.find { it.code == 'social-benefit' }.explanation"));

        JsonPath zh = read("zh-CN");
        assertEquals("110.00% 超过上限 100%，每超 1 个百分点扣 10% 分值，扣 3.00 分",
                zh.getString("score.items.find { it.code == 'staff-control-rate' }.explanation"));
        assertEquals("尚未自评：按 0 分计", zh.getString("score.items.find { it.code == 'social-benefit' }.explanation"));
        assertTrue(chinese(sentences(zh)).size() > 60, "the Chinese card speaks Chinese");
        assertEquals(zh.getString("score.total"), en.getString("score.total"));
        assertEquals(zh.getList("score.items.score"), en.getList("score.items.score"));
        // no Accept-Language: Chinese, the default
        assertEquals(sentences(zh), sentences(read(null)));
        // a language we do not speak falls back to Chinese; English anywhere in the list wins over it
        assertEquals(sentences(zh), sentences(read("fr-FR")));
        assertEquals(english, sentences(read("fr-FR, en;q=0.5")));

        // a write answers in the caller's language too: self-score with English evidence
        String selfScored = given().auth().oauth2(TestTokens.department(A)).header("Accept-Language", "en")
                .contentType(ContentType.JSON).body("{\"tier\":\"GOOD\",\"score\":7.20,\"evidence\":\"Disputes settled: 312\",\"version\":null}")
                .put(URL + "/self-scores/social-benefit").then().statusCode(200).extract().asString();
        JsonPath after = JsonPath.from(selfScored);
        assertEquals(List.of(), chinese(sentences(after)));
        assertEquals("Disputes settled: 312", after.getString("score.items.find { it.code == 'social-benefit' }.explanation"));
        assertEquals("Qualitative: good 80–100%, fair 60–80%, poor 0–60% of the points, with evidence",
                after.getString("score.items.find { it.code == 'social-benefit' }.ruleText"));
    }
}
