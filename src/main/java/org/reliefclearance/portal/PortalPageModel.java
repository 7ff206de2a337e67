package org.reliefclearance.portal;

import org.reliefclearance.documents.UploadLimits;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every portal page may have to say: the server's upload limits, named beside a form's files
 * and when they were too large to be read.
 */
@ControllerAdvice(basePackageClasses = PortalPageModel.class)
class PortalPageModel {

    private final UploadLimits limits;

    PortalPageModel(UploadLimits limits) {
        this.limits = limits;
    }

    @ModelAttribute("uploadLimits")
    UploadLimits.Shown uploadLimits() {
        return limits.shown();
    }
}
