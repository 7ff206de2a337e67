package org.reliefclearance.models;

import java.util.ArrayList;
import java.util.List;

/**
 * A model's {@code camunda:versionTag}, {@code YYYY.MM[.n...]}, compared number by number:
 * {@code 2026.12.1} is newer than {@code 2026.12}, {@code 2026.10} newer than {@code 2026.9}.
 * A missing or unreadable tag is older than any readable one, so a model deployed without a tag
 * never holds back a packaged model that has one.
 */
record VersionTag(String text, List<Long> parts) implements Comparable<VersionTag> {

    static final VersionTag NONE = new VersionTag(null, List.of());

    static VersionTag of(String text) {
        if (text == null || !text.trim().matches("\\d+(\\.\\d+)*")) {
            return new VersionTag(text, List.of());
        }
        List<Long> parts = new ArrayList<>();
        for (String part : text.trim().split("\\.")) {
            parts.add(Long.parseLong(part));
        }
        return new VersionTag(text.trim(), List.copyOf(parts));
    }

    boolean isNewerThan(VersionTag other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(VersionTag other) {
        for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
            // a missing part counts as less than any present one: 2026.12 < 2026.12.0
            long mine = i < parts.size() ? parts.get(i) : -1;
            long theirs = i < other.parts.size() ? other.parts.get(i) : -1;
            if (mine != theirs) {
                return Long.compare(mine, theirs);
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return text == null ? "(none)" : text;
    }
}
