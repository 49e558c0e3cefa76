-- Issue 26: mail goes only to an address the guest proved. notification_order.email_state: PROVEN (staff stated it, or
-- it is the guest's own), UNCONFIRMED (a guest gave another: mails are held, one mail asks to confirm), CONFIRMED.
-- Mails held for an unconfirmed address wait in the outbox as HELD. The index serves the per-address rate limit.
alter table notification_order add column email_state varchar(16) default 'PROVEN' not null;
create index ix_notification_recipient on notification_outbox (recipient, sent_at);
