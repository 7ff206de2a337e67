package org.reliefclearance.words;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * The wording of one language, for templates ({@code ${words.status(c.status)}}) and code alike.
 * A code without a translation reads as itself rather than failing the page; the bundle test
 * keeps every code the service writes translated.
 */
public final class Words {

    static final String MULTI_INSTANCE = "#multiInstanceBody";
    private static final String NONE = "-";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final MessageSource messages;
    private final Locale locale;
    private final Clock clock;
    private final ZoneId zone;

    Words(MessageSource messages, Locale locale, Clock clock) {
        this.messages = messages;
        this.locale = locale;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    public Locale locale() {
        return locale;
    }

    /** For {@code <html lang>}. */
    public String lang() {
        return locale.toLanguageTag();
    }

    /** A label in this language; numbers among the arguments as written (Latin digits, no grouping). */
    public String text(String key, Object... args) {
        return messages.getMessage(key, plain(args), key, locale);
    }

    /** A heading in English and Lao, as the forms show them: "Consignments by status / ສິນຄ້າຕາມສະຖານະ". */
    public String bilingual(String key, Object... args) {
        String english = messages.getMessage(key, plain(args), key, Languages.ENGLISH);
        String lao = messages.getMessage(key, plain(args), key, Languages.LAO);
        return english.equals(lao) ? english : english + " / " + lao;
    }

    /** A consignment status ({@code ConsignmentStatus}). */
    public String status(Object code) {
        return code("status", code, null);
    }

    /** An authority review's status ({@code ReviewStatus}), also a line's review outcome. */
    public String review(Object code) {
        return code("review", code, null);
    }

    /** A timeline event type. */
    public String event(String code) {
        return code("event", code, null);
    }

    /** An exemption decision: FULL, PARTIAL, NONE. */
    public String exemption(String code) {
        return code("exemption", code, null);
    }

    /** A line's treatment from the goods classification. */
    public String treatment(String code) {
        return code("treatment", code, null);
    }

    /** What goods at the border waited for: a clearance step's {@code waitingFor} property, or OTHER. */
    public String waitedFor(String code) {
        return code("waitingFor", code, null);
    }

    /** A permit's conditions as stored, comma-separated codes of the review form's checklist. */
    public String permitConditions(String codes) {
        if (codes == null || codes.isBlank()) {
            return "";
        }
        return java.util.Arrays.stream(codes.split(",")).map(code -> code("permitCondition", code, null))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public String category(String code) {
        return code("category", code, null);
    }

    public String document(String code) {
        return code("document", code, null);
    }

    public String transport(String code) {
        return code("transport", code, null);
    }

    public String unit(String code) {
        return code("unit", code, null);
    }

    /** A process, by its key. */
    public String process(String key) {
        return code("process", key, null);
    }

    /**
     * A step of a process, by its BPMN element id; the whole of a multi-instance activity
     * ({@code Task_ReviewByAuthority#multiInstanceBody}) is {@code step.Task_ReviewByAuthority.all}.
     * Without a translation, the name the model gives it.
     */
    public String step(String activityId, String modelName) {
        if (activityId != null && activityId.endsWith(MULTI_INSTANCE)) {
            String id = activityId.substring(0, activityId.length() - MULTI_INSTANCE.length());
            return code("step", id + ".all", step(id, modelName));
        }
        return code("step", activityId, modelName);
    }

    /** A port of entry: its name in this language, else the registry's name, else its code. */
    public String port(String code, String registryName) {
        return code("port", code, registryName);
    }

    /** An approving authority: its name in this language, else the registry's name, else its code. */
    public String authority(String code, String registryName) {
        return code("authority", code, registryName);
    }

    /** The time now in the service's zone. */
    public String now() {
        return clock.instant().atZone(zone).format(TIME);
    }

    /** A time in the service's zone. */
    public String time(OffsetDateTime time) {
        return time == null ? NONE : time.atZoneSameInstant(zone).format(TIME);
    }

    /**
     * A deadline as a person reads it: "by Mon 7 Dec, 17:00". Midnight is the end of the day before
     * ("by Mon 7 Dec, end of day"), never "Tue 8 Dec 00:00", which reads as Tuesday.
     */
    public String deadline(OffsetDateTime due) {
        if (due == null) {
            return NONE;
        }
        ZonedDateTime local = due.atZoneSameInstant(zone);
        if (local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return text("deadline.endOfDay", local.minusDays(1).format(DAY.withLocale(locale)));
        }
        return text("deadline.at", local.format(DAY.withLocale(locale)), local.format(CLOCK));
    }

    /** The service's zone with its current offset: "Asia/Vientiane, UTC+07:00". */
    public String zone() {
        return zone.getId() + ", UTC" + zone.getRules().getOffset(clock.instant()).getId().replace("Z", "+00:00");
    }

    /** Durations read by people: minutes under two hours, hours under three days, then days. */
    public String duration(Duration d) {
        if (d == null) {
            return NONE;
        }
        long minutes = d.toMinutes();
        if (minutes < 120) {
            return text("duration.minutes", minutes);
        }
        if (d.toHours() < 72) {
            return text("duration.hours", oneDecimal(d.toMinutes() / 60.0));
        }
        return text("duration.days", oneDecimal(d.toHours() / 24.0));
    }

    /** An amount of money with two decimals. */
    public String money(BigDecimal value) {
        return value == null ? NONE : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A quantity as written, without trailing zeros. */
    public String number(BigDecimal value) {
        return value == null ? NONE : value.stripTrailingZeros().toPlainString();
    }

    /** A file size: bytes under a kilobyte, else kilobytes. */
    public String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : (bytes + 512) / 1024 + " KB";
    }

    private static Object[] plain(Object[] args) {
        return args == null ? null : Arrays.stream(args).map(a -> a instanceof Number n ? n.toString() : a).toArray();
    }

    private static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private String code(String kind, Object code, String fallback) {
        if (code == null || code.toString().isBlank()) {
            return NONE;
        }
        String value = code.toString();
        return messages.getMessage(kind + "." + value, null, fallback == null ? value : fallback, locale);
    }
}
