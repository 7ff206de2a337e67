package org.reliefclearance.customs.simulator;

import java.time.Duration;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * How the customs-system simulator answers from now on: set over its own API by developers and CI,
 * and by an exercise's injects (a customs-system outage).
 */
@Profile("customs-simulator")
@Component
public class SimulatorBehaviour {

    /** ACCEPT, FAIL (503), REFUSE (422 with the reason), DELAY (then accept). */
    public enum Mode { ACCEPT, FAIL, REFUSE, DELAY }

    public record Behaviour(Mode mode, String reason, Duration delay) {
    }

    private volatile Behaviour behaviour = new Behaviour(Mode.ACCEPT, null, Duration.ZERO);

    public Behaviour current() {
        return behaviour;
    }

    public Behaviour set(Behaviour next) {
        behaviour = new Behaviour(next.mode() == null ? Mode.ACCEPT : next.mode(), next.reason(),
                next.delay() == null ? Duration.ZERO : next.delay());
        return behaviour;
    }
}
