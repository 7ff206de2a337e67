package org.reliefclearance.pages;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.reliefclearance.words.Languages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.util.WebUtils;

/**
 * The language of pages and documents: the one chosen with {@code ?lang=lo|en} (kept in a cookie),
 * else the browser's {@code Accept-Language}, else English. Only languages the service speaks are
 * ever resolved or stored; Spring's CookieLocaleResolver keeps its cookie in a shared field,
 * which concurrent requests could mix up, hence this small one.
 */
final class LanguageResolver implements LocaleResolver {

    static final String COOKIE = "relief-lang";
    private static final String CHOSEN = LanguageResolver.class.getName() + ".CHOSEN";
    private static final Duration KEPT_FOR = Duration.ofDays(365);

    private final AcceptHeaderLocaleResolver acceptLanguage = new AcceptHeaderLocaleResolver();
    private final boolean secureCookie;

    LanguageResolver(boolean secureCookie) {
        this.secureCookie = secureCookie;
        acceptLanguage.setSupportedLocales(Languages.SUPPORTED);
        acceptLanguage.setDefaultLocale(Languages.ENGLISH);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
            return chosen;
        }
        return Optional.ofNullable(WebUtils.getCookie(request, COOKIE))
                .flatMap(cookie -> Languages.of(cookie.getValue()))
                .orElseGet(() -> Languages.closest(acceptLanguage.resolveLocale(request)));
    }

    /** Refuses a language the service does not speak (the {@code lang} switch then ignores it). */
    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        if (locale == null) {
            request.removeAttribute(CHOSEN);
            response.addHeader(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO));
            return;
        }
        Locale chosen = Languages.of(locale.toLanguageTag())
                .orElseThrow(() -> new IllegalArgumentException("Not a language of the service: " + locale));
        request.setAttribute(CHOSEN, chosen);
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(chosen.toLanguageTag(), KEPT_FOR));
    }

    private String cookie(String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value).path("/").maxAge(maxAge).httpOnly(true).secure(secureCookie)
                .sameSite("Lax").build().toString();
    }
}
