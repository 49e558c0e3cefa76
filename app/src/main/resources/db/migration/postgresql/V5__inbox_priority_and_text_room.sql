-- Gateway payments this service created: their notifications are processed before anything else in the inbox,
-- so a flood of junk never delays a real payment.
create table gateway_payment_ref (payment_id varchar(100) not null, order_id varchar(64) not null, created_at timestamp(6) with time zone not null, primary key (payment_id));
alter table payment_inbox add column priority integer default 1 not null;
create index ix_inbox_claim on payment_inbox (processed_at, priority, received_at);

-- PostgreSQL counts characters as the API does; lower-casing can lengthen a name, and the columns match the
-- mappings (the same widths as on H2).
alter table timeline_entry alter column text type varchar(20000);
alter table timeline_entry alter column author_id type varchar(1000);
alter table timeline_entry alter column author_name type varchar(1000);
alter table order_summary alter column visitor_name type varchar(1000);
alter table order_summary alter column visitor_name_lower type varchar(1000);
alter table order_summary alter column ticket_number type varchar(128);
alter table order_summary alter column ticket_lower type varchar(128);
alter table order_summary alter column executor_id type varchar(1000);
alter table order_summary alter column executor_name type varchar(1000);
alter table order_summary alter column guest_id type varchar(1000);
alter table order_detail alter column guest_id type varchar(1000);
