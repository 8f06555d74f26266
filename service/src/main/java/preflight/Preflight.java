package preflight;

import java.time.Clock;
import preflight.cases.CaseRunner;
import preflight.check.CheckService;
import preflight.config.Settings;
import preflight.http.CheckRequestParser;
import preflight.regulations.RegulationCatalog;
import preflight.rules.LivePacks;
import preflight.rules.PackLoader;
import preflight.rules.RulePacks;
import preflight.scoring.DecisionPolicy;

/** Wires the service by hand: one place that knows which part needs which. */
public final class Preflight {

    private final Settings settings;
    private final Clock clock;
    private final LivePacks packs = new LivePacks();
    private final CheckRequestParser parser;
    private final CheckService checks;

    public Preflight(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.parser = new CheckRequestParser(clock);
        this.checks = new CheckService(packs, new DecisionPolicy(), settings.checkConcurrency());
    }

    /** Reads the catalog and compiles every pack; throws with every problem when anything is wrong. */
    public RulePacks loadPacks() {
        RegulationCatalog catalog = RegulationCatalog.load(settings.regulationsDir());
        RulePacks loaded = new PackLoader(settings.rulesDir(), catalog, clock).loadAll();
        packs.swap(loaded);
        return loaded;
    }

    public Clock clock() {
        return clock;
    }

    public Settings settings() {
        return settings;
    }

    public LivePacks packs() {
        return packs;
    }

    public CheckRequestParser parser() {
        return parser;
    }

    public CheckService checks() {
        return checks;
    }

    public CaseRunner caseRunner() {
        return new CaseRunner(parser, checks);
    }
}
