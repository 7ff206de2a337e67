package org.reliefclearance.exercise.api;

import java.util.Locale;
import java.util.Map;

import org.reliefclearance.exercise.DebriefPdf;
import org.reliefclearance.exercise.Debriefs;
import org.reliefclearance.exercise.Exercise;
import org.reliefclearance.exercise.ExerciseAccess;
import org.reliefclearance.identity.CurrentUser;
import org.reliefclearance.pages.ExerciseMode;
import org.reliefclearance.words.Vocabulary;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The facilitator's page ({@code templates/exercise/}): choose a scenario, start, pause, resume, set the
 * speed, fire an inject, end; the simulated clock and the log; the debrief of each run as a page and a
 * PDF. MoLSW officials and administrators only (others 403); in the exercise profile only (else 404).
 */
@Profile(ExerciseMode.PROFILE)
@Controller
class ExerciseController {

    private final Exercise exercise;
    private final ExerciseAccess access;
    private final Debriefs debriefs;
    private final DebriefPdf pdf;
    private final Vocabulary vocabulary;

    ExerciseController(Exercise exercise, ExerciseAccess access, Debriefs debriefs, DebriefPdf pdf,
                       Vocabulary vocabulary) {
        this.exercise = exercise;
        this.access = access;
        this.debriefs = debriefs;
        this.pdf = pdf;
        this.vocabulary = vocabulary;
    }

    /** For the Tasklist and Cockpit banner (custom/exercise-banner.js); public, as the banner is. */
    @GetMapping(path = "/exercise/mode", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> mode(Locale locale) {
        return Map.of("exercise", true, "banner", vocabulary.in(locale).bilingual("exercise.banner"));
    }

    @GetMapping(path = "/exercise", produces = MediaType.TEXT_HTML_VALUE)
    String page(Authentication authentication, Model model) {
        access.facilitator(authentication);
        model.addAttribute("scenarios", exercise.scenarios());
        model.addAttribute("view", exercise.view(exercise.realNow()).orElse(null));
        model.addAttribute("runs", debriefs.runs());
        return "exercise/exercise";
    }

    @PostMapping("/exercise/start")
    String start(@RequestParam(defaultValue = "") String scenario, @RequestParam(required = false) Integer speed,
                 Authentication authentication) {
        CurrentUser facilitator = access.facilitator(authentication);
        exercise.start(scenario, speed, facilitator.id());
        return "redirect:/exercise";
    }

    @PostMapping("/exercise/pause")
    String pause(Authentication authentication) {
        exercise.pause(access.facilitator(authentication).id(), exercise.realNow());
        return "redirect:/exercise";
    }

    @PostMapping("/exercise/resume")
    String resume(Authentication authentication) {
        exercise.resume(access.facilitator(authentication).id(), exercise.realNow());
        return "redirect:/exercise";
    }

    @PostMapping("/exercise/speed")
    String speed(@RequestParam(defaultValue = "0") int speed, Authentication authentication) {
        exercise.speed(speed, access.facilitator(authentication).id(), exercise.realNow());
        return "redirect:/exercise";
    }

    @PostMapping("/exercise/injects/{index}")
    String inject(@PathVariable int index, Authentication authentication) {
        exercise.inject(index, access.facilitator(authentication).id(), exercise.realNow());
        return "redirect:/exercise";
    }

    @PostMapping("/exercise/end")
    String end(Authentication authentication) {
        long run = exercise.end(access.facilitator(authentication).id(), exercise.realNow());
        return "redirect:/exercise/debrief?run=" + run;
    }

    @GetMapping(path = "/exercise/debrief", produces = MediaType.TEXT_HTML_VALUE)
    String debrief(@RequestParam long run, Authentication authentication, Model model) {
        access.facilitator(authentication);
        model.addAttribute("debrief", debriefs.of(run).orElseThrow(ExerciseController::noRun));
        model.addAttribute("runs", debriefs.runs());
        return "exercise/debrief";
    }

    @GetMapping("/exercise/debrief.pdf")
    ResponseEntity<byte[]> debriefPdf(@RequestParam long run, Authentication authentication, Locale locale) {
        access.facilitator(authentication);
        byte[] body = pdf.render(debriefs.of(run).orElseThrow(ExerciseController::noRun), locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"exercise-" + run + "-debrief.pdf\"")
                .body(body);
    }

    private static ResponseStatusException noRun() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such exercise run");
    }
}
