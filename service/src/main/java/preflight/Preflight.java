package preflight;

import java.time.Clock;
import preflight.cases.CaseRunner;
import preflight.check.CheckService;
import java.util.concurrent.atomic.AtomicReference;
import preflight.config.Settings;
import preflight.ip.IpClassifier;
import preflight.ip.IpClassifiers;
import preflight.ip.IpData;
import preflight.ip.IpDataLoader;
import preflight.ip.IpScreen;
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
    private final AtomicReference<IpScreen> ipScreen = new AtomicReference<>();
    private IpClassifier classifier;
    private final CheckRequestParser parser;
    private final CheckService checks;

    public Preflight(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.parser = new CheckRequestParser(clock);
        this.checks = new CheckService(packs, ipScreen::get, new DecisionPolicy(), settings.checkConcurrency());
    }

    /** Reads the catalog and compiles every pack; throws with every problem when anything is wrong. */
    public RulePacks loadPacks() {
        RegulationCatalog catalog = RegulationCatalog.load(settings.regulationsDir());
        RulePacks loaded = new PackLoader(settings.rulesDir(), catalog, clock).loadAll();
        IpData ip = new IpDataLoader().load(settings.ipDataDir());
        ipScreen.set(new IpScreen(ip, catalog, classifier(ip)));
        packs.swap(loaded);
        return loaded;
    }

    /** Built once: a classifier holds models that take seconds to load. */
    private synchronized IpClassifier classifier(IpData ip) {
        if (classifier == null) {
            classifier = switch (settings.ipClassifier()) {
                case "lexicon" -> null;
                case "llm" -> IpClassifiers.llmWithFallback(settings.llm(), ip.examples(), settings.ipClassifierBudgetMillis());
                default -> IpClassifiers.embedded(ip.examples(), settings.ipClassifierBudgetMillis());
            };
        }
        return classifier;
    }

    /** The live IP screen; null until {@link #loadPacks()} has run. */
    public IpScreen ipScreen() {
        return ipScreen.get();
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
