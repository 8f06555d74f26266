package preflight.ip;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The offline classifier: an in-process sentence-embedding model (all-MiniLM-L6-v2, quantised, for English;
 * bge-small-zh v1.5 for Chinese), shipped inside Maven jars and run by ONNX Runtime, compares the listing
 * with labelled examples ({@code classifier-examples.yaml}) and lets its nearest neighbours vote, the
 * closer the louder. Models load on first use or {@link #warm()}.
 */
public final class EmbeddingClassifier implements IpClassifier {

    static final String ENGLISH = "embedded:all-minilm-l6-v2-q";
    static final String CHINESE = "embedded:bge-small-zh-v15";
    private static final int NEIGHBOURS = 7;
    /** Softmax temperature over cosine similarity: neighbours 0.05 apart differ in weight by e. */
    private static final double TEMPERATURE = 0.05;

    /** One language: its model, its examples, their vectors (computed once). */
    private static final class Space {
        private final String name;
        private final Supplier<EmbeddingModel> factory;
        private final List<ClassifierExample> examples;
        private volatile EmbeddingModel model;
        private volatile float[][] vectors;

        Space(String name, Supplier<EmbeddingModel> factory, List<ClassifierExample> examples) {
            this.name = name;
            this.factory = factory;
            this.examples = examples;
        }

        synchronized void load() {
            if (vectors == null) {
                EmbeddingModel m = factory.get();
                float[][] v = new float[examples.size()][];
                for (int i = 0; i < examples.size(); i++) {
                    v[i] = m.embed(examples.get(i).text()).content().vector();
                }
                model = m;
                vectors = v;
            }
        }

        float[] embed(String text) {
            if (vectors == null) {
                load();
            }
            return model.embed(text).content().vector();
        }
    }

    private final Space english;
    private final Space chinese;

    public EmbeddingClassifier(List<ClassifierExample> examples) {
        this.english = new Space(ENGLISH, OnnxEmbeddingModels::miniLmQuantised,
                examples.stream().filter(e -> e.lang().equals("en")).toList());
        this.chinese = new Space(CHINESE, OnnxEmbeddingModels::bgeSmallZh,
                examples.stream().filter(e -> e.lang().equals("zh")).toList());
    }

    @Override
    public String name() {
        return ENGLISH;
    }

    @Override
    public void warm() {
        english.load();
        chinese.load();
    }

    @Override
    public Opinion classify(IpQuestion question) {
        Space space = question.chinese() && !chinese.examples.isEmpty() ? chinese : english;
        return vote(space, space.embed(question.text()), question);
    }

    private record Neighbour(ClassifierExample example, double similarity) {
    }

    private static Opinion vote(Space space, float[] query, IpQuestion question) {
        List<Neighbour> all = new ArrayList<>(space.examples.size());
        for (int i = 0; i < space.examples.size(); i++) {
            all.add(new Neighbour(space.examples.get(i), cosine(query, space.vectors[i])));
        }
        all.sort(Comparator.comparingDouble(Neighbour::similarity).reversed());
        List<Neighbour> nearest = all.subList(0, Math.min(NEIGHBOURS, all.size()));
        if (nearest.isEmpty()) {
            return new Opinion(0.5, question.marks(), "No labelled examples to compare with.", space.name);
        }
        double top = nearest.get(0).similarity();
        double infringing = 0;
        double total = 0;
        for (Neighbour n : nearest) {
            double w = Math.exp((n.similarity() - top) / TEMPERATURE);
            total += w;
            if (n.example().infringing()) {
                infringing += w;
            }
        }
        double p = infringing / total;
        Neighbour closest = nearest.get(0);
        String reasoning = String.format(java.util.Locale.ROOT,
                "Closest labelled example (similarity %.2f, %s): \"%s\".", closest.similarity(),
                closest.example().infringing() ? "infringing" : "legitimate", closest.example().text());
        return new Opinion(p, p >= 0.5 ? question.marks() : List.of(), reasoning, space.name);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
