package org.reliefclearance.registry;

import java.util.regex.Pattern;

/**
 * A name the service shows officials is plain text: Tasklist forms put names such as
 * {@code {{organisationName}}} into Markdown, so a name may carry no markup (a link, an image, HTML,
 * emphasis), no web address and no line break. One rule for every name written at run time,
 * whoever writes it (an administrator, MoLSW, or anyone applying for recognition).
 */
public final class PlainName {

    public static final String MESSAGE = "must be plain text: one line, no web address and none of < > [ ] * _ ` | \\ { } ~ #";

    private static final Pattern MARKUP = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029<>\\[\\]*_`|\\\\{}~#]|://");

    private PlainName() {
    }

    public static boolean acceptable(String name) {
        return name == null || !MARKUP.matcher(name).find();
    }
}
