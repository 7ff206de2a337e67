package org.reliefclearance.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.reliefclearance.consignment.ConsignmentStatus;
import org.springframework.context.support.ResourceBundleMessageSource;

class WordsTest {

    private static final Clock VIENTIANE = Clock.fixed(Instant.parse("2026-03-01T01:30:00Z"), ZoneId.of("Asia/Vientiane"));

    private final Vocabulary vocabulary = new Vocabulary(bundles(), VIENTIANE);

    @Test
    void codesReadAsWordsInTheReadersLanguage() {
        Words english = vocabulary.in(Locale.ENGLISH);
        Words lao = vocabulary.in(Locale.forLanguageTag("lo-LA"));

        assertThat(english.status(ConsignmentStatus.AWAITING_DISTRIBUTION_REPORT)).isEqualTo("Awaiting distribution report");
        assertThat(lao.status("AWAITING_DISTRIBUTION_REPORT")).isEqualTo("ລໍຖ້າລາຍງານການແຈກຢາຍ");
        assertThat(lao.lang()).isEqualTo("lo");
        assertThat(english.event("REVIEW_DECIDED")).isEqualTo("Review decided");
        assertThat(lao.step("Task_EndorseRequest", "Endorse request")).isEqualTo("ຮັບຮອງຄຳຮ້ອງຂໍ");
        assertThat(english.step("Task_ReviewByAuthority#multiInstanceBody", "Review by authority"))
                .isEqualTo("Reviews by all authorities");
        assertThat(english.bilingual("heading.byStatus")).isEqualTo("Consignments by status / ສິນຄ້າຕາມສະຖານະ");
    }

    @Test
    void aLanguageTheServiceDoesNotSpeakReadsEnglish() {
        Words french = vocabulary.in(Locale.FRENCH);

        assertThat(french.lang()).isEqualTo("en");
        assertThat(french.exemption("PARTIAL")).isEqualTo("Partial exemption");
        assertThat(Languages.of("lo_LA")).contains(Languages.LAO);
        assertThat(Languages.of("fr")).isEmpty();
    }

    @Test
    void aCodeWithoutWordingReadsAsItselfOrAsTheNameItCameWith() {
        Words english = vocabulary.in(Locale.ENGLISH);

        assertThat(english.event("SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
        assertThat(english.step("Task_NotYetTranslated", "Not yet translated")).isEqualTo("Not yet translated");
        assertThat(english.port("NEW_PORT", "New border crossing")).isEqualTo("New border crossing");
        assertThat(english.status(null)).isEqualTo("-");
    }

    @Test
    void timesInTheServicesZoneAndDurationsInTheReadersUnits() {
        Words english = vocabulary.in(Locale.ENGLISH);
        Words lao = vocabulary.in(Languages.LAO);

        assertThat(english.time(OffsetDateTime.parse("2026-03-01T01:30:00Z"))).isEqualTo("2026-03-01 08:30");
        assertThat(english.now()).isEqualTo("2026-03-01 08:30");
        assertThat(english.zone()).isEqualTo("Asia/Vientiane, UTC+07:00");
        assertThat(english.duration(Duration.ofMinutes(90))).isEqualTo("90 min");
        assertThat(lao.duration(Duration.ofHours(3))).isEqualTo("3.0 ຊົ່ວໂມງ");
        assertThat(lao.duration(Duration.ofDays(4))).isEqualTo("4.0 ມື້");
        assertThat(english.text("reviews.reminders", 1234)).isEqualTo("reminders: 1234");
    }

    /** As Spring Boot sets them up from spring.messages. */
    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
