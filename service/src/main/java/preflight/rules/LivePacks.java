package preflight.rules;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The packs checks run on right now. Swapped whole and atomically, so a check that has read the packs
 * finishes on them even if a new set goes live meanwhile.
 */
public final class LivePacks implements Supplier<RulePacks> {

    private final AtomicReference<RulePacks> current = new AtomicReference<>();

    /** The live packs; throws when none have loaded yet (callers check {@link #isLoaded()} first). */
    @Override
    public RulePacks get() {
        RulePacks packs = current.get();
        if (packs == null) {
            throw new IllegalStateException("rule packs are not loaded yet");
        }
        return packs;
    }

    public boolean isLoaded() {
        return current.get() != null;
    }

    public void swap(RulePacks packs) {
        current.set(packs);
    }
}
