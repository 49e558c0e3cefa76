-- Replays across several nodes (ADR 009): the node asked to replay a projection pauses it on every node here.
create table projection_control (projection varchar(64) not null, state varchar(16) not null, requested_by varchar(500),
    requested_at timestamp(6) with time zone not null, primary key (projection));
