-- Nothing to do here: on PostgreSQL Axon's binary values have been bytea in their rows since V1
-- (ByteaPostgreSQLDialect). On H2, V7 moves them out of the separate blob store (VarbinaryH2Dialect).
select 1;
