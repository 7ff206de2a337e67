package org.reliefclearance.portal;

import org.reliefclearance.documents.DocumentStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every portal page may have to say: the server's upload limits, named when a form's files
 * were too large to be read (the same settings the document store and the notification form name).
 */
@ControllerAdvice(basePackageClasses = PortalPageModel.class)
class PortalPageModel {

    private final NotificationDocuments.Limits limits;

    PortalPageModel(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize perFile,
                    @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize perSending) {
        this.limits = new NotificationDocuments.Limits(DocumentStore.readable(perFile), DocumentStore.readable(perSending));
    }

    @ModelAttribute("uploadLimits")
    NotificationDocuments.Limits uploadLimits() {
        return limits;
    }
}
