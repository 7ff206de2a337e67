package org.reliefclearance.portal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reliefclearance.identity.UploadReturnPage;
import org.springframework.stereotype.Component;

/** The portal page each of its forms with files is on: the notification form, a case, or the list. */
@Component
class PortalReturnPage implements UploadReturnPage {

    private static final Pattern CASE_PAGE = Pattern.compile("(/portal/consignments/[^/]+)(/.*)?");

    @Override
    public String pageOf(String path) {
        if (path.equals("/portal/notify")) {
            return path;
        }
        Matcher onCase = CASE_PAGE.matcher(path);
        return onCase.matches() ? onCase.group(1) : "/portal";
    }
}
