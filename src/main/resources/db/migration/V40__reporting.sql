-- Reporting: when a review was asked for, so the time each authority takes can be measured
-- (requested_at -> decided_at). The default stamps rows inserted without it.
alter table authority_review add column requested_at timestamp with time zone default current_timestamp;

-- KPI filters and the gauges scraped by Prometheus.
create index consignment_created_idx on consignment (created_at);
create index authority_review_authority_idx on authority_review (authority_code, status);
create index authority_review_due_idx on authority_review (status, due_at);
