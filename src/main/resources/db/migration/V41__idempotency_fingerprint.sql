-- What a notification sent with an Idempotency-Key said: a retry must say the same.
alter table consignment add column idempotency_fingerprint varchar(64);
