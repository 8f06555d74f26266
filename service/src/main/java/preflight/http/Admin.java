package preflight.http;

import preflight.db.AuditLog;
import preflight.db.StoredKeys;
import preflight.rollout.Rollout;
import preflight.rollout.ShadowRunner;

/** What the officers' and admins' routes work with; exists once storage is open. */
public record Admin(Rollout rollout, ShadowRunner shadow, StoredKeys keys, AuditLog audit) {
}
