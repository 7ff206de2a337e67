package org.reliefclearance.registry;

/** A line-ministry authority that must approve some goods, and the group of its reviewers. */
public record Authority(String code, String name, String ministry, String groupId,
                        boolean tacitApprovalInEmergency, String headGroupId) {
}
