package org.reliefclearance.clearance.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.reliefclearance.consignment.NewConsignment;
import org.springframework.stereotype.Component;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * The rules of {@code POST /api/consignments} for a notification that comes another way (the
 * organisations' portal): the same request, the same validation, each problem under the API's
 * field name ({@code lines[1].hsCode}).
 */
@Component
public class NotificationRules {

    private final Validator validator;

    NotificationRules(Validator validator) {
        this.validator = validator;
    }

    /** @return the problems by field, in a stable order; empty when the API would accept it */
    public Map<String, String> problems(NewConsignment notification) {
        Map<String, String> problems = new LinkedHashMap<>();
        validator.validate(NotificationRequest.of(notification)).stream()
                .sorted(java.util.Comparator.comparing((ConstraintViolation<NotificationRequest> v) ->
                        v.getPropertyPath().toString()))
                .forEach(v -> problems.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        return problems;
    }
}
