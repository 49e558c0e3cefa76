-- The order list's search (q): the visitor's name and the phone match anywhere in the text (LIKE '%…%'),
-- which a b-tree cannot serve; trigram indexes can. pg_trgm is a trusted extension (PostgreSQL 13+): the
-- database owner may create it.
create extension if not exists pg_trgm;
create index ix_summary_visitor_name_trgm on order_summary using gin (visitor_name_lower gin_trgm_ops);
create index ix_summary_phone_trgm on order_summary using gin (phone_digits gin_trgm_ops);
