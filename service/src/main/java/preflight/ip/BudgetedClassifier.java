package preflight.ip;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Gives a classifier a time budget per check. A call that overruns is not abandoned: it finishes in the
 * background, so with a {@link CachedClassifier} inside, the same listing submitted again gets the
 * answer at once. Meanwhile the caller gets {@link ClassifierUnavailableException} and the screen keeps
 * the lexicon's cautious answer, so a slow model never holds up the listing flow.
 */
public final class BudgetedClassifier implements IpClassifier, AutoCloseable {

    private final IpClassifier inner;
    private final long budgetMillis;
    private final ThreadPoolExecutor calls;

    /** @param threads model calls at once; more wait in a short queue, and past it are refused at once */
    public BudgetedClassifier(IpClassifier inner, long budgetMillis, int threads) {
        this.inner = inner;
        this.budgetMillis = budgetMillis;
        this.calls = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64), r -> {
            Thread t = new Thread(r, "ip-classifier");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void warm() {
        inner.warm();
    }

    @Override
    public Opinion classify(IpQuestion question) {
        Future<Opinion> answer;
        try {
            answer = calls.submit(() -> inner.classify(question));
        } catch (RejectedExecutionException e) {
            throw new ClassifierUnavailableException("too many classifier calls waiting", e);
        }
        try {
            return answer.get(budgetMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ClassifierUnavailableException(inner.name() + " gave no answer within " + budgetMillis + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof ClassifierUnavailableException u) {
                throw u;
            }
            throw new ClassifierUnavailableException(inner.name() + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClassifierUnavailableException("interrupted while waiting for " + inner.name(), e);
        }
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }

    @Override
    public java.util.List<IpClassifier> parts() {
        return java.util.List.of(inner);
    }
}
