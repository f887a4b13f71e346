package io.jixiao.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

/** HTTP calls of the measurements, each with a fresh enough Keycloak token, and the JSON they read. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();

    private Http() {
    }

    static HttpResponse<String> send(Tokens tokens, HttpRequest.Builder b) throws IOException, InterruptedException {
        return send(tokens.get(), b);
    }

    static HttpResponse<String> send(String token, HttpRequest.Builder b) throws IOException, InterruptedException {
        b.timeout(Duration.ofMinutes(2)).header("Accept", "application/json, application/problem+json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            String body = r.body() == null ? "" : r.body();
            throw new IllegalStateException(r.request().method() + " " + r.uri() + ": " + r.statusCode() + " (expected "
                    + status + ") " + body.substring(0, Math.min(400, body.length())));
        }
        return r.body();
    }

    /** Keycloak tokens from the environment, renewed after two minutes (they live five). */
    static final class Tokens {
        private final String url;
        private final String form;
        private String token;
        private long fetchedAt;

        private Tokens(String url, String form) {
            this.url = url;
            this.form = form;
        }

        static Tokens fromEnv() {
            String url = System.getenv("BENCH_TOKEN_URL");
            if (url == null) {
                return new Tokens(null, null);
            }
            String form;
            if (System.getenv("BENCH_CLIENT_SECRET") != null) {
                form = "grant_type=client_credentials&client_id=" + enc(System.getenv("BENCH_CLIENT_ID"))
                        + "&client_secret=" + enc(System.getenv("BENCH_CLIENT_SECRET"));
            } else {
                form = "grant_type=password&client_id=jixiao-cli&scope=openid&username=" + enc(System.getenv("BENCH_USER"))
                        + "&password=" + enc(System.getenv("BENCH_PASSWORD"));
            }
            return new Tokens(url, form);
        }

        static String enc(String s) {
            return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
        }

        String get() throws IOException, InterruptedException {
            if (url == null) {
                return null;
            }
            if (token == null || System.nanoTime() - fetchedAt > TimeUnit.MINUTES.toNanos(2)) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                        HttpResponse.BodyHandlers.ofString());
                token = JSON.readTree(expect(r, 200)).path("access_token").asText();
                fetchedAt = System.nanoTime();
            }
            return token;
        }
    }
}
