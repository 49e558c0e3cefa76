package com.orderdesk.query.readmodel;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * A read-model row with an id the projection assigns: rows made by the projection are inserted without a
 * SELECT first (Spring Data would otherwise merge), rows loaded from the database are updated.
 */
@MappedSuperclass
public abstract class ReadModelRow implements Persistable<String> {
    @Transient
    private boolean fresh = true;

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }
}
