package org.reliefclearance.words;

import java.time.Clock;
import java.util.Locale;
import java.util.function.BiFunction;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Codes in words: the message bundles {@code i18n/messages*.properties} are the one place where
 * statuses, decisions, event types, steps and labels get their English and Lao wording.
 */
@Component
public class Vocabulary {

    private final MessageSource messages;
    private final Clock clock;

    Vocabulary(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** The words of one language (English for any language the service does not speak). */
    public Words in(Locale locale) {
        return new Words(messages, Languages.closest(locale), clock);
    }

    /** A code in English and Lao, as the bilingual forms show it: "Permit required / ຕ້ອງມີໃບອະນຸຍາດ". */
    public String bilingual(String code, BiFunction<Words, String, String> inWords) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String english = inWords.apply(in(Languages.ENGLISH), code);
        String lao = inWords.apply(in(Languages.LAO), code);
        return english.equals(lao) ? english : english + " / " + lao;
    }
}
