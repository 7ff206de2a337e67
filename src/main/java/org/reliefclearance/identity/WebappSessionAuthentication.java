package org.reliefclearance.identity;

import java.io.IOException;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * An official signed in to Tasklist or Cockpit reads the case page, the dossier and documents
 * without a second login: a read ({@code GET}/{@code HEAD}) with no credentials of its own is
 * authenticated as the user of the webapps' session. Writes never are, so a session cookie
 * alone cannot change anything through {@code /api} (no cross-site request can act for the
 * official); they answer 403 rather than a Basic challenge, which would open a login prompt over
 * Tasklist.
 */
final class WebappSessionAuthentication extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD");

    private final IdentityService identity;
    private final String engineName;

    WebappSessionAuthentication(IdentityService identity, String engineName) {
        this.identity = identity;
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && SecurityContextHolder.getContext().getAuthentication() == null) {
            String user = webappUser(request.getSession(false));
            if (user != null && !READS.contains(request.getMethod())) {
                refuse(request, response);
                return;
            }
            if (user != null) {
                SecurityContextHolder.getContext()
                        .setAuthentication(CamundaIdentityAuthenticationProvider.authenticated(identity, user));
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"The webapps' session only reads; a change needs the caller's own credentials\","
                + "\"instance\":\"" + request.getRequestURI().replaceAll("[^A-Za-z0-9/._-]", "") + "\"}");
    }

    private String webappUser(HttpSession session) {
        if (session == null) {
            return null;
        }
        Authentications signedIn = AuthenticationUtil.getAuthsFromSession(session);
        return signedIn != null && signedIn.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user
                ? user.getName() : null;
    }
}
