package org.reliefclearance.clearance.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.reliefclearance.consignment.ConsignmentRules;

/**
 * An expected arrival a pre-arrival notification can mean: not long past (goods already at
 * the border may still be notified) and not absurdly far ahead; the window is configured.
 */
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Constraint(validatedBy = PlausibleArrival.Validator.class)
@interface PlausibleArrival {

    String message() default "is not a plausible arrival time";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlausibleArrival, OffsetDateTime> {

        private final ConsignmentRules rules;
        private final Clock clock;

        Validator(ConsignmentRules rules, Clock clock) {
            this.rules = rules;
            this.clock = clock;
        }

        @Override
        public boolean isValid(OffsetDateTime arrival, ConstraintValidatorContext context) {
            if (arrival == null) {
                return true;
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            OffsetDateTime earliest = now.minus(rules.arrivalAtMostAgo());
            OffsetDateTime latest = now.plus(rules.arrivalAtMostAhead());
            if (!arrival.isBefore(earliest) && !arrival.isAfter(latest)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be between " + rules.arrivalAtMostAgo().toDays()
                    + " days ago and " + rules.arrivalAtMostAhead().toDays() + " days ahead").addConstraintViolation();
            return false;
        }
    }
}
