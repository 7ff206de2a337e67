package org.reliefclearance.identity;

/**
 * Where a person goes back to after a form whose files the server would not read: the page that
 * application says the form was on. The security chain knows only that such a page exists.
 */
@FunctionalInterface
public interface UploadReturnPage {

    /** The page (a path within the application) the form posted to {@code path} was on. */
    String pageOf(String path);
}
