-- Issue 6: operators' actions on the system (projection replays, dead-letter retries, store checks)
create table operator_action (at timestamp(6) with time zone not null, actor_role varchar(32) not null, channel varchar(32) not null, id varchar(36) not null, action varchar(64) not null, trace_id varchar(64), actor_id varchar(200) not null, actor_name varchar(200) not null, subject varchar(200), primary key (id));
create index ix_operator_action_at on operator_action (at desc);
