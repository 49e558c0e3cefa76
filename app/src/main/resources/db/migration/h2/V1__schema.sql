-- Order Desk schema, version 1 (h2): Axon's event store, snapshots, tokens, sagas and dead letters;
-- db-scheduler's deadlines; the read models; the webhook inbox; idempotency records; order numbers.
-- Generated from the JPA mappings (Hibernate 6.6, H2), then named and ordered by hand;
-- the application only validates it (spring.jpa.hibernate.ddl-auto=validate).

create sequence association_value_entry_seq start with 1 increment by 50;
create sequence domain_event_global_index start with 1 increment by 1;
create table association_value_entry (id bigint not null, association_key varchar(255) not null, association_value varchar(255), saga_id varchar(255) not null, saga_type varchar(255), primary key (id));
create table dead_letter_entry (enqueued_at timestamp(6) with time zone not null, last_touched timestamp(6) with time zone, processing_started timestamp(6) with time zone, sequence_index bigint not null, sequence_number bigint, cause_message varchar(1023), aggregate_identifier varchar(255), cause_type varchar(255), dead_letter_id varchar(255) not null, event_identifier varchar(255) not null, message_type varchar(255) not null, payload_revision varchar(255), payload_type varchar(255) not null, processing_group varchar(255) not null, sequence_identifier varchar(255) not null, time_stamp varchar(255) not null, token_type varchar(255), type varchar(255), diagnostics blob, meta_data blob, payload blob not null, token blob, primary key (dead_letter_id), unique (processing_group, sequence_identifier, sequence_index));
create table domain_event_entry (global_index bigint not null, sequence_number bigint not null, aggregate_identifier varchar(255) not null, event_identifier varchar(255) not null unique, payload_revision varchar(255), payload_type varchar(255) not null, time_stamp varchar(255) not null, type varchar(255), meta_data blob, payload blob not null, primary key (global_index), unique (aggregate_identifier, sequence_number));
create table idempotency_record (completed boolean not null, http_status integer, created_at timestamp(6) with time zone not null, updated_at timestamp(6) with time zone not null, fingerprint varchar(64) not null, scope_hash varchar(64) not null, etag varchar(100), content_type varchar(200), principal varchar(200) not null, location varchar(500), body varbinary(1048576), primary key (scope_hash));
create table order_detail (number varchar(7) not null unique, version bigint not null, order_id varchar(64) not null, guest_id varchar(200), document varchar(1000000) not null, primary key (order_id));
create table order_number (number bigint not null unique, order_id varchar(64) not null, primary key (order_id));
create table order_number_counter (id integer not null, last_number bigint not null, primary key (id));
create table order_summary (due_date date not null, number varchar(7) not null unique, created_at timestamp(6) with time zone not null, remainder_minor bigint not null, total_minor bigint not null, version bigint not null, phone_digits varchar(20) not null, payment_status varchar(32) not null, status varchar(32) not null, ticket_lower varchar(32), ticket_number varchar(32), order_id varchar(64) not null, time_zone varchar(64) not null, service_id varchar(100) not null, executor_id varchar(200), executor_name varchar(200), guest_id varchar(200), service_name varchar(200) not null, visitor_name varchar(200) not null, visitor_name_lower varchar(200) not null, primary key (order_id));
create table payment_inbox (attempts integer not null, deliveries integer not null, claimed_until timestamp(6) with time zone, next_attempt_at timestamp(6) with time zone not null, processed_at timestamp(6) with time zone, received_at timestamp(6) with time zone not null, event varchar(64) not null, object_id varchar(100) not null, notification_key varchar(250) not null, outcome varchar(500), body varchar(100000) not null, primary key (notification_key));
create table saga_entry (revision varchar(255), saga_id varchar(255) not null, saga_type varchar(255), serialized_saga blob, primary key (saga_id));
create table snapshot_event_entry (sequence_number bigint not null, aggregate_identifier varchar(255) not null, event_identifier varchar(255) not null unique, payload_revision varchar(255), payload_type varchar(255) not null, time_stamp varchar(255) not null, type varchar(255) not null, meta_data blob, payload blob not null, primary key (sequence_number, aggregate_identifier, type));
create table timeline_entry (at timestamp(6) with time zone not null, sequence_number bigint not null, kind varchar(16) not null, author_role varchar(32), order_id varchar(64) not null, time_zone varchar(64) not null, entry_id varchar(100) not null, author_id varchar(200), author_name varchar(200), text varchar(5000) not null, primary key (entry_id));
create table token_entry (segment integer not null, owner varchar(255), processor_name varchar(255) not null, timestamp varchar(255) not null, token_type varchar(255), token blob, primary key (processor_name, segment));
create index ix_association_saga_key_value on association_value_entry (saga_type, association_key, association_value);
create index ix_association_saga on association_value_entry (saga_id, saga_type);
create index ix_dead_letter_group on dead_letter_entry (processing_group);
create index ix_dead_letter_group_sequence on dead_letter_entry (processing_group, sequence_identifier);
create index ix_summary_created on order_summary (created_at desc);
create index ix_summary_status_created on order_summary (status, created_at desc);
create index ix_summary_payment_created on order_summary (payment_status, created_at desc);
create index ix_summary_status_payment_created on order_summary (status, payment_status, created_at desc);
create index ix_summary_service_created on order_summary (service_id, created_at desc);
create index ix_summary_executor_created on order_summary (executor_id, created_at desc);
create index ix_summary_guest_created on order_summary (guest_id, created_at desc);
create index ix_summary_due on order_summary (due_date);
create index ix_summary_total on order_summary (total_minor);
create index ix_summary_ticket on order_summary (ticket_lower);
create index ix_summary_phone on order_summary (phone_digits);
create index ix_inbox_due on payment_inbox (processed_at, next_attempt_at);
create index ix_timeline_order on timeline_entry (order_id, sequence_number);

-- db-scheduler (persistent Axon deadlines)
create table scheduled_tasks (task_name varchar(100) not null, task_instance varchar(100) not null, task_data blob, execution_time timestamp with time zone not null, picked boolean not null, picked_by varchar(50), last_success timestamp with time zone, last_failure timestamp with time zone, consecutive_failures int, last_heartbeat timestamp with time zone, version bigint not null, priority smallint, primary key (task_name, task_instance));
create index ix_scheduled_tasks_execution on scheduled_tasks (execution_time);
create index ix_scheduled_tasks_picked on scheduled_tasks (picked, last_heartbeat);
-- tokens are claimed and read by owner; dead letters are found by processing group and event
create index ix_token_owner on token_entry (owner);
create index ix_dead_letter_event on dead_letter_entry (event_identifier);
