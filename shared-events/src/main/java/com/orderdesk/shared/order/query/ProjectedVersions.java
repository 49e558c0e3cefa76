package com.orderdesk.shared.order.query;

import java.util.Map;

/** Per read model, the version (last event sequence) it has applied for one order; -1 if none yet. */
public record ProjectedVersions(Map<String, Long> versions) {
    public ProjectedVersions {
        versions = Map.copyOf(versions);
    }

    public long lowest() {
        return versions.values().stream().mapToLong(Long::longValue).min().orElse(-1);
    }
}
