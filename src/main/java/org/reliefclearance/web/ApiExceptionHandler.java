package org.reliefclearance.web;

import java.util.ArrayList;
import java.util.List;

import org.reliefclearance.clearance.IdempotencyKeyReusedException;
import org.reliefclearance.consignment.ActionForbiddenException;
import org.reliefclearance.consignment.ConsignmentNotFoundException;
import org.reliefclearance.consignment.InvalidInputException;
import org.reliefclearance.consignment.WrongStateException;
import org.reliefclearance.documents.DocumentNotFoundException;
import org.reliefclearance.emergency.EmergencyNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Every error of the application API as RFC 9457 problem+json. Invalid input lists each bad
 * field in {@code errors}: {@code [{"field": "lines[0].hsCode", "message": "must be 6 to 10 digits"}]}.
 * Nothing internal (stack trace, SQL, engine message) reaches the client.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(ConsignmentNotFoundException.class)
    ProblemDetail notFound(ConsignmentNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Consignment not found", e.getMessage());
    }

    @ExceptionHandler(EmergencyNotFoundException.class)
    ProblemDetail emergencyNotFound(EmergencyNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Emergency not found", e.getMessage());
    }

    @ExceptionHandler(DocumentNotFoundException.class)
    ProblemDetail documentNotFound(DocumentNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Document not found", e.getMessage());
    }

    @ExceptionHandler(ActionForbiddenException.class)
    ProblemDetail forbidden(ActionForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
    }

    @ExceptionHandler(WrongStateException.class)
    ProblemDetail conflict(WrongStateException e) {
        return problem(HttpStatus.CONFLICT, "Not possible in the consignment's current state", e.getMessage());
    }

    /** As the IETF Idempotency-Key draft advises for a key reused with another payload. */
    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail keyReused(IdempotencyKeyReusedException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused", e.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem(IdempotencyKeyReusedException.HEADER, e.getMessage())));
        return problem;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return invalid(List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error answering an API request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request could not be completed; it has been logged.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.add(fieldProblem(f.getField(), f)));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(fieldProblem(g.getObjectName(), g)));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors nested) {
                for (FieldError f : nested.getFieldErrors()) {
                    errors.add(fieldProblem(f.getField(), f));
                }
            } else {
                String name = result.getMethodParameter().getParameterName();
                result.getResolvableErrors().forEach(r -> errors.add(fieldProblem(name, r)));
            }
        }
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(field, "has an invalid value"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch.getPath());
            return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(field, "has an invalid value"))));
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Unreadable request",
                "The request body is not valid JSON for this operation"));
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getIndex() >= 0) {
                field.append('[').append(r.getIndex()).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(r.getFieldName());
            }
        }
        return field.toString();
    }

    private static FieldProblem fieldProblem(String field, MessageSourceResolvable error) {
        return new FieldProblem(field, error.getDefaultMessage());
    }

    private static ProblemDetail invalid(List<FieldProblem> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
