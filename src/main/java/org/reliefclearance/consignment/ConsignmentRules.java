package org.reliefclearance.consignment;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a pre-arrival notification may contain, kept in configuration (relief.consignment.*)
 * so a process owner changes the lists without a release. The goods categories are not here:
 * the goods-classification decision is their one home (screening.GoodsCategories).
 */
@ConfigurationProperties("relief.consignment")
public record ConsignmentRules(
        List<String> transportDocumentTypes,
        List<String> documentTypes,
        List<String> alwaysRequiredDocuments,
        Duration arrivalAtMostAgo,
        Duration arrivalAtMostAhead,
        Integer maxDocuments) {

    /** Documents a consignment may hold when relief.consignment.max-documents is not set. */
    static final int DEFAULT_MAX_DOCUMENTS = 30;

    public ConsignmentRules {
        maxDocuments = maxDocuments == null ? DEFAULT_MAX_DOCUMENTS : maxDocuments;
        transportDocumentTypes = List.copyOf(transportDocumentTypes);
        documentTypes = List.copyOf(documentTypes);
        alwaysRequiredDocuments = List.copyOf(alwaysRequiredDocuments);
    }
}
