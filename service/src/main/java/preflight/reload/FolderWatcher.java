package preflight.reload;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches folders (and every folder under them, also ones created later) and runs an action once the
 * files have been quiet for a moment, so an officer saving several files causes one reload.
 */
public final class FolderWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FolderWatcher.class);

    private final WatchService watch;
    private final Thread thread;
    private final long quietMillis;
    private final Runnable action;

    public FolderWatcher(List<Path> roots, long quietMillis, Runnable action) throws IOException {
        this.watch = FileSystems.getDefault().newWatchService();
        this.quietMillis = quietMillis;
        this.action = action;
        for (Path root : roots) {
            registerTree(root);
        }
        this.thread = new Thread(this::run, "folder-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void registerTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                d.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void run() {
        try {
            while (true) {
                WatchKey first = watch.take();
                drain(first);
                // wait for the edits to settle
                WatchKey more;
                while ((more = watch.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                try {
                    action.run();
                } catch (RuntimeException e) {
                    log.error("reload after a file change failed; the live packs stay", e);
                }
            }
        } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
            // closing
        }
    }

    private void drain(WatchKey key) {
        for (var event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && key.watchable() instanceof Path dir) {
                Path created = dir.resolve((Path) event.context());
                if (Files.isDirectory(created)) {
                    try {
                        registerTree(created);
                    } catch (IOException e) {
                        log.warn("cannot watch {}: {}", created, e.getMessage());
                    }
                }
            }
        }
        key.reset();
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        watch.close();
    }
}
