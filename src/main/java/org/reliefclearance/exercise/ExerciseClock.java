package org.reliefclearance.exercise;

import java.time.Duration;
import java.time.Instant;

import org.reliefclearance.time.SimulatedTime;

/**
 * An exercise's clock: simulated time runs {@code speed} times as fast as real time from an anchor,
 * stops while paused, and is pushed into the service's one clock on every {@link #tick(Instant)}.
 * Real instants are passed in, so the arithmetic is the same in a test as at a training day.
 */
class ExerciseClock {

    private final SimulatedTime time;
    private Instant simulatedAnchor;
    private Instant realAnchor;
    private int speed;
    private boolean running;

    ExerciseClock(SimulatedTime time) {
        this.time = time;
    }

    synchronized void start(Instant simulatedStart, Instant real, int speed) {
        this.simulatedAnchor = simulatedStart;
        this.realAnchor = real;
        this.speed = speed;
        this.running = true;
        time.set(simulatedStart);
    }

    /** Simulated time at real instant {@code real}. */
    synchronized Instant at(Instant real) {
        if (!running) {
            return simulatedAnchor;
        }
        Duration elapsed = Duration.between(realAnchor, real);
        return simulatedAnchor.plus(elapsed.multipliedBy(speed));
    }

    /** Moves the service's clock to the simulated time of {@code real}; returns it. */
    synchronized Instant tick(Instant real) {
        Instant now = at(real);
        time.set(now);
        return now;
    }

    /** Shows {@code simulated} on the service's clock without moving the exercise (a step due earlier in a jump). */
    synchronized void show(Instant simulated) {
        time.set(simulated);
    }

    synchronized void pause(Instant real) {
        simulatedAnchor = at(real);
        running = false;
        time.set(simulatedAnchor);
    }

    synchronized void resume(Instant real) {
        realAnchor = real;
        running = true;
    }

    synchronized void speed(int newSpeed, Instant real) {
        simulatedAnchor = at(real);
        realAnchor = real;
        speed = newSpeed;
    }

    /** Jumps ahead by {@code simulated}, e.g. to skip a night the exercise does not play. */
    synchronized void jump(Duration simulated, Instant real) {
        simulatedAnchor = at(real).plus(simulated);
        realAnchor = real;
        time.set(simulatedAnchor);
    }

    synchronized void stop() {
        running = false;
        time.reset();
    }

    synchronized boolean running() {
        return running;
    }

    synchronized int speed() {
        return speed;
    }

    Instant realNow() {
        return time.realNow();
    }
}
