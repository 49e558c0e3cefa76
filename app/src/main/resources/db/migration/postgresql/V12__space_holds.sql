-- Issue 27 (docs/adr/019): the hours a service's places are held, one row per hour per order, written in the
-- command's transaction. The primary key is the backstop: two transactions cannot both take one place of one hour.
create table space_hold (
    service_id varchar(100) not null,
    hour_start timestamp(6) with time zone not null,
    place integer not null,
    order_id varchar(36) not null,
    primary key (service_id, hour_start, place)
);
create index space_hold_order on space_hold (order_id);
