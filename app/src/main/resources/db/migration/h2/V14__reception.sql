-- Issue 30 (docs/adr/022): the reception's list reads who checked in and left from the order list's rows; today's
-- guests of a service are found by the rental's start.
alter table order_summary add column checked_in_at timestamp(6) with time zone;
alter table order_summary add column checked_out_at timestamp(6) with time zone;
create index ix_summary_service_rental on order_summary (service_id, rental_start);
-- the key guests' passes are signed with, when orderdesk.tickets.pass-secret is not set: made once by the first node
create table pass_secret (id int primary key, secret varchar(128) not null);
-- the booking in the guest's calendar: a mail's iCalendar attachment (its iTIP method and text), and how many times the
-- order's event changed (its SEQUENCE) and whether it was cancelled
alter table notification_outbox add column calendar_method varchar(16);
alter table notification_outbox add column calendar_body varchar(20000);
alter table notification_order add column calendar_sequence integer default 0 not null;
alter table notification_order add column cancelled boolean default false not null;
-- the guest's pass in the confirmation mail: its code, whose QR picture the sender puts in the mail
alter table notification_outbox add column pass_code varchar(64);
-- db-scheduler now keeps every order's rental deadlines (thousands of rows, due days ahead): its poll, `picked = false
-- and execution_time <= now order by execution_time`, read every unpicked row through (picked, last_heartbeat) on H2
-- (scanCount 20 001 of 20 001 in EXPLAIN ANALYZE); on (picked, execution_time) it reads the due ones only
create index ix_scheduled_tasks_due on scheduled_tasks (picked, execution_time);
