-- Gateway payments this service created: their notifications are processed before anything else in the inbox,
-- so a flood of junk never delays a real payment.
create table gateway_payment_ref (payment_id varchar(100) not null, order_id varchar(64) not null, created_at timestamp(6) with time zone not null, primary key (payment_id));
alter table payment_inbox add column priority integer default 1 not null;
create index ix_inbox_claim on payment_inbox (processed_at, priority, received_at);

-- The API counts characters (code points); H2 counts UTF-16 units: an emoji takes two. Room for every text the
-- API accepts (4 000 characters of a message = up to 8 000 units, plus the line around it; names, ids, tickets).
alter table timeline_entry alter column text set data type varchar(20000);
alter table timeline_entry alter column author_id set data type varchar(1000);
alter table timeline_entry alter column author_name set data type varchar(1000);
alter table order_summary alter column visitor_name set data type varchar(1000);
alter table order_summary alter column visitor_name_lower set data type varchar(1000);
alter table order_summary alter column ticket_number set data type varchar(128);
alter table order_summary alter column ticket_lower set data type varchar(128);
alter table order_summary alter column executor_id set data type varchar(1000);
alter table order_summary alter column executor_name set data type varchar(1000);
alter table order_summary alter column guest_id set data type varchar(1000);
alter table order_detail alter column guest_id set data type varchar(1000);
