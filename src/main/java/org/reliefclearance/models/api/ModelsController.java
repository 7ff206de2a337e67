package org.reliefclearance.models.api;

import jakarta.servlet.http.HttpServletResponse;

import org.reliefclearance.identity.CurrentUser;
import org.reliefclearance.models.MigrationCheck;
import org.reliefclearance.models.MigrationRefusedException;
import org.reliefclearance.models.Migrations;
import org.reliefclearance.models.ModelExport;
import org.reliefclearance.models.ModelVersions;
import org.reliefclearance.models.ModelsAccess;
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
import org.springframework.web.server.ResponseStatusException;

/**
 * The process owners' page for models ({@code templates/models/}): which versions run cases, the dry
 * run and the batch that move them to the latest version, each batch's report, and the running models
 * as a zip for the repository. Any other caller gets 403, a bad version 400 naming the field.
 */
@Controller
class ModelsController {

    private final ModelsAccess access;
    private final ModelVersions versions;
    private final Migrations migrations;
    private final ModelExport export;

    ModelsController(ModelsAccess access, ModelVersions versions, Migrations migrations, ModelExport export) {
        this.access = access;
        this.versions = versions;
        this.migrations = migrations;
        this.export = export;
    }

    @GetMapping(path = "/models", produces = MediaType.TEXT_HTML_VALUE)
    String models(Authentication authentication, Model model) {
        access.processOwner(authentication);
        return page(model, null);
    }

    /** The dry run: shows what the plan maps and every reason it would lose a case's state. */
    @PostMapping(path = "/models/check", produces = MediaType.TEXT_HTML_VALUE)
    String check(@RequestParam(required = false) String sourceDefinitionId, Authentication authentication,
                 Model model) {
        CurrentUser owner = access.processOwner(authentication);
        return page(model, migrations.check(sourceDefinitionId, owner));
    }

    /** Checks again and starts the batch; refused: the page again with the problems, 409, nothing migrated. */
    @PostMapping(path = "/models/migrations", produces = MediaType.TEXT_HTML_VALUE)
    String migrate(@RequestParam(required = false) String sourceDefinitionId, Authentication authentication,
                   Model model, HttpServletResponse response) {
        CurrentUser owner = access.processOwner(authentication);
        try {
            return "redirect:/models/migrations/" + migrations.start(sourceDefinitionId, owner);
        } catch (MigrationRefusedException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("refused", true);
            return page(model, e.check());
        }
    }

    @GetMapping(path = "/models/migrations/{id}", produces = MediaType.TEXT_HTML_VALUE)
    String migration(@PathVariable long id, Authentication authentication, Model model) {
        access.processOwner(authentication);
        model.addAttribute("report", migrations.report(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such migration")));
        return "models/migration";
    }

    @GetMapping("/models/export.zip")
    ResponseEntity<byte[]> exportZip(Authentication authentication) {
        access.processOwner(authentication);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"relief-clearance-models.zip\"")
                .body(export.zip());
    }

    private String page(Model model, MigrationCheck check) {
        model.addAttribute("versions", versions.running());
        model.addAttribute("recent", migrations.recent());
        model.addAttribute("check", check);
        model.addAttribute("refused", Boolean.TRUE.equals(model.getAttribute("refused")));
        return "models/models";
    }
}
