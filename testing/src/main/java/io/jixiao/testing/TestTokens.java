package io.jixiao.testing;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Signed RS256 access tokens with the claims our Keycloak realm issues (aud jixiao-api,
 * realm_access.roles, department_id, preferred_username), for tier-2 tests. The key pair is made once
 * per JVM; its public half is handed to quarkus-oidc as the verification key.
 */
public final class TestTokens {

    public static final String ISSUER = "http://127.0.0.1:8180/realms/jixiao";
    public static final String AUDIENCE = "jixiao-api";
    /** The sample department (中共长沙市望城区委政法委员会) and a second one, as in the demo realm. */
    public static final String SAMPLE_DEPT = "d0000000-0000-4000-8000-000000000001";
    public static final String OTHER_DEPT = "d0000000-0000-4000-8000-000000000002";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUBLIC_PROP = "jixiao.test.jwt.public";
    private static final String PRIVATE_PROP = "jixiao.test.jwt.private";
    private static KeyPair keys;

    private TestTokens() {
    }

    /**
     * The key pair lives in system properties: Quarkus starts test resources and runs test classes in
     * different class loaders, and both must sign and verify with the same key.
     */
    private static synchronized KeyPair keys() {
        if (keys == null) {
            try {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                String priv = System.getProperty(PRIVATE_PROP);
                if (priv == null) {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(2048);
                    KeyPair made = g.generateKeyPair();
                    System.setProperty(PUBLIC_PROP, Base64.getEncoder().encodeToString(made.getPublic().getEncoded()));
                    System.setProperty(PRIVATE_PROP, Base64.getEncoder().encodeToString(made.getPrivate().getEncoded()));
                    priv = System.getProperty(PRIVATE_PROP);
                }
                keys = new KeyPair(
                        rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(System.getProperty(PUBLIC_PROP)))),
                        rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(priv))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return keys;
    }

    static String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keys().getPublic().getEncoded());
    }

    public static String department(String departmentId) {
        return token("clerk-" + departmentId.substring(departmentId.length() - 2), departmentId, AUDIENCE, 600,
                "department");
    }

    public static String reviewer() {
        return token("reviewer", null, AUDIENCE, 600, "finance-reviewer");
    }

    public static String financeApi() {
        return token("service-account-finance-api", null, AUDIENCE, 600, "finance-api");
    }

    public static String admin() {
        return token("admin", null, AUDIENCE, 600, "admin", "finance-reviewer");
    }

    /** Any token: a wrong audience or a past expiry make the negative cases. */
    public static String token(String user, String departmentId, String audience, long expiresInSeconds,
            String... roles) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", "test-" + user);
        claims.put("aud", audience);
        claims.put("iat", now);
        claims.put("exp", now + expiresInSeconds);
        claims.put("typ", "Bearer");
        claims.put("preferred_username", user);
        claims.put("realm_access", Map.of("roles", List.of(roles)));
        if (departmentId != null) {
            claims.put("department_id", departmentId);
        }
        return sign(Map.of("alg", "RS256", "typ", "JWT", "kid", "test"), claims);
    }

    private static String sign(Map<String, Object> header, Map<String, Object> claims) {
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String signingInput = b64.encodeToString(JSON.writeValueAsBytes(header)) + "."
                    + b64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys().getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64.encodeToString(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
