package com.orderdesk.shared.access;

import com.orderdesk.shared.value.Actor;

import java.util.List;

/**
 * Who is responsible for which service (the seed: internal messages are for «менеджеров по аренде, ответственных в
 * данной услуге»). The catalog answers it; the aggregate, the read side and the pages ask it, so a manager of one
 * service meets another service's orders nowhere: not in lists, details, live updates, exports, reports or commands.
 */
public interface ServiceAccess {

    /** Staff reach the services they are responsible for, auditors and the system every service, guests none (they reach their own orders). */
    Reach reachOf(Actor actor);

    /** The staff responsible for a service, in the catalog's order: whom an order of it may be assigned to. */
    List<StaffMember> staffOf(String serviceId);

    /** One of a service's responsible staff: the login (or the identity provider's subject) and the name people see. */
    record StaffMember(String id, String name) {
    }
}
