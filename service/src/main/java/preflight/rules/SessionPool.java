package preflight.rules;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import preflight.listing.Listing;

/**
 * Reuses KieSessions of one KieBase: creating a session costs more than evaluating one listing. A
 * session is used by one thread at a time and handed back empty (its one fact deleted).
 */
final class SessionPool {

    private final KieBase kieBase;
    private final ConcurrentLinkedQueue<KieSession> idle = new ConcurrentLinkedQueue<>();

    SessionPool(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    void fire(Listing listing, Findings findings) {
        KieSession session = idle.poll();
        if (session == null) {
            session = kieBase.newKieSession();
        }
        boolean clean = false;
        try {
            session.setGlobal("findings", findings);
            FactHandle handle = session.insert(listing);
            session.fireAllRules();
            session.delete(handle);
            clean = true;
        } finally {
            if (clean) {
                idle.offer(session);
            } else {
                session.dispose();
            }
        }
    }
}
