package org.reliefclearance.variables;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.reliefclearance.forms.FormValues;

/**
 * A process variable with its name and type, read and written the same way by delegates,
 * controllers and tests. The stored form is what the models and forms see: a choice is stored as
 * its constant's name (a gateway compares {@code exemptionDecision == 'FULL'}, a radio submits
 * "FULL"), a point in time as a {@link Date} (timers read dates), an amount as a number.
 *
 * @param <T> the type the application works with
 */
public final class Variable<T> {

    private final String name;
    private final Class<?> type;
    private final List<String> choices;
    private final Function<Object, T> read;
    private final Function<T, Object> stored;

    private Variable(String name, Class<?> type, List<String> choices, Function<Object, T> read,
                     Function<T, Object> stored) {
        this.name = name;
        this.type = type;
        this.choices = choices;
        this.read = read;
        this.stored = stored;
    }

    public static Variable<String> text(String name) {
        return new Variable<>(name, String.class, List.of(), FormValues::text, v -> v);
    }

    public static Variable<Boolean> flag(String name) {
        return new Variable<>(name, Boolean.class, List.of(),
                v -> v == null ? null : v instanceof Boolean b ? b : Boolean.valueOf(v.toString().trim()), v -> v);
    }

    /** A choice among an enum's constants, stored as the constant's name. */
    public static <E extends Enum<E>> Variable<E> choice(String name, Class<E> type) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        return new Variable<>(name, type, names, v -> {
            String text = FormValues.text(v);
            return text == null ? null : Enum.valueOf(type, text);
        }, v -> v == null ? null : v.name());
    }

    /** A point in time, stored as a Date (what timers and date fields read); text without offset is read in UTC. */
    public static Variable<Instant> instant(String name) {
        return new Variable<>(name, Instant.class, List.of(), v -> FormValues.instant(v, ZoneOffset.UTC),
                v -> v == null ? null : Date.from(v));
    }

    /** A span of time, stored as ISO-8601 text ("PT96H"). */
    public static Variable<Duration> duration(String name) {
        return new Variable<>(name, Duration.class, List.of(), v -> {
            String text = FormValues.text(v);
            return text == null ? null : Duration.parse(text);
        }, v -> v == null ? null : v.toString());
    }

    /** An amount in US dollars, stored as a number (what a form's number field holds). */
    public static Variable<BigDecimal> amount(String name) {
        return new Variable<>(name, BigDecimal.class, List.of(), v -> {
            String text = FormValues.text(v);
            return text == null ? null : new BigDecimal(text);
        }, v -> v == null ? null : v.doubleValue());
    }

    /** Texts, stored as a list (a multi-instance collection, a tag list). */
    public static Variable<List<String>> texts(String name) {
        return new Variable<>(name, List.class, List.of(), v -> v == null ? null : FormValues.texts(v),
                v -> v == null ? null : new ArrayList<>(v));
    }

    /** Whole numbers, e.g. the lines a checklist chose. */
    public static Variable<List<Integer>> integers(String name) {
        return new Variable<>(name, List.class, List.of(), v -> v == null ? null : FormValues.integers(v),
                v -> v == null ? null : new ArrayList<>(v));
    }

    /** A value kept as the engine holds it, e.g. the JSON list of lines a form's table shows. */
    public static Variable<Object> value(String name) {
        return new Variable<>(name, Object.class, List.of(), v -> v, v -> v);
    }

    public String name() {
        return name;
    }

    /** The type the application works with: String, Boolean, an enum, Instant, ... */
    public Class<?> type() {
        return type;
    }

    /** A choice's allowed values as stored; empty for other variables. */
    public List<String> choices() {
        return choices;
    }

    /** The value, or null when the variable is not set. */
    public T get(VariableScope scope) {
        return read.apply(scope.getVariable(name));
    }

    /** The value of a variable the step cannot do without. */
    public T require(VariableScope scope) {
        T value = get(scope);
        if (value == null) {
            throw new IllegalStateException("Process variable " + name + " is not set");
        }
        return value;
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, stored.apply(value));
    }

    /**
     * Takes the value away, so a form does not show it again and {@link #get} reads null. A variable
     * never set stays unwritten: a null kept "just in case" costs a row at runtime and one in history
     * for each case (README, "Performance"). Not for a variable an expression of the model reads.
     */
    public void clear(VariableScope scope) {
        if (scope.hasVariable(name)) {
            scope.removeVariable(name);
        }
    }

    /** Adds the value, as stored, to variables sent with a start, a completion or a message. */
    public Map<String, Object> putIn(Map<String, Object> variables, T value) {
        variables.put(name, stored.apply(value));
        return variables;
    }

    /** The stored form of a value, e.g. for a test's expectation. */
    public Object stored(T value) {
        return stored.apply(value);
    }

    /** A date-time a form submitted, where one without an offset means the time in {@code zone}. */
    public Instant instantIn(VariableScope scope, ZoneId zone) {
        return FormValues.instant(scope.getVariable(name), zone);
    }

    @Override
    public String toString() {
        return name;
    }
}
