package preflight.reload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread for background work (compiling packs, running golden cases, warming up, previews), at the lowest OS
 * priority. That work takes seconds of CPU; at normal priority it takes a core from the checks for that
 * long, and their p99 rose from 0.6 to 5 ms during a reload on two cores. Java thread priorities do
 * nothing on Linux, so the thread renices itself (nice 19, which needs no privilege); where that is not
 * possible it runs at normal priority and says so.
 */
public final class BackgroundThread implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundThread.class);

    private final ExecutorService executor;
    private volatile Thread thread;

    public BackgroundThread(String name) {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(() -> {
                lowerPriority(name);
                r.run();
            }, name);
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    /** Runs the work on the background thread and waits for it; on that thread already, runs it here. */
    public <T> T run(Callable<T> work) {
        if (Thread.currentThread() == thread) {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        Future<T> f = executor.submit(work);
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + thread.getName(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Lowers the calling thread's OS priority to nice 19, or logs why it cannot. */
    public static void lowerPriority(String name) {
        try {
            // /proc/thread-self -> <pid>/task/<tid>; renice applies to one thread when given its id
            String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            Process p = new ProcessBuilder("renice", "-n", "19", "-p", tid).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                log.warn("{} runs at normal priority: renice said {}", name, out);
            }
        } catch (Exception e) {
            log.warn("{} runs at normal priority: {}", name, e.toString());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
