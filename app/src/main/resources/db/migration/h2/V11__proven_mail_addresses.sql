-- Issue 26: mail goes only to an address the guest proved. notification_order.email_state: PROVEN (staff stated it, or
-- it is the guest's own), UNCONFIRMED (a guest gave another: mails are held, one mail asks to confirm), CONFIRMED.
-- Mails held for an unconfirmed address wait in the outbox as HELD. recipient_key is the address as addresses are
-- compared (A–Z in lower case, EmailAddress.key): the per-address limits count by it, with its index.
alter table notification_order add column email_state varchar(16) default 'PROVEN' not null;
alter table notification_outbox add column recipient_key varchar(320);
update notification_outbox set recipient_key = lower(recipient);
create index ix_notification_recipient on notification_outbox (recipient_key, sent_at);
-- the key that signs the links in mails when orderdesk.notifications.unsubscribe-secret is not set: made by the first
-- node to start, read by every other and after every restart (one row)
create table mail_link_secret (id int primary key, secret varchar(128) not null);
