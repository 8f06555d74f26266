package preflight.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import preflight.ip.IpClassifier;
import preflight.ip.IpQuestion;
import preflight.ip.Opinion;

/** Times each classifier call, tagged with the implementation that answered, or "failed". */
final class MeteredClassifier implements IpClassifier {

    private final IpClassifier inner;
    private final MeterRegistry registry;

    MeteredClassifier(IpClassifier inner, MeterRegistry registry) {
        this.inner = inner;
        this.registry = registry;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public Opinion classify(IpQuestion question) {
        long t0 = System.nanoTime();
        String answered = "failed";
        try {
            Opinion o = inner.classify(question);
            answered = o.classifier() == null ? inner.name() : o.classifier();
            return o;
        } finally {
            Timer.builder("preflight.ip.classifier.calls").tag("classifier", answered).publishPercentileHistogram()
                    .register(registry).record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void warm() {
        inner.warm();
    }

    @Override
    public List<IpClassifier> parts() {
        return List.of(inner);
    }
}
