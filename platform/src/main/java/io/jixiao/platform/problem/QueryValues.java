package io.jixiao.platform.problem;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;

import org.jboss.resteasy.reactive.RestQuery;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;

/**
 * Which query parameter of the matched resource method holds a value its type cannot take
 * (fiscalYear=abc, limit=1e3). JAX-RS answers such a value with a 404 that wraps the conversion error, without
 * naming the parameter; this finds it again so the caller gets a 400 naming the field.
 */
final class QueryValues {

    private QueryValues() {
    }

    /** The first query parameter whose value does not convert, or null (a path segment, or no method matched). */
    static String unconvertible(ResourceInfo resource, UriInfo uri) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || uri == null) {
            return null;
        }
        var query = uri.getQueryParameters();
        for (Parameter parameter : method.getParameters()) {
            String name = queryName(parameter);
            if (name == null) {
                continue;
            }
            for (String value : query.getOrDefault(name, List.of())) {
                if (!converts(parameter.getType(), value)) {
                    return name;
                }
            }
        }
        return null;
    }

    private static String queryName(Parameter parameter) {
        QueryParam query = parameter.getAnnotation(QueryParam.class);
        if (query != null) {
            return query.value();
        }
        RestQuery rest = parameter.getAnnotation(RestQuery.class);
        if (rest != null) {
            return rest.value().isEmpty() ? parameter.getName() : rest.value();
        }
        return null;
    }

    /**
     * The whole-number types our query parameters take (the message says so); String and Boolean always convert,
     * and a type not listed here is not blamed.
     */
    static boolean converts(Class<?> type, String value) {
        try {
            if (type == Integer.class || type == int.class) {
                Integer.valueOf(value);
            } else if (type == Long.class || type == long.class) {
                Long.valueOf(value);
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
