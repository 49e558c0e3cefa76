package com.orderdesk.app.persistence;

import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * The Hibernate dialect for the store the service finds at start-up: Axon's binary values as {@code bytea} on
 * PostgreSQL ({@link ByteaPostgreSQLDialect}) and as {@code varbinary} on H2 ({@link VarbinaryH2Dialect}), the
 * column types the migrations create. Any other database gets Hibernate's own choice.
 */
public class StoreDialects implements DialectResolver {

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        String product = info.getDatabaseName();
        if ("PostgreSQL".equals(product)) {
            return new ByteaPostgreSQLDialect();
        }
        if ("H2".equals(product)) {
            return new VarbinaryH2Dialect();
        }
        return null;
    }
}
