import { defineMigration } from "@agora-hub/subgraph-kit";

/**
 * Saved searches and what they were sent. A search's criteria are kept as given (`criteria`) and, for matching,
 * as clauses (`saved_search_clause`: every clause must share a term with a change) and anchors
 * (`saved_search_anchor`: the terms of its most selective clause, per record type), so a change finds its
 * candidate searches by index whatever their number. `alert_match` remembers which records a search has
 * matched (NEW or UPDATED, deadline reminders); `alert_event` is each thing to send, unique per search and
 * change (never sent twice), with its delivery state: the owner's delivery log, the Atom feed.
 */
export const CreateSavedSearch1766100000000 = defineMigration({
  name: "CreateSavedSearch",
  timestamp: 1766100000000,
  up: async (runner) => {
    await runner.query(`
      CREATE TABLE saved_search (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        network text,
        person_id uuid,
        name text NOT NULL,
        criteria jsonb NOT NULL,
        record_types text[] NOT NULL CHECK (cardinality(record_types) > 0),
        channel text NOT NULL CHECK (channel IN ('WEBHOOK', 'EMAIL', 'FEED')),
        webhook_url text,
        webhook_secret text,
        email text,
        language text NOT NULL DEFAULT 'en',
        frequency text NOT NULL DEFAULT 'IMMEDIATE' CHECK (frequency IN ('IMMEDIATE', 'DAILY', 'WEEKLY')),
        include_updates boolean NOT NULL DEFAULT false,
        state text NOT NULL CHECK (state IN ('PENDING_CONFIRMATION', 'ACTIVE', 'PAUSED')),
        confirm_token text UNIQUE,
        confirm_expires_at timestamptz(3),
        confirmation_sent_at timestamptz(3),
        unsubscribe_token text NOT NULL UNIQUE,
        feed_token text NOT NULL UNIQUE,
        health text NOT NULL DEFAULT 'HEALTHY' CHECK (health IN ('HEALTHY', 'FAILING')),
        failing_since timestamptz(3),
        last_digest_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT saved_search_channel CHECK (
          (channel = 'WEBHOOK') = (webhook_url IS NOT NULL AND webhook_secret IS NOT NULL) AND (channel = 'EMAIL') = (email IS NOT NULL)
        ),
        CONSTRAINT saved_search_owner CHECK (network IS NOT NULL OR channel = 'EMAIL')
      )`);
    await runner.query(`CREATE INDEX saved_search_network ON saved_search (network, created_at, id) WHERE network IS NOT NULL`);
    await runner.query(`CREATE INDEX saved_search_person ON saved_search (person_id) WHERE person_id IS NOT NULL`);
    await runner.query(`CREATE INDEX saved_search_email ON saved_search (lower(email)) WHERE email IS NOT NULL`);
    await runner.query(`CREATE INDEX saved_search_pending ON saved_search (confirm_expires_at) WHERE state = 'PENDING_CONFIRMATION'`);
    await runner.query(
      `CREATE INDEX saved_search_unsent_confirmation ON saved_search (created_at) WHERE state = 'PENDING_CONFIRMATION' AND confirmation_sent_at IS NULL`,
    );
    await runner.query(`
      CREATE TABLE saved_search_clause (
        saved_search_id uuid NOT NULL REFERENCES saved_search (id) ON DELETE CASCADE,
        position smallint NOT NULL,
        terms text[] NOT NULL CHECK (cardinality(terms) > 0),
        PRIMARY KEY (saved_search_id, position)
      )`);
    await runner.query(`
      CREATE TABLE saved_search_anchor (
        record_type text NOT NULL,
        term text NOT NULL,
        saved_search_id uuid NOT NULL REFERENCES saved_search (id) ON DELETE CASCADE,
        PRIMARY KEY (record_type, term, saved_search_id)
      )`);
    await runner.query(`CREATE INDEX saved_search_anchor_search ON saved_search_anchor (saved_search_id)`);
    await runner.query(`
      CREATE TABLE alert_match (
        saved_search_id uuid NOT NULL REFERENCES saved_search (id) ON DELETE CASCADE,
        record_type text NOT NULL,
        record_id uuid NOT NULL,
        deadline timestamptz(3),
        reminded_at timestamptz(3),
        matched_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (saved_search_id, record_type, record_id)
      )`);
    await runner.query(`CREATE INDEX alert_match_record ON alert_match (record_type, record_id)`);
    await runner.query(`CREATE INDEX alert_match_due ON alert_match (deadline) WHERE reminded_at IS NULL AND deadline IS NOT NULL`);
    await runner.query(`
      CREATE TABLE alert_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        saved_search_id uuid NOT NULL REFERENCES saved_search (id) ON DELETE CASCADE,
        dedup_key text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('NEW', 'UPDATED', 'CLOSING_SOON')),
        record_type text NOT NULL,
        record_id uuid NOT NULL,
        network text NOT NULL,
        title jsonb NOT NULL,
        summary jsonb,
        path text NOT NULL,
        deadline timestamptz(3),
        channel text NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'DIGEST', 'DELIVERED', 'FAILED', 'SKIPPED')),
        sending_since timestamptz(3),
        destination text,
        attempts integer NOT NULL DEFAULT 0,
        response_status integer,
        last_error text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        delivered_at timestamptz(3),
        UNIQUE (saved_search_id, dedup_key)
      )`);
    await runner.query(`CREATE INDEX alert_event_search ON alert_event (saved_search_id, created_at DESC, id DESC)`);
    await runner.query(`CREATE INDEX alert_event_digest ON alert_event (saved_search_id) WHERE status = 'DIGEST'`);
    await runner.query(`CREATE INDEX alert_event_sending ON alert_event (saved_search_id) WHERE status = 'SENDING'`);
    await runner.query(`CREATE INDEX alert_event_destination_sending ON alert_event (destination) WHERE status = 'SENDING'`);
    await runner.query(`CREATE INDEX alert_event_search_delivered ON alert_event (saved_search_id, delivered_at) WHERE delivered_at IS NOT NULL`);
    await runner.query(`CREATE INDEX alert_event_destination_delivered ON alert_event (destination, delivered_at) WHERE delivered_at IS NOT NULL`);
    // Unconfirmed subscriptions asked for by one client, for its hourly limit (a hash of the gateway's pseudonym, kept an hour).
    await runner.query(`
      CREATE TABLE subscription_request (
        client_hash text NOT NULL,
        requested_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX subscription_request_client ON subscription_request (client_hash, requested_at)`);
  },
  down: async (runner) => {
    await runner.query(`DROP TABLE subscription_request`);
    await runner.query(`DROP TABLE alert_event`);
    await runner.query(`DROP TABLE alert_match`);
    await runner.query(`DROP TABLE saved_search_anchor`);
    await runner.query(`DROP TABLE saved_search_clause`);
    await runner.query(`DROP TABLE saved_search`);
  },
});
