-- The port's tally of what arrived, line by line. A line whose received quantity differs from the
-- notified one is held at the port until the discrepancy is resolved: a new tally that matches, or
-- the port accepting to release what was received (short-landed goods).
alter table consignment_line add column received_quantity numeric(18, 3);
alter table consignment_line add column discrepancy_accepted boolean default false not null;
