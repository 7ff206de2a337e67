package org.reliefclearance.pages;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.reliefclearance.words.Languages;
import org.reliefclearance.words.Vocabulary;
import org.reliefclearance.words.Words;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Gives every server-rendered page what the layout needs: {@code words} in the request's language
 * and the language switch. Only views get them; API responses have no model.
 */
final class PageModelInterceptor implements HandlerInterceptor {

    static final String WORDS = "words";
    static final String LANGUAGES = "languages";

    private final Vocabulary vocabulary;

    PageModelInterceptor(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        if (page == null || !page.hasView() || page.getViewName() != null && page.getViewName().startsWith("redirect:")) {
            return;
        }
        Locale locale = Languages.closest(RequestContextUtils.getLocale(request));
        Words words = vocabulary.in(locale);
        page.getModelMap().putIfAbsent(WORDS, words);
        page.addObject(LANGUAGES, Languages.SUPPORTED.stream()
                .map(l -> new LanguageLink(l.toLanguageTag(), words.text("language." + l.toLanguageTag()),
                        sameQueryIn(request, l), l.equals(locale)))
                .toList());
    }

    /**
     * This page's query with another {@code lang}: relative, so the page names no host. A page answering
     * a form (POST) keeps none of the form's fields: they (and its CSRF token) never go into a link.
     */
    private static String sameQueryIn(HttpServletRequest request, Locale language) {
        UriComponentsBuilder query = UriComponentsBuilder.newInstance();
        Map<String, String[]> parameters = "GET".equals(request.getMethod()) ? request.getParameterMap() : Map.of();
        parameters.forEach((name, values) -> {
            if (!PageConfiguration.LANGUAGE_PARAMETER.equals(name)) {
                query.queryParam(name, (Object[]) values);
            }
        });
        query.queryParam(PageConfiguration.LANGUAGE_PARAMETER, language.toLanguageTag());
        return query.encode().build().toUriString();
    }
}
