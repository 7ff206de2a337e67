package org.reliefclearance.modelguard;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.valuemapper.CustomValueMapper;
import org.camunda.feel.valuemapper.JavaCustomValueMapper;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.xml.SpinXmlElement;
import org.reliefclearance.enginetuning.ParsedFeelEngine;

/**
 * FEEL as Camunda builds it (feel-scala, external functions disabled), but seeing only plain data,
 * and parsing each expression once ({@link ParsedFeelEngine}).
 * feel-scala wraps any other Java object in its variables in a context whose functions are the
 * object's public methods, so {@code x.getClass()} leads to a class loader, and from there to any
 * class with a public constructor. Evaluating FEEL that reaches such an object fails instead.
 */
final class PlainDataFeel implements FeelEngineFactory {

    /** What feel-scala maps to FEEL values itself (DefaultValueMapper), plus Spin JSON/XML. */
    private static final Set<Class<?>> PLAIN = Set.of(String.class, Boolean.class, Short.class, Integer.class,
            Long.class, Float.class, Double.class, BigDecimal.class, BigInteger.class, Date.class, LocalDate.class,
            LocalTime.class, LocalDateTime.class, ZonedDateTime.class, OffsetDateTime.class, OffsetTime.class,
            Period.class, Duration.class);

    private final DefaultDmnEngineConfiguration dmn;

    PlainDataFeel(DefaultDmnEngineConfiguration dmn) {
        this.dmn = dmn;
    }

    @Override
    public FeelEngine createInstance() {
        List<FeelCustomFunctionProvider> functions = dmn.getFeelCustomFunctionProviders();
        return new Engine(functions == null ? List.of() : functions);
    }

    static boolean isPlainData(Object value) {
        return value == null || PLAIN.contains(value.getClass()) || value instanceof Date || value instanceof List
               || value instanceof Map || value instanceof Enum || value instanceof Val || value instanceof SpinJsonNode
               || value instanceof SpinXmlElement
               || value.getClass().getName().startsWith("camundajar.impl.scala.");
    }

    static final class Engine extends ParsedFeelEngine {

        Engine(List<FeelCustomFunctionProvider> functionProviders) {
            super(functionProviders);
        }

        @Override
        protected camundajar.impl.scala.collection.immutable.List<CustomValueMapper> getValueMappers() {
            return super.getValueMappers().$colon$colon(new PlainDataOnly());
        }
    }

    /** Ahead of every other mapper: anything but plain data stops the evaluation. */
    private static final class PlainDataOnly extends JavaCustomValueMapper {

        @Override
        public Optional<Val> toValue(Object value, Function<Object, Val> innerValueMapper) {
            if (isPlainData(value)) {
                return Optional.empty();
            }
            // an exception, not an error value: feel-scala would read that as null and decide on it
            throw new IllegalArgumentException("FEEL may use only plain data, not a " + value.getClass().getName());
        }

        @Override
        public Optional<Object> unpackValue(Val value, Function<Val, Object> innerValueMapper) {
            return Optional.empty();
        }

        @Override
        public int priority() {
            return 100;
        }
    }
}
