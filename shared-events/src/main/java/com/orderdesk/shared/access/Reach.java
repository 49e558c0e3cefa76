package com.orderdesk.shared.access;

import java.util.Set;

/**
 * The services whose orders someone may see and act on: every service (auditors, the system, the gateway) or the
 * ones they are responsible for. Orders outside it do not exist for them: {@code 404}, never a hint.
 */
public record Reach(Set<String> serviceIds) {
    public static final Reach EVERY_SERVICE = new Reach(null);
    public static final Reach NO_SERVICE = new Reach(Set.of());

    public Reach {
        serviceIds = serviceIds == null ? null : Set.copyOf(serviceIds);
    }

    public boolean everyService() {
        return serviceIds == null;
    }

    public boolean covers(String serviceId) {
        return serviceIds == null || (serviceId != null && serviceIds.contains(serviceId));
    }
}
