package org.reliefclearance.exercise;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.reliefclearance.customs.simulator.SimulatorBehaviour;
import org.reliefclearance.customs.simulator.SimulatorBehaviour.Behaviour;
import org.reliefclearance.customs.simulator.SimulatorBehaviour.Mode;
import org.springframework.beans.factory.ObjectProvider;

/**
 * What the facilitator's injects change while an exercise runs: closed ports (later notifications go
 * elsewhere), absent officials (announced; the trainee stops working) and the customs-system simulator.
 * Withheld documents are the schedule's ({@link Exercise}).
 */
class Injects {

    private final ObjectProvider<SimulatorBehaviour> customsSimulator;
    private final Map<String, String> closedPorts = new ConcurrentHashMap<>();
    private final Set<String> absent = ConcurrentHashMap.newKeySet();

    Injects(ObjectProvider<SimulatorBehaviour> customsSimulator) {
        this.customsSimulator = customsSimulator;
    }

    /** Applies {@code inject}; returns what the log says. */
    String apply(Scenario.Inject inject) {
        String note = inject.note() == null ? "" : " " + inject.note();
        return switch (inject.kind()) {
            case PORT_CLOSED -> {
                closedPorts.put(inject.port(), inject.divertTo());
                yield inject.port() + " closed; consignments go to " + inject.divertTo() + "." + note;
            }
            case PORT_REOPENED -> {
                closedPorts.remove(inject.port());
                yield inject.port() + " open again." + note;
            }
            case REVIEWER_ABSENT -> {
                absent.add(inject.user());
                yield inject.user() + " is absent: do not work until the facilitator says so." + note;
            }
            case DOCUMENT_MISSING -> inject.documentType() + " of " + inject.consignment() + " will never come." + note;
            case CUSTOMS_SYSTEM_DOWN -> customs(Mode.FAIL) + note;
            case CUSTOMS_SYSTEM_UP -> customs(Mode.ACCEPT) + note;
        };
    }

    /** The port a consignment planned for {@code port} is notified for now. */
    String portFor(String port) {
        return Optional.ofNullable(closedPorts.get(port)).orElse(port);
    }

    Set<String> absent() {
        return Set.copyOf(absent);
    }

    Set<String> closedPorts() {
        return Set.copyOf(closedPorts.keySet());
    }

    void clear() {
        closedPorts.clear();
        absent.clear();
        customsSimulator.ifAvailable(s -> s.set(new Behaviour(Mode.ACCEPT, null, null)));
    }

    private String customs(Mode mode) {
        SimulatorBehaviour simulator = customsSimulator.getIfAvailable();
        if (simulator == null) {
            return "No customs-system simulator runs: nothing changed.";
        }
        simulator.set(new Behaviour(mode, null, null));
        return mode == Mode.FAIL ? "The customs system is down (the simulator answers 503)."
                : "The customs system answers again.";
    }
}
