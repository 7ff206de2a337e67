package org.reliefclearance.consignment;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a pre-arrival notification may contain, kept in configuration (relief.consignment.*)
 * so a process owner changes the lists without a release. The goods categories and document
 * types are the ones the goods-classification DMN knows.
 */
@ConfigurationProperties("relief.consignment")
public record ConsignmentRules(
        List<String> categories,
        List<String> transportDocumentTypes,
        List<String> documentTypes,
        List<String> alwaysRequiredDocuments,
        Duration arrivalAtMostAgo,
        Duration arrivalAtMostAhead) {

    public ConsignmentRules {
        categories = List.copyOf(categories);
        transportDocumentTypes = List.copyOf(transportDocumentTypes);
        documentTypes = List.copyOf(documentTypes);
        alwaysRequiredDocuments = List.copyOf(alwaysRequiredDocuments);
    }
}
