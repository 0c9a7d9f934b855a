-- A message is claimed (SENDING) before the provider is called, so two central replicas never
-- send it twice; a claim older than a few minutes (a crash mid-send) is released again.
ALTER TABLE central_sms ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
