package org.reliefclearance.words;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages the service speaks: English (the base bundle) and Lao. */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale LAO = Locale.forLanguageTag("lo");
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, LAO);

    private Languages() {
    }

    /** The supported language a tag names ("lo", "lo-LA", "en-GB"), if any. */
    public static Optional<Locale> of(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    /** The supported language closest to a locale; English for any other. */
    public static Locale closest(Locale locale) {
        return locale == null ? ENGLISH : of(locale.toLanguageTag()).orElse(ENGLISH);
    }
}
