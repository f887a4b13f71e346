package io.jixiao.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Signed RS256 access tokens with the claims our Keycloak realm issues (aud jixiao-api,
 * realm_access.roles, department_id, preferred_username), for tier-2 tests. The key pair is made once
 * per build (sharedPair); its public half is handed to quarkus-oidc as the verification key.
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
    /**
     * Signed tokens by their claims, reused while at least half their lifetime is left: the tests make a token
     * per request, and an RS256 signature costs about 13 ms on the test JVMs' C1 compiler (BigInteger has no
     * intrinsics there) against 2 ms with C2.
     */
    private static final Map<String, Signed> SIGNED = new ConcurrentHashMap<>();
    /** Below this lifetime a token is always signed afresh: the expiry tests need its exact exp. */
    private static final long REUSE_MIN_LIFETIME = 300;

    private record Signed(String token, long expiresAt) {
    }

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
                    String[] pair = sharedPair();
                    System.setProperty(PUBLIC_PROP, pair[0]);
                    System.setProperty(PRIVATE_PROP, pair[1]);
                    priv = pair[1];
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

    /**
     * The pair as base64 {public, private}, made once per build: a 2048-bit RSA key takes 1.5-2 s to make on
     * the test JVMs' C1 compiler, and every module's test JVM needs one. It is kept beside the testing
     * module's classes (target/, never committed; a local test key that signs nothing real); a JVM that
     * finds no readable file makes a pair and writes it for the next ones (write, then rename: two modules
     * racing each keep the pair they read or made).
     */
    private static String[] sharedPair() throws Exception {
        Path file = sharedKeyFile();
        if (file != null && Files.isReadable(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            if (lines.size() == 2) {
                return lines.toArray(String[]::new);
            }
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair made = g.generateKeyPair();
        String[] pair = {
                Base64.getEncoder().encodeToString(made.getPublic().getEncoded()),
                Base64.getEncoder().encodeToString(made.getPrivate().getEncoded()) };
        if (file != null) {
            try {
                Files.createDirectories(file.getParent());
                Path tmp = Files.createTempFile(file.getParent(), "test-jwt", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.write(tmp, List.of(pair), StandardCharsets.US_ASCII);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | UnsupportedOperationException e) {
                // the pair still signs and verifies in this JVM; only the next JVMs must make their own
                System.err.println("TestTokens: could not keep the key pair in " + file + " (" + e + ")");
            }
        }
        return pair;
    }

    /** testing/target/test-jwt-key under the repository the build runs in (jixiao.repo.dir, the root pom). */
    private static Path sharedKeyFile() {
        String repo = System.getProperty("jixiao.repo.dir");
        return repo == null || repo.isBlank() ? null : Path.of(repo, "testing", "target", "test-jwt-key");
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

    /**
     * Any token: a wrong audience or a past expiry make the negative cases. The same claims give the same
     * token for as long as it is reused (see SIGNED); a test that needs a token of its own names its own user.
     */
    public static String token(String user, String departmentId, String audience, long expiresInSeconds,
            String... roles) {
        long now = Instant.now().getEpochSecond();
        if (expiresInSeconds < REUSE_MIN_LIFETIME) {
            return mint(now, user, departmentId, audience, expiresInSeconds, roles);
        }
        String key = String.join("\n", user, String.valueOf(departmentId), audience, String.valueOf(expiresInSeconds),
                String.join(",", roles));
        Signed reused = SIGNED.get(key);
        if (reused != null && reused.expiresAt() - now >= expiresInSeconds / 2) {
            return reused.token();
        }
        String token = mint(now, user, departmentId, audience, expiresInSeconds, roles);
        SIGNED.put(key, new Signed(token, now + expiresInSeconds));
        return token;
    }

    private static String mint(long now, String user, String departmentId, String audience, long expiresInSeconds,
            String... roles) {
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
