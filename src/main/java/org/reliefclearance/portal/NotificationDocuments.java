package org.reliefclearance.portal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentRules;
import org.reliefclearance.consignment.InvalidInputException;
import org.reliefclearance.documents.DocumentStore;
import org.reliefclearance.documents.DocumentsOnForms;
import org.springframework.stereotype.Component;

/**
 * The documents of the notification form: every chosen file checked with the document store's own
 * upload rules before anything is stored ({@link DocumentStore#check}), lodged once the notification
 * passes, in its transaction, together with those kept in its draft.
 */
@Component
class NotificationDocuments {

    private final DocumentStore documents;
    private final DocumentsOnForms documentsOnForms;
    private final NotificationDrafts drafts;
    private final ConsignmentRules rules;

    NotificationDocuments(DocumentStore documents, DocumentsOnForms documentsOnForms, NotificationDrafts drafts,
                          ConsignmentRules rules) {
        this.documents = documents;
        this.documentsOnForms = documentsOnForms;
        this.drafts = drafts;
        this.rules = rules;
    }

    /** The files chosen in this post that passed, and the problems of the others on their rows' fields. */
    record Chosen(List<DocumentStore.Upload> uploads, Map<String, String> errors) {
    }

    /** The documents of the form's draft that are not ticked for removal. */
    List<NotificationDrafts.DraftDocument> kept(NotificationForm form, String organisation) {
        return drafts.documents(form.getToken(), organisation).stream()
                .filter(d -> !form.getRemoveDocuments().contains(d.id())).toList();
    }

    /**
     * Each row with a file, checked; a row with a type but no file is a file forgotten (or one the
     * browser could not keep), not a row to leave out in silence.
     */
    Chosen check(NotificationForm form, List<NotificationDrafts.DraftDocument> kept) {
        List<DocumentStore.Upload> uploads = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < form.getDocuments().size(); i++) {
            NotificationForm.DocumentRow row = form.getDocuments().get(i);
            String at = "documents[" + i + "].";
            if (!row.hasFile()) {
                if (!NotificationForm.isBlank(row.getType())) {
                    errors.put(at + "file", NotificationForm.FILE_FORGOTTEN);
                }
                continue;
            }
            try {
                uploads.add(documents.check(row.getType(), row.getFile().getOriginalFilename(), row.getFile().getBytes()));
            } catch (InvalidInputException refused) {
                errors.put(at + refused.field(), refused.getMessage());
            } catch (IOException unreadable) {
                errors.put(at + "file", "could not be read");
            }
        }
        int all = kept.size() + uploads.size();
        if (all > rules.maxDocuments()) {
            errors.put("documents", "exceeds the limit of " + rules.maxDocuments() + " documents per consignment;"
                    + " this form holds " + all);
        }
        return new Chosen(uploads, errors);
    }

    /** Within the notification's transaction: the draft's documents and the new ones, each through the store. */
    void lodge(Consignment c, List<NotificationDrafts.DraftDocument> kept, List<DocumentStore.Upload> uploads,
               String actor) {
        for (NotificationDrafts.DraftDocument d : kept) {
            documents.store(c, d.documentType(), d.fileName(), drafts.content(d.id()), actor);
        }
        for (DocumentStore.Upload u : uploads) {
            documents.store(c, u.documentType(), u.fileName(), u.content(), actor);
        }
    }

    /** Once the case has started: its forms show the documents, as after any lodged document. */
    void showOnForms(Consignment c) {
        documentsOnForms.refresh(c);
    }

    /** The files chosen in a post that comes back, by row: a browser cannot fill a file input again. */
    static Map<Integer, String> dropped(NotificationForm form) {
        Map<Integer, String> dropped = new LinkedHashMap<>();
        for (int i = 0; i < form.getDocuments().size(); i++) {
            NotificationForm.DocumentRow row = form.getDocuments().get(i);
            if (row.hasFile()) {
                String name = row.getFile().getOriginalFilename();
                dropped.put(i, NotificationForm.isBlank(name) ? "?" : name);
            }
        }
        return dropped;
    }
}
