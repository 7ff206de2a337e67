package org.reliefclearance.screening;

import java.util.List;

/** What the goods-classification rules require for one HS code and category. */
public record GoodsRequirement(String treatment, String authorityCode, List<String> documents, String reason) {

    public GoodsRequirement {
        documents = List.copyOf(documents);
    }
}
