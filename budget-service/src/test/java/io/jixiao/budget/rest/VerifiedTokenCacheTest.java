package io.jixiao.budget.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.jixiao.platform.security.CachingTokenIdentityProvider;
import io.jixiao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.jixiao.testing.Tier2;

/**
 * A token is verified once and its identity remembered until it expires (the read path's profile): the
 * remembered identity must never serve another token, a forged one, or one past its expiry.
 */
@Tier2
@QuarkusTest
class VerifiedTokenCacheTest {

    static final String D = TestTokens.SAMPLE_DEPT;
    static final String SHEET = "/api/v1/budgets/" + D + "/2019";

    @Inject
    CachingTokenIdentityProvider provider;

    @Test
    void aSecondRequestWithTheSameTokenIsServedFromTheVerifiedIdentityWithTheSameRights() {
        // a token no other test made (the same claims in the same second sign to the same token)
        String own = TestTokens.token("cache-" + System.nanoTime(), D, TestTokens.AUDIENCE, 600, "department");
        int before = provider.size();
        given().auth().oauth2(own).get(SHEET).then().statusCode(anyOf(equalTo(200), equalTo(404)));
        assertEquals(before + 1, provider.size(), "the verified token is remembered");
        given().auth().oauth2(own).get(SHEET).then().statusCode(anyOf(equalTo(200), equalTo(404)));
        assertEquals(before + 1, provider.size(), "the second request found it");
        // another department's token is its own identity, not the remembered one
        given().auth().oauth2(TestTokens.department(TestTokens.OTHER_DEPT)).get(SHEET).then().statusCode(403);
    }

    @Test
    void aForgedTokenIsRefusedEvenWhenTheGenuineOneIsRemembered() {
        String genuine = TestTokens.department(D);
        given().auth().oauth2(genuine).get(SHEET).then().statusCode(anyOf(equalTo(200), equalTo(404)));
        String[] parts = genuine.split("\\.");
        // same signature, payload claiming the reviewer role
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("\"department\"", "\"finance-reviewer\"")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().auth().oauth2(parts[0] + "." + payload + "." + parts[2]).get("/api/v1/budgets").then().statusCode(401);
        // a signature cut short
        given().auth().oauth2(genuine.substring(0, genuine.length() - 2)).get(SHEET).then().statusCode(401);
    }

    @Test
    void aRememberedTokenStopsWorkingWhenItExpires() throws InterruptedException {
        String shortLived = TestTokens.token("clerk-01", D, TestTokens.AUDIENCE, 10, "department");
        given().auth().oauth2(shortLived).get(SHEET).then().statusCode(anyOf(equalTo(200), equalTo(404)));
        long deadline = System.currentTimeMillis() + 40_000;
        int status;
        do {
            Thread.sleep(200); // polls the clock: the token's exp is 10 s from its issue
            status = given().auth().oauth2(shortLived).get(SHEET).then().extract().statusCode();
        } while (status != 401 && System.currentTimeMillis() < deadline);
        assertEquals(401, status, "an expired token is refused although it was verified before");
    }
}
