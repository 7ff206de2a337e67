package org.reliefclearance.identity;

import java.io.IOException;

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
 * to the page the form was on ({@link UploadReturnPage}, which the portal knows), and that page
 * names the limits ({@code ?tooLarge}); nothing was read, so nothing was stored. Every other
 * refusal stays a 403.
 */
final class OversizedUploadRedirect implements AccessDeniedHandler {

    static final String FLAG = "tooLarge";

    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();
    private final UploadReturnPage pages;

    OversizedUploadRedirect(UploadReturnPage pages) {
        this.pages = pages;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!tooLarge(request)) {
            otherwise.handle(request, response, denied);
            return;
        }
        response.setStatus(HttpStatus.SEE_OTHER.value());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("Location", request.getContextPath() + pages.pageOf(path) + "?" + FLAG);
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
