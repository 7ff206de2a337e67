package org.reliefclearance.clearance.api;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reliefclearance.clearance.ConsignmentActions;
import org.reliefclearance.consignment.InvalidInputException;
import org.springframework.stereotype.Component;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * The API's rules for the bodies of a case's actions, for actions that come another way (the
 * organisations' portal): the same request records, the same validation, the first problem named
 * by the API's field (every problem, for a form with many fields).
 */
@Component
public class ActionRules {

    private static final Comparator<ConstraintViolation<?>> BY_FIELD =
            Comparator.comparing(v -> v.getPropertyPath().toString());

    private final Validator validator;

    ActionRules(Validator validator) {
        this.validator = validator;
    }

    public void withdrawal(String reason) {
        check(new ActionRequests.Withdrawal(reason));
    }

    public void information(String authority, String response) {
        check(new ActionRequests.Information(authority, response));
    }

    /**
     * A distribution report's problems, every one of them (a form shows each beside its field), by
     * the API's field name ({@code distributedQuantities[2].province}); empty when the API would take it.
     */
    public Map<String, String> distributionReport(String report, List<ConsignmentActions.DistributedQuantity> quantities) {
        Map<String, String> problems = new LinkedHashMap<>();
        validator.validate(new ActionRequests.DistributionReport(report, quantities.stream()
                        .map(q -> new ActionRequests.Quantity(q.lineNo(), q.quantity(), q.province(), q.place()))
                        .toList())).stream()
                .sorted(BY_FIELD)
                .forEach(v -> problems.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        return problems;
    }

    /**
     * An amendment as {@code POST .../amendments} would check it, every problem at once (a form shows
     * each beside its field).
     *
     * @return the problems by the API's field ({@code lines[0].hsCode}), in a stable order; empty when the
     *         API would accept the body
     */
    public Map<String, String> amendment(ConsignmentActions.Amendment amendment) {
        Map<String, String> problems = new LinkedHashMap<>();
        validator.validate(ActionRequests.Amendment.of(amendment)).stream()
                .sorted(Comparator.comparing((ConstraintViolation<ActionRequests.Amendment> v) ->
                        v.getPropertyPath().toString()))
                .forEach(v -> problems.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        return problems;
    }

    private <T> void check(T request) {
        validator.validate(request).stream()
                .min(BY_FIELD)
                .ifPresent(v -> {
                    throw new InvalidInputException(v.getPropertyPath().toString(), v.getMessage());
                });
    }
}
