package org.reliefclearance.pages;

import org.reliefclearance.words.Vocabulary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Server-rendered pages (templates under {@code templates/}, the layout {@code layout.html},
 * {@code /css/relief.css}) in English or Lao: {@code ?lang=lo|en} switches and is remembered,
 * otherwise the browser's Accept-Language decides.
 */
@Configuration
class PageConfiguration implements WebMvcConfigurer {

    static final String LANGUAGE_PARAMETER = "lang";

    private final Vocabulary vocabulary;

    PageConfiguration(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The language cookie is Secure like the session cookie (SESSION_COOKIE_SECURE). */
    @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver(@Value("${server.servlet.session.cookie.secure:true}") boolean secureCookie) {
        return new LanguageResolver(secureCookie);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor();
        languageSwitch.setParamName(LANGUAGE_PARAMETER);
        languageSwitch.setIgnoreInvalidLocale(true);
        registry.addInterceptor(languageSwitch);
        registry.addInterceptor(new PageModelInterceptor(vocabulary));
    }
}
