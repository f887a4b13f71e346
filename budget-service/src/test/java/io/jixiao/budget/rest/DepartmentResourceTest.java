package io.jixiao.budget.rest;

import static io.jixiao.budget.rest.BasicExpenditureResourceTest.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.jixiao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.jixiao.testing.Tier2;

@Tier2
@QuarkusTest
class DepartmentResourceTest {

    static final String URL = "/api/v1/departments/" + TestTokens.OTHER_DEPT;

    @Test
    void aDepartmentEditsItsOwnProfileWithVersionAndAudit() {
        int version = as(TestTokens.department(TestTokens.OTHER_DEPT)).get(URL).then().statusCode(200)
                .body("code", equalTo("402001")).extract().path("version");
        as(TestTokens.department(TestTokens.OTHER_DEPT))
                .body("{\"name\":\"长沙市望城区教育局\",\"duties\":[\"统筹教育发展\",\"管理各级学校\"],\"divisions\":[\"办公室\",\"基础教育科\"],\"version\":" + version + "}")
                .put(URL).then().statusCode(200)
                .body("divisions", contains("办公室", "基础教育科"))
                .body("version", equalTo(version + 1));
        // stale version, blank item, another department, the bureau: all refused
        as(TestTokens.department(TestTokens.OTHER_DEPT))
                .body("{\"name\":\"x\",\"duties\":[],\"divisions\":[],\"version\":" + version + "}").put(URL)
                .then().statusCode(409);
        as(TestTokens.department(TestTokens.OTHER_DEPT))
                .body("{\"name\":\"x\",\"duties\":[\" \"],\"divisions\":[],\"version\":" + (version + 1) + "}").put(URL)
                .then().statusCode(400).body("errors[0].field", equalTo("duties[0]"));
        as(TestTokens.department(TestTokens.SAMPLE_DEPT))
                .body("{\"name\":\"x\",\"duties\":[],\"divisions\":[],\"version\":" + (version + 1) + "}").put(URL)
                .then().statusCode(403);
        as(TestTokens.department(TestTokens.SAMPLE_DEPT)).get(URL).then().statusCode(403);
        as(TestTokens.reviewer()).get(URL).then().statusCode(200).body("duties[1]", equalTo("管理各级学校"));
    }
}
