package org.reliefclearance.screening;

import java.util.List;

/**
 * What the goods rules require for one HS code and category: the treatment (goods-classification)
 * and, for a line needing permits, every authority that must approve it (goods-approvals).
 *
 * @param approvals in the order of the rules, the lead authority first; empty unless PERMIT_REQUIRED
 * @param documents all documents the goods need: the treatment's and every approving authority's
 */
public record GoodsRequirement(String treatment, List<Approval> approvals, List<String> documents, String reason) {

    /** One authority's approval of the goods, with what it asks for and why. */
    public record Approval(String authorityCode, List<String> documents, String reason) {

        public Approval {
            documents = List.copyOf(documents);
        }
    }

    public GoodsRequirement {
        approvals = List.copyOf(approvals);
        documents = List.copyOf(documents);
    }

    /** The approving authorities' codes, the lead authority first. */
    public List<String> authorities() {
        return approvals.stream().map(Approval::authorityCode).toList();
    }

    /** The lead authority, null when the goods need no approval. */
    public String authorityCode() {
        return approvals.isEmpty() ? null : approvals.get(0).authorityCode();
    }

    public boolean permitRequired() {
        return Treatment.PERMIT_REQUIRED.name().equals(treatment);
    }
}
