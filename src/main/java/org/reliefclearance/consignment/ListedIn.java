package org.reliefclearance.consignment;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import java.util.function.Function;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;


/** A value from one of the configured lists of {@link ConsignmentRules}. */
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Constraint(validatedBy = ListedIn.Validator.class)
public @interface ListedIn {

    Catalogue value();

    String message() default "is not one of the allowed values";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum Catalogue {
        TRANSPORT_DOCUMENT_TYPES(ConsignmentRules::transportDocumentTypes),
        DOCUMENT_TYPES(ConsignmentRules::documentTypes);

        private final Function<ConsignmentRules, List<String>> values;

        Catalogue(Function<ConsignmentRules, List<String>> values) {
            this.values = values;
        }

        List<String> in(ConsignmentRules rules) {
            return values.apply(rules);
        }
    }

    class Validator implements ConstraintValidator<ListedIn, String> {

        private final ConsignmentRules rules;
        private List<String> allowed;

        Validator(ConsignmentRules rules) {
            this.rules = rules;
        }

        @Override
        public void initialize(ListedIn annotation) {
            allowed = annotation.value().in(rules);
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank() || allowed.contains(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be one of " + String.join(", ", allowed))
                    .addConstraintViolation();
            return false;
        }
    }
}
