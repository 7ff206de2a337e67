package org.reliefclearance.modelguard;

import java.util.List;

import org.camunda.bpm.engine.Problem;

/**
 * One reason a resource is refused, tied to the model element it was found in. The engine's
 * REST API lists these per resource in a {@code ParseException}'s details.
 */
record Refusal(String elementId, String reason) implements Problem {

    @Override
    public String getMessage() {
        return elementId == null ? reason : "element '" + elementId + "': " + reason;
    }

    @Override
    public int getLine() {
        return 0;
    }

    @Override
    public int getColumn() {
        return 0;
    }

    @Override
    public String getMainElementId() {
        return elementId;
    }

    @Override
    public List<String> getElementIds() {
        return elementId == null ? List.of() : List.of(elementId);
    }
}
