package org.reliefclearance.identity;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Refuses a request under /api that would change data (POST, PUT, PATCH, DELETE) when it carries
 * an {@code Origin} header naming neither the service itself nor an origin listed in
 * relief.api.allowed-origins: a page on another site must not act with a browser's stored
 * credentials. Requests without {@code Origin} (servers, scripts, curl) pass; reads pass.
 *
 * <p>The service's own origin is the scheme, host and port the request was addressed to. Behind
 * a proxy that terminates TLS or renames the host, list the public origin in API_ALLOWED_ORIGINS.
 */
class ApiOriginCheck extends OncePerRequestFilter {

    private static final Set<String> CHANGES_DATA = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final List<String> allowed;
    private final ObjectMapper json;

    ApiOriginCheck(List<String> allowedOrigins, ObjectMapper json) {
        this.allowed = allowedOrigins.stream().map(ApiOriginCheck::normalised).flatMap(Optional::stream).toList();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null || !CHANGES_DATA.contains(request.getMethod().toUpperCase(Locale.ROOT))
                || isAllowed(origin, request)) {
            chain.doFilter(request, response);
            return;
        }
        refuse(request, response);
    }

    private boolean isAllowed(String origin, HttpServletRequest request) {
        Optional<String> given = normalised(origin);
        if (given.isEmpty()) {
            return false;
        }
        String own = normalised(request.getScheme(), request.getServerName(), request.getServerPort());
        return given.get().equals(own) || allowed.contains(given.get());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Origin not allowed");
        problem.put("status", HttpStatus.FORBIDDEN.value());
        problem.put("detail", "Requests that change data are accepted from this service's own pages, from the "
                + "origins in API_ALLOWED_ORIGINS, or without an Origin header (server to server)");
        problem.put("instance", request.getRequestURI());
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** {@code scheme://host:port} in lower case with the port always given; empty if it is no http(s) origin. */
    static Optional<String> normalised(String origin) {
        try {
            URI uri = new URI(origin.strip());
            if (uri.getScheme() == null || uri.getHost() == null
                    || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.empty();
            }
            return Optional.of(normalised(scheme, uri.getHost(), uri.getPort()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String normalised(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        int p = port >= 0 ? port : s.equals("https") ? 443 : 80;
        return s + "://" + host.toLowerCase(Locale.ROOT) + ":" + p;
    }
}
