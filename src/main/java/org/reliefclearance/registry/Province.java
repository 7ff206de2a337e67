package org.reliefclearance.registry;

import java.util.Locale;

/** A first-level division of Lao PDR (Vientiane Capital or a province), by its ISO 3166-2:LA code. */
public record Province(String code, String nameEn, String nameLo) {

    /** Its name in the reader's language: Lao for Lao, English for any other. */
    public String name(Locale locale) {
        return locale != null && "lo".equals(locale.getLanguage()) ? nameLo : nameEn;
    }
}
