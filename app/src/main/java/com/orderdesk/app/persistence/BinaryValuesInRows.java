package com.orderdesk.app.persistence;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;
import org.hibernate.type.descriptor.jdbc.VarbinaryJdbcType;

/**
 * Axon's {@code @Lob byte[]} columns (event payloads and metadata, tokens, sagas, dead letters) as binary values kept
 * in their rows, the column types the migrations create: {@code bytea} on PostgreSQL (since V1) and {@code varbinary}
 * on H2 (since V7). Hibernate's default for {@code @Lob} is a large object stored apart from its row:
 * <ul>
 *     <li>on PostgreSQL an {@code oid}, never cleaned up by deleting its row (Axon reference, RDBMS tuning);</li>
 *     <li>on H2 a blob in a map of its own: every command read one and wrote two, every catch-up poll rewrote each
 *     segment's token, and reading one made H2 throw and catch an exception inside its blob store
 *     (async-profiler, payment load at 32 connections: 1.7 % of the CPU in that exception alone).</li>
 * </ul>
 * Registered in {@code META-INF/services}; Hibernate applies it after the dialect's own types, so it wins.
 */
public class BinaryValuesInRows implements TypeContributor {

    @Override
    public void contribute(TypeContributions contributions, ServiceRegistry services) {
        Dialect dialect = services.requireService(JdbcServices.class).getDialect();
        var registry = contributions.getTypeConfiguration().getJdbcTypeRegistry();
        if (dialect instanceof PostgreSQLDialect) {
            registry.addDescriptor(SqlTypes.BLOB, BinaryJdbcType.INSTANCE);
        } else if (dialect instanceof H2Dialect) {
            registry.addDescriptor(SqlTypes.BLOB, VarbinaryJdbcType.INSTANCE);
        }
    }
}
