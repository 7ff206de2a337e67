package org.reliefclearance.forms;

import java.util.Map;

/**
 * Texts an official's form shows of its case that the application holds (the documents lodged and
 * still missing), read when the form is read. No process variable keeps a copy, so nothing has to
 * rewrite every process of a case each time the texts change.
 */
public interface CaseFacts {

    /**
     * @param businessKey the business key of the task's process (a consignment's reference)
     * @return the texts by the name the forms use ({@code {{documentsLodged}}}); empty when the key is no case of these facts
     */
    Map<String, String> of(String businessKey);
}
