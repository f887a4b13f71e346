package io.jixiao.report.rest;

import java.util.List;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.jixiao.platform.api.RateLimiter;
import io.jixiao.report.config.ReportConfig;
import io.jixiao.report.service.PublicationService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * The public API's own, stricter bucket of the platform rate limiter, per client address (there is no
 * caller to count by): the connection's, or behind the proxy tier the one it forwards ({@link #clientAddress}).
 */
@ApplicationScoped
public class PublicLimits {

    @Inject
    ReportConfig config;
    @Inject
    RateLimiter limiter;

    @ServerRequestFilter(priority = Priorities.USER - 10)
    public Response rate(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        // on even where the API-wide limit is off (tests, load runs): anyone can call these paths
        if (!(path.equals(PublicationService.PUBLIC_PATH) || path.startsWith(PublicationService.PUBLIC_PATH + "/"))) {
            return null;
        }
        ReportConfig.Publication limits = config.publication();
        String address = clientAddress(http.remoteAddress() == null ? null : http.remoteAddress().hostAddress(),
                request.getHeaderString("X-Forwarded-For"), limits.trustedProxies().orElse(List.of()));
        return Throttle.take(limiter, "public:" + address, limits.burst(), limits.perSecond(), request,
                "publication.rate-limited");
    }

    /**
     * The address to count a request by. Behind the web tier every connection comes from the proxy, so a
     * request from a trusted proxy (loopback, or one of {@code trusted}) is counted by the last
     * X-Forwarded-For entry: the one our proxy appended (deploy/nginx/proxy.conf), which a client cannot
     * forge, unlike the entries before it. Any other peer is counted by its own address.
     */
    static String clientAddress(String peer, String forwardedFor, List<String> trusted) {
        if (peer == null) {
            return "unknown";
        }
        boolean fromProxy = peer.equals("127.0.0.1") || peer.equals("::1") || peer.equals("0:0:0:0:0:0:0:1")
                || trusted.stream().anyMatch(t -> matches(peer, t.strip()));
        if (!fromProxy || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String last = hops[hops.length - 1].strip();
        return last.isEmpty() ? peer : last;
    }

    /** An address equal to {@code trusted}, or inside it when it is an IPv4 range such as 10.0.0.0/8. */
    static boolean matches(String address, String trusted) {
        int slash = trusted.indexOf('/');
        if (slash < 0) {
            return address.equals(trusted);
        }
        long a = ipv4(address);
        long net = ipv4(trusted.substring(0, slash));
        int bits;
        try {
            bits = Integer.parseInt(trusted.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (a < 0 || net < 0 || bits < 0 || bits > 32) {
            return false;
        }
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (a & mask) == (net & mask);
    }

    /** A dotted IPv4 address as a number, or -1. */
    private static long ipv4(String s) {
        String[] parts = s.split("\\.");
        if (parts.length != 4) {
            return -1;
        }
        long out = 0;
        for (String p : parts) {
            try {
                int n = Integer.parseInt(p);
                if (n < 0 || n > 255) {
                    return -1;
                }
                out = (out << 8) | n;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return out;
    }
}
