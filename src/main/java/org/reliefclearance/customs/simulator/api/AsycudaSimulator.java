package org.reliefclearance.customs.simulator.api;

import java.time.Clock;
import java.time.Year;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.reliefclearance.customs.Declaration;
import org.reliefclearance.customs.simulator.SimulatorBehaviour;
import org.reliefclearance.customs.simulator.SimulatorBehaviour.Behaviour;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A stand-in for the national customs system (ASYCUDA through the single window), for developers, the
 * demo and CI: it declares the clearance decisions it receives, in ASYCUDA's numbering (office, year,
 * serial), once per Idempotency-Key, and can be told to fail, delay or refuse. The same contract as the
 * real system: the application's worker cannot tell them apart.
 */
@Tag(name = "Customs system simulator")
@Profile("customs-simulator")
@RestController
@RequestMapping(AsycudaSimulator.PATH)
class AsycudaSimulator {

    static final String PATH = "/simulator/asycuda";

    private final Map<String, Declaration> declared = new ConcurrentHashMap<>();
    private final AtomicInteger serial = new AtomicInteger();
    private final Clock clock;
    private final SimulatorBehaviour behaviour;

    AsycudaSimulator(Clock clock, SimulatorBehaviour behaviour) {
        this.clock = clock;
        this.behaviour = behaviour;
    }

    @Operation(summary = "Declare a release's clearance decision; the same Idempotency-Key answers the same declaration")
    @PostMapping(path = "/declarations", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> declare(@RequestHeader("Idempotency-Key") String key, @RequestBody JsonNode decision)
            throws InterruptedException {
        Behaviour now = behaviour.current();
        switch (now.mode()) {
            case FAIL -> {
                return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
            }
            case REFUSE -> {
                return ResponseEntity.unprocessableEntity().contentType(MediaType.TEXT_PLAIN)
                        .body(now.reason() == null ? "Refused by the simulator" : now.reason());
            }
            case DELAY -> Thread.sleep(now.delay() == null ? 0 : now.delay().toMillis());
            case ACCEPT -> { }
        }
        String procedure = "IM8".equals(decision.path("procedure").asText()) ? "IM8" : "IM4";
        Declaration declaration = declared.computeIfAbsent(key, k -> {
            int n = serial.incrementAndGet();
            String office = "LA" + decision.path("portCode").asText("01");
            return new Declaration("%s %d C %06d".formatted(office, Year.now(clock).getValue(), n), procedure,
                    "RO-%s-%06d".formatted(office, n));
        });
        return ResponseEntity.status(HttpStatus.CREATED).body(declaration);
    }

    @Operation(summary = "Tell the simulator how to answer from now on")
    @PutMapping("/behaviour")
    Behaviour behave(@RequestBody Behaviour next) {
        return behaviour.set(next);
    }

    @GetMapping("/behaviour")
    Behaviour behaviour() {
        return behaviour.current();
    }
}
