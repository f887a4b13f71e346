package io.jixiao.k8s.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reading rendered manifests: a multi-document YAML stream, and the `kubectl kustomize` that makes one. */
public final class Manifests {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {
    }

    /** Every non-empty document of a YAML stream. */
    public static List<JsonNode> parse(String yaml) {
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            List<JsonNode> docs = new ArrayList<>();
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * `kubectl kustomize DIR` (offline: kustomize only reads files). kubectl comes from Debian's kubectl
     * package (deploy/local/prereqs.sh); KUBECTL names another binary.
     */
    public static String kustomize(Path dir) {
        return kustomize(Optional.ofNullable(System.getenv("KUBECTL")).orElse("kubectl"), dir);
    }

    static String kustomize(String kubectl, Path dir) {
        // deploy/nginx/ (the shared web tier) lies outside the kustomization folders
        ProcessBuilder pb = new ProcessBuilder(kubectl, "kustomize", "--load-restrictor", "LoadRestrictionsNone",
                dir.toString());
        Path err;
        try {
            err = Files.createTempFile("kustomize", ".err");
            pb.redirectError(err.toFile());
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new IllegalStateException("kubectl not found (" + kubectl + "): the manifests are rendered with "
                        + "`kubectl kustomize`; install Debian's kubectl package (deploy/local/prereqs.sh test)", e);
            }
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + Files.readString(err));
            }
            Files.deleteIfExists(err);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** "Kind/name" of an object, for messages. */
    static String id(JsonNode o) {
        return o.path("kind").asText("?") + "/" + o.path("metadata").path("name").asText("?");
    }
}
