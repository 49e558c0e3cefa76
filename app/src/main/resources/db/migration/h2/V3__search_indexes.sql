-- PostgreSQL gets trigram indexes for the list's substring search here; H2 has none. The version exists on both
-- databases so that one number means one schema. The visitor's name still gets an index for exact and prefix use.
create index ix_summary_visitor_name on order_summary (visitor_name_lower);
