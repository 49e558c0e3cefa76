-- Issue 12: an order form's payments and refunds are rows of their own, so recording a payment no longer rewrites a
-- document that holds every earlier one. Documents written before keep their lists (counts 0) until their order's
-- next event moves them here.
create table order_detail_item (item_id varchar(100) not null, order_id varchar(64) not null, kind varchar(8) not null, item_index integer not null, item varchar(20000) not null, primary key (item_id));
create index ix_order_detail_item_order on order_detail_item (order_id, kind, item_index);
alter table order_detail add column payment_count integer default 0 not null;
alter table order_detail add column refund_count integer default 0 not null;
