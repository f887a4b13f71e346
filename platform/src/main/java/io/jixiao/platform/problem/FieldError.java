package io.jixiao.platform.problem;

/** One wrong field: its path in the request (e.g. "budget", "lines[3].amount") and a clerk-readable message. */
public record FieldError(String field, String message) {
}
