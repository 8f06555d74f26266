package preflight.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import preflight.listing.Product;
import preflight.regulations.RegulationCatalog;
import preflight.rules.Finding;

/** A slow classifier never holds a check up: the lexicon's answer stands, and the late answer is kept. */
class BudgetedClassifierTest {

    /** A classifier that takes its time, as a model on a busy machine does. */
    static final class Slow implements IpClassifier {
        final AtomicInteger calls = new AtomicInteger();
        final long millis;

        Slow(long millis) {
            this.millis = millis;
        }

        @Override
        public String name() {
            return "slow";
        }

        @Override
        public Opinion classify(IpQuestion q) {
            calls.incrementAndGet();
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Opinion(0.1, List.of(), "looks fine", "slow");
        }
    }

    static IpQuestion question() {
        return new IpQuestion("Trail running shoes like Nike", false, List.of("Nike"), "footwear", "Trailfox");
    }

    @Test
    void anOverrunIsUnavailableAndTheLateAnswerIsCachedForNextTime() throws Exception {
        Slow slow = new Slow(300);
        BudgetedClassifier budgeted = new BudgetedClassifier(new CachedClassifier(slow, 10), 20, 2);

        assertThatThrownBy(() -> budgeted.classify(question()))
                .isInstanceOf(ClassifierUnavailableException.class).hasMessageContaining("within 20 ms");
        Thread.sleep(500); // the model call finishes in the background
        Opinion later = budgeted.classify(question());

        assertThat(later.reasoning()).isEqualTo("looks fine");
        assertThat(slow.calls.get()).isEqualTo(1);
        budgeted.close();
    }

    @Test
    void theScreenKeepsTheLexiconsCautiousAnswerAndSaysWhy() {
        IpData data = new IpDataLoader().load(Path.of("country-regulations", "ip"));
        IpScreen screen = new IpScreen(data, RegulationCatalog.load(Path.of("country-regulations")),
                new BudgetedClassifier(new Slow(300), 20, 2));

        IpResult r = screen.screen(new Product("Men's trail running shoes breathable", "Cushioning like Nike Air Max.",
                "footwear", "Trailfox", List.of(), null, null, null, null));

        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("IP-MARK-DOUBTFUL");
        assertThat(r.verdict().classifier()).isEqualTo("lexicon");
        assertThat(r.verdict().notes()).extracting(IpNote::reason).anyMatch(n -> n.contains("no answer within 20 ms"));
    }
}
