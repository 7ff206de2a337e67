package org.reliefclearance.identity;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/**
 * A portal form whose files exceed the server's upload limits cannot be read, so neither can its
 * CSRF token, and Spring Security would answer a bare 403. The organisation is sent back instead
 * to the page it came from, which names the limits ({@code ?tooLarge}); nothing was read, so
 * nothing was stored. Every other refusal stays a 403.
 */
final class OversizedUploadRedirect implements AccessDeniedHandler {

    static final String FLAG = "tooLarge";
    private static final Pattern CASE_PAGE = Pattern.compile("(/portal/consignments/[^/]+)(/.*)?");

    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!tooLarge(request)) {
            otherwise.handle(request, response, denied);
            return;
        }
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", request.getContextPath() + back(request) + "?" + FLAG);
    }

    /** The page the form was on: the notification form, a case's page, or the list of consignments. */
    static String back(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/portal/notify")) {
            return path;
        }
        Matcher onCase = CASE_PAGE.matcher(path);
        return onCase.matches() ? onCase.group(1) : "/portal";
    }

    /** A multipart body the server refused to read for its size (Tomcat keeps the reason for getParts). */
    static boolean tooLarge(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            return false;
        }
        try {
            request.getParts();
            return false;
        } catch (IllegalStateException | IOException | ServletException unreadable) {
            for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
                if (cause.getClass().getSimpleName().contains("SizeLimitExceeded")
                        || cause.getClass().getSimpleName().contains("MaxUploadSizeExceeded")) {
                    return true;
                }
            }
            return false;
        }
    }
}
