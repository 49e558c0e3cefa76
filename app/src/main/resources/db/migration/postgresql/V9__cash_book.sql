-- Issue 13: the cash book, one row per money movement (payment or refund, desk or gateway) and one header per order,
-- for the daily cash report of a service. local_date is the movement's day in the service's zone. A new read model:
-- its catch-up processor starts at the beginning of the store and fills it for every order already there.
create table cash_entry (entry_id varchar(100) not null, order_id varchar(64) not null, sequence_number bigint not null, kind varchar(8) not null, order_number varchar(7) not null, service_id varchar(100) not null, service_name varchar(200) not null, time_zone varchar(64) not null, at timestamp(6) with time zone not null, local_date date not null, source varchar(16), method varchar(32), amount_minor bigint, by_id varchar(200), by_name varchar(200), primary key (entry_id));
create index ix_cash_service_day on cash_entry (service_id, local_date, at);
