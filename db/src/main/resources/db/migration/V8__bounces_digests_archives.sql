-- Archive threading looks up replies that arrived before their parent (In-Reply-To) on every store;
-- without this index that is a scan of the list's archive per message.
CREATE INDEX ix_archived_in_reply_to ON archived_message (list_id, in_reply_to(255));
