-- Tasklist shows each official what came of their latest work (reporting/CasePage, /cases/recent):
-- their own timeline entries, newest first.
create index consignment_event_actor_idx on consignment_event (actor, occurred_at);
