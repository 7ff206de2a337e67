package org.reliefclearance.clearance.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.reliefclearance.registry.Provinces;

/** A province of the {@code province} table, by its ISO 3166-2:LA code. */
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Constraint(validatedBy = KnownProvince.Validator.class)
@interface KnownProvince {

    String message() default "is not a province code (ISO 3166-2:LA, e.g. LA-VT, LA-AT)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownProvince, String> {

        private final Provinces provinces;

        Validator(Provinces provinces) {
            this.provinces = provinces;
        }

        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            return code == null || code.isBlank() || provinces.find(code).isPresent();
        }
    }
}
