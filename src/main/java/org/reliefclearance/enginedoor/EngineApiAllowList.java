package org.reliefclearance.enginedoor;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Refuses, before the engine sees it, an engine REST call the caller's role never needs
 * ({@link EngineApiPaths}), on both doors: {@code /engine-rest} (HTTP Basic, checked by the
 * authentication filter before this one) and {@code /camunda/api/engine} (the webapps' session).
 * Unauthenticated calls pass on, for the engine's own filters to answer 401.
 */
final class EngineApiAllowList extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EngineApiAllowList.class);
    private static final String ENGINE = "engine/";

    private final IdentityService identity;
    private final EngineCallers callers;
    private final ObjectMapper json = new ObjectMapper();

    EngineApiAllowList(IdentityService identity, EngineCallers callers) {
        this.identity = identity;
        this.callers = callers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        EngineCaller caller = caller(request);
        String path = enginePath(request.getPathInfo());
        if (caller != null && !EngineApiPaths.allowed(request.getMethod(), path, caller.roles(),
                caller.administrator())) {
            log.warn("Refused {} {} to {}", request.getMethod(), path, caller.userId());
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            json.writeValue(response.getOutputStream(), Map.of("type", "AuthorizationException",
                    "message", "The user " + caller.userId() + " may not call " + request.getMethod() + " " + path,
                    "userId", caller.userId()));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The Basic-authenticated user of /engine-rest, or the webapp session's user. */
    private EngineCaller caller(HttpServletRequest request) {
        Authentication basic = identity.getCurrentAuthentication();
        if (basic != null && basic.getUserId() != null) {
            return callers.of(basic.getUserId(), basic.getGroupIds());
        }
        HttpSession session = request.getSession(false);
        Authentications webapp = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        if (webapp == null) {
            return null;
        }
        for (UserAuthentication user : webapp.getAuthentications()) {
            return callers.of(user.getIdentityId(), user.getGroupIds() == null ? List.of() : user.getGroupIds());
        }
        return null;
    }

    /** "/engine/default/task/1/complete" and "/task/1/complete" are both "task/1/complete". */
    static String enginePath(String pathInfo) {
        String path = pathInfo == null ? "" : pathInfo.replaceFirst("^/+", "");
        if (path.equals("engine") || path.equals(ENGINE)) {
            return "engine";
        }
        if (path.startsWith(ENGINE)) {
            int afterName = path.indexOf('/', ENGINE.length());
            path = afterName < 0 ? "" : path.substring(afterName + 1);
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
