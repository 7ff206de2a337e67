package org.reliefclearance.clearance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.reliefclearance.forms.FormContract.Violation;
import org.reliefclearance.forms.FormValues;
import org.reliefclearance.forms.StepRules;
import org.reliefclearance.registry.Port;
import org.reliefclearance.registry.Registry;
import org.springframework.stereotype.Component;

/**
 * Release before the declaration (IM8) is the head of the checkpoint's decision: any officer of the
 * port may clear the goods, only a member of the port's head group may tick IM8.
 */
@Component
class PortClearanceRules implements StepRules {

    private final Registry registry;

    PortClearanceRules(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Set<String> formIds() {
        return Set.of("clear-at-port");
    }

    @Override
    public List<Violation> check(Submission submission) {
        List<Violation> violations = new ArrayList<>();
        Object im8 = submission.values().get(ClearanceProcess.Vars.RELEASE_BEFORE_DECLARATION.name());
        if (!Boolean.TRUE.equals(im8) && !"true".equals(FormValues.text(im8))) {
            return violations;
        }
        String portCode = FormValues.text(submission.current().get(ClearanceProcess.Vars.PORT_CODE.name()));
        String head = registry.port(portCode == null ? "" : portCode).map(Port::headGroup).orElse(null);
        if (head == null || !submission.groups().contains(head)) {
            violations.add(submission.violation(ClearanceProcess.Vars.RELEASE_BEFORE_DECLARATION.name(),
                    "may be decided only by the head of the checkpoint (" + head + ")"));
        }
        return violations;
    }
}
