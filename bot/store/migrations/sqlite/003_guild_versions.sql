-- Other processes ask for the servers whose overlay changed since the version they last read
-- (BriefingService.catch_up): an index, so that stays cheap with many servers.
CREATE INDEX guilds_by_version ON guilds (version);
