package org.reliefclearance.pages;

/** One entry of the language switch in the page header. */
public record LanguageLink(String tag, String name, String href, boolean current) {
}
